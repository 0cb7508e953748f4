//! Keyword rules → category, priority and language, with the words that decided them.
//! Rules are data (`config/rules.toml`, compiled into the binary as the default).

use super::model::{Category, Classification, Language, Priority};

/// The default rules shipped in the binary.
pub const DEFAULT_RULES: &str = include_str!("../../config/rules.toml");

/// A rules file that cannot be used; lists every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid rules: {}", .problems.join("; "))]
pub struct RulesError {
    pub problems: Vec<String>,
}

/// Compiled classification rules.
#[derive(Debug, Clone)]
pub struct Rules {}

impl Rules {
    /// Compile rules from TOML text.
    pub fn from_toml(_text: &str) -> Result<Rules, RulesError> {
        Ok(Rules {})
    }

    /// The rules compiled into the binary.
    pub fn builtin() -> Result<Rules, RulesError> {
        Rules::from_toml(DEFAULT_RULES)
    }

    /// Classify a request from its subject and the sender's newest text.
    pub fn classify(&self, _subject: &str, text: &str) -> Classification {
        Classification {
            category: Category::Other,
            priority: Priority::P3,
            language: detect_language(text),
            reasons: vec![],
        }
    }
}

/// Language of the sender's text: Chinese, English, or both.
pub fn detect_language(text: &str) -> Language {
    let cjk = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    if cjk > 0 {
        Language::Zh
    } else {
        Language::En
    }
}
