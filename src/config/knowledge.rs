//! `[knowledge]`: the knowledge-base folder and how suggestions and fact questions behave.

use serde::Deserialize;
use std::path::PathBuf;

/// `[knowledge]`. Without `dir` there is no knowledge base (fact questions still work).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Knowledge {
    /// Folder of Markdown articles, relative to the config file ("kb"); drafts go to its
    /// `drafts/` subfolder. Absent: no knowledge base, no suggestions.
    pub dir: Option<PathBuf>,
    /// Most articles suggested in one acknowledgement (1–3).
    pub max_suggestions: usize,
    /// Lowest retrieval score an article needs to be suggested.
    pub threshold: f64,
    /// Ask for missing facts (start time, symptom, impact, contact, asset) in the
    /// acknowledgement.
    pub ask_missing_facts: bool,
}

impl Default for Knowledge {
    fn default() -> Self {
        Knowledge {
            dir: None,
            max_suggestions: 3,
            threshold: crate::knowledge::index::DEFAULT_THRESHOLD,
            ask_missing_facts: true,
        }
    }
}

impl super::Config {
    /// The knowledge-base folder, resolved against the config file's folder.
    pub fn knowledge_dir(&self) -> Option<PathBuf> {
        self.knowledge.dir.as_deref().map(|d| self.resolve(d))
    }

    /// Problems in `[knowledge]`.
    pub(super) fn validate_knowledge(&self) -> Vec<String> {
        let mut p = Vec::new();
        let k = &self.knowledge;
        if !(1..=3).contains(&k.max_suggestions) {
            p.push(format!(
                "knowledge.max_suggestions {} must be 1, 2 or 3",
                k.max_suggestions
            ));
        }
        if !(k.threshold.is_finite() && k.threshold >= 0.0) {
            p.push(format!(
                "knowledge.threshold {} must be 0 or more",
                k.threshold
            ));
        }
        if let Some(r) = &self.general.rules {
            // The classifier's check reports an unreadable file; this one the fact rules.
            if let Ok(text) = std::fs::read_to_string(self.resolve(r)) {
                if let Err(e) = crate::ticket::facts::FactRules::from_toml(&text) {
                    p.push(format!("general.rules: {e}"));
                }
            }
        }
        if let Some(dir) = self.knowledge_dir() {
            if !dir.is_dir() {
                p.push(format!("knowledge.dir {} is not a folder", dir.display()));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::super::Config;

    const BASE: &str = "[mailbox]\nhost = \"h\"\nusername = \"u\"\npassword = \"p\"\naddress = \"s@example.com\"\n[smtp]\nhost = \"h\"\n";

    #[test]
    fn knowledge_keys_are_checked_and_dir_resolves_against_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("kb")).unwrap();
        let ok = format!("{BASE}[knowledge]\ndir = \"kb\"\n");
        let cfg = Config::from_toml(&ok, &dir.path().join("c.toml"), dir.path()).unwrap();
        assert_eq!(cfg.knowledge_dir(), Some(dir.path().join("kb")));
        let bad =
            format!("{BASE}[knowledge]\ndir = \"nope\"\nmax_suggestions = 5\nthreshold = -1.0\n");
        let err = Config::from_toml(&bad, &dir.path().join("c.toml"), dir.path()).unwrap_err();
        let msg = err.to_string();
        for needle in [
            "knowledge.dir",
            "knowledge.max_suggestions",
            "knowledge.threshold",
        ] {
            assert!(msg.contains(needle), "{needle} missing in {msg}");
        }
        let none = Config::from_toml(BASE, &dir.path().join("c.toml"), dir.path()).unwrap();
        assert_eq!(none.knowledge_dir(), None);
    }
}
