//! The facts a complete request states — when it started, what exactly happens, who and
//! which work is affected, how to reach the requester and, for hardware, where the device is
//! — found by named zh/en rules (`[[fact]]` in `config/rules.toml`, beside the classifier's
//! rules, parsed here from the same text), and the short questions that ask for the missing
//! ones in the requester's language. Pure: text in, facts out; no I/O, no clock.

use super::model::{Category, Priority};
use regex::{Regex, RegexSet, RegexSetBuilder};
use serde::Deserialize;

/// One kind of fact a request should state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactKind {
    /// When it started ("从早上九点开始", "since 10am").
    StartTime,
    /// What exactly happens: an error message, a screenshot, what was tried.
    Symptom,
    /// How many people and which work are affected.
    Impact,
    /// A phone number or extension.
    Contact,
    /// Hardware only: where the device is, or its asset tag.
    Asset,
}

impl FactKind {
    /// Every kind, in the order questions are asked.
    pub const ALL: [FactKind; 5] = [
        FactKind::StartTime,
        FactKind::Symptom,
        FactKind::Impact,
        FactKind::Contact,
        FactKind::Asset,
    ];

    /// The name used in rules, the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::StartTime => "start_time",
            FactKind::Symptom => "symptom",
            FactKind::Impact => "impact",
            FactKind::Contact => "contact",
            FactKind::Asset => "asset",
        }
    }

    /// The kind named `name`, if any.
    pub fn parse(name: &str) -> Option<FactKind> {
        FactKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name.trim())
    }

    /// The short question that asks for this fact, in `lang` (`zh` or `en`).
    pub fn question(self, lang: &str) -> &'static str {
        match (self, lang == "zh") {
            (FactKind::StartTime, true) => "问题是从什么时候开始的？（例如：今天早上九点、昨天下午）",
            (FactKind::StartTime, false) => {
                "When did it start? (for example: since 9 am today, yesterday afternoon)"
            }
            (FactKind::Symptom, true) => {
                "具体现象是什么？请附上错误提示原文或截图，并说明已经尝试过哪些操作。"
            }
            (FactKind::Symptom, false) => {
                "What exactly happens? Please quote the error message or attach a screenshot, and say what you have tried."
            }
            (FactKind::Impact, true) => "影响多少人、哪项工作？（例如：只有我 / 整个部门，无法出库）",
            (FactKind::Impact, false) => {
                "How many people and which work are affected? (for example: only me / the whole floor, cannot ship orders)"
            }
            (FactKind::Contact, true) => "方便联系您的电话或分机号是多少？",
            (FactKind::Contact, false) => "Which phone number or extension can we reach you on?",
            (FactKind::Asset, true) => "设备在哪里？请告诉我们楼层和工位号，或设备上的资产编号。",
            (FactKind::Asset, false) => {
                "Where is the device? Please give the floor and desk, or the asset tag on it."
            }
        }
    }

    /// Whether a request of this category should state this fact.
    pub fn applies_to(self, category: Category) -> bool {
        match self {
            FactKind::Asset => category == Category::Hardware,
            // A question or wish has no start time, symptom or impact to report.
            FactKind::StartTime | FactKind::Symptom | FactKind::Impact => {
                category != Category::Request
            }
            FactKind::Contact => true,
        }
    }
}

impl std::fmt::Display for FactKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fact rules file that cannot be used; lists every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid fact rules: {}", .problems.join("; "))]
pub struct FactRulesError {
    pub problems: Vec<String>,
}

/// The part of the rules file this module reads; everything else belongs to the classifier.
#[derive(Debug, Deserialize)]
struct FactFile {
    #[serde(default)]
    fact: Vec<FactRuleFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactRuleFile {
    id: String,
    fact: String,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Debug, Clone)]
struct FactRule {
    id: String,
    kind: FactKind,
    patterns: Vec<Regex>,
}

/// Compiled fact rules.
#[derive(Debug, Clone, Default)]
pub struct FactRules {
    rules: Vec<FactRule>,
    /// Every pattern of every rule, in rule order: one pass tells which rules can match,
    /// so a mail costs one scan instead of one per pattern (as in the classifier).
    set: Option<RegexSet>,
    /// For each rule, the index of its first pattern in `set`.
    first: Vec<usize>,
}

/// A fact found in a mail: which rule, and the words it matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FoundFact {
    pub kind: FactKind,
    pub rule: String,
    pub text: String,
}

impl serde::Serialize for FactKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a request states and what it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FactReport {
    /// One entry per kind found (the first rule that matched).
    pub found: Vec<FoundFact>,
    /// Kinds that apply to the category and were not found, in question order.
    pub missing: Vec<FactKind>,
}

impl FactReport {
    /// Whether `kind` was found.
    pub fn has(&self, kind: FactKind) -> bool {
        self.found.iter().any(|f| f.kind == kind)
    }

    /// Drop the incident questions (start time, symptom, impact) for a consultation: a
    /// P4 ticket (a how-to, a wish, thanks, something cosmetic) has nothing that broke,
    /// whatever its category. Contact and, for hardware, location are still asked.
    pub fn for_priority(mut self, priority: Priority) -> FactReport {
        if priority == Priority::P4 {
            self.missing.retain(|k| {
                !matches!(
                    k,
                    FactKind::StartTime | FactKind::Symptom | FactKind::Impact
                )
            });
        }
        self
    }

    /// The questions for the missing facts, in `lang`.
    pub fn questions(&self, lang: &str) -> Vec<String> {
        self.missing
            .iter()
            .map(|k| k.question(lang).to_string())
            .collect()
    }
}

impl FactRules {
    /// The fact rules of the built-in rules file.
    pub fn builtin() -> Result<FactRules, FactRulesError> {
        FactRules::from_toml(super::classify::DEFAULT_RULES)
    }

    /// Compile the `[[fact]]` rules of a rules file. Every problem is reported.
    pub fn from_toml(text: &str) -> Result<FactRules, FactRulesError> {
        let file: FactFile = toml::from_str(text).map_err(|e| FactRulesError {
            problems: vec![format!("TOML: {}", e.message())],
        })?;
        let mut problems = Vec::new();
        let mut rules = Vec::new();
        for raw in file.fact {
            let Some(kind) = FactKind::parse(&raw.fact) else {
                problems.push(format!(
                    "fact rule {}: unknown fact {:?} (expected start_time, symptom, impact, contact, asset)",
                    raw.id, raw.fact
                ));
                continue;
            };
            if raw.patterns.is_empty() && raw.words.is_empty() {
                problems.push(format!("fact rule {}: no patterns and no words", raw.id));
            }
            let mut patterns = Vec::new();
            let words: Vec<&str> = raw
                .words
                .iter()
                .map(|w| w.trim())
                .filter(|w| !w.is_empty())
                .collect();
            // Words: one alternation per rule, on ASCII word boundaries (fast, and English
            // words are ASCII).
            let alternation =
                (!words.is_empty()).then(|| format!(r"(?-u:\b)(?:{})(?-u:\b)", words.join("|")));
            let sources = raw.patterns.iter().cloned().chain(alternation);
            for p in sources {
                if has_unicode_boundary(&p) {
                    problems.push(format!(
                        "fact rule {}: pattern {p:?} uses a Unicode word boundary \\b; write (?-u:\\b) \
                         (a Unicode \\b on Chinese text makes every mail take the slow regex engine)",
                        raw.id
                    ));
                    continue;
                }
                match regex::RegexBuilder::new(&p)
                    .case_insensitive(true)
                    .size_limit(1 << 20)
                    .build()
                {
                    Ok(re) => patterns.push(re),
                    Err(e) => problems.push(format!(
                        "fact rule {}: pattern {p:?} does not compile: {}",
                        raw.id,
                        e.to_string().lines().last().unwrap_or_default()
                    )),
                }
            }
            rules.push(FactRule {
                id: raw.id,
                kind,
                patterns,
            });
        }
        if !problems.is_empty() {
            return Err(FactRulesError { problems });
        }
        let mut first = Vec::new();
        let mut all = Vec::new();
        for r in &rules {
            first.push(all.len());
            all.extend(r.patterns.iter().map(|p| p.as_str().to_string()));
        }
        let set = RegexSetBuilder::new(&all)
            .case_insensitive(true)
            .size_limit(1 << 24)
            .dfa_size_limit(1 << 26)
            .build()
            .map_err(|e| FactRulesError {
                problems: vec![format!("fact patterns do not compile together: {e}")],
            })?;
        Ok(FactRules {
            rules,
            set: Some(set),
            first,
        })
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// No rules at all (a rules file without `[[fact]]`): nothing is ever asked.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The facts `subject` and `text` state. `attachments` counts as symptom detail (a
    /// screenshot); `category` decides which facts apply.
    pub fn detect(
        &self,
        subject: &str,
        text: &str,
        attachments: usize,
        category: Category,
    ) -> FactReport {
        let mut found: Vec<FoundFact> = Vec::new();
        let (in_text, in_subject) = match &self.set {
            Some(set) => (set.matches(text), set.matches(subject)),
            None => return FactReport::default(),
        };
        for (i, rule) in self.rules.iter().enumerate() {
            if found.iter().any(|f| f.kind == rule.kind) {
                continue;
            }
            let base = self.first.get(i).copied().unwrap_or(0);
            let hit = rule.patterns.iter().enumerate().find_map(|(j, re)| {
                if in_text.matched(base + j) {
                    re.find(text)
                } else if in_subject.matched(base + j) {
                    re.find(subject)
                } else {
                    None
                }
            });
            if let Some(m) = hit {
                found.push(FoundFact {
                    kind: rule.kind,
                    rule: rule.id.clone(),
                    text: m.as_str().trim().chars().take(80).collect(),
                });
            }
        }
        if attachments > 0 && !found.iter().any(|f| f.kind == FactKind::Symptom) {
            found.push(FoundFact {
                kind: FactKind::Symptom,
                rule: "attachment".into(),
                text: format!("{attachments} attachment(s)"),
            });
        }
        found.sort_by_key(|f| f.kind);
        let missing = if self.rules.is_empty() {
            Vec::new()
        } else {
            FactKind::ALL
                .into_iter()
                .filter(|k| k.applies_to(category) && !found.iter().any(|f| f.kind == *k))
                .collect()
        };
        FactReport { found, missing }
    }
}

/// Whether `pattern` has a `\b` or `\B` outside `(?-u:…)`. The lazy DFA that runs the fact
/// set cannot evaluate a Unicode word boundary on non-ASCII text and the whole set then falls
/// back to the PikeVM: 100× slower on Chinese mail (measured: ~750 µs → ~6 µs per mail).
fn has_unicode_boundary(pattern: &str) -> bool {
    let rest = pattern.replace(r"(?-u:\b)", "").replace(r"(?-u:\B)", "");
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && matches!(chars.next(), Some('b' | 'B')) {
            return true;
        }
    }
    false
}

#[cfg(test)]
#[path = "facts_tests.rs"]
mod tests;
