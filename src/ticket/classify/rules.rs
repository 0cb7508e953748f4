//! The rules file (`config/rules.toml` format): TOML → typed, validated rules → one
//! `RegexSet` over every pattern, and the single pass that finds which rules match a
//! text. Pure: no I/O, no clock; every problem in a rules file is reported at once.
//! A rule's own regexes are compiled the first time it fires (see `compile`).

use super::super::model::{Category, Priority};
use super::compile::{build_set, compile_patterns, compile_unless, Compile, LazyRegex, LazySet};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The default rules shipped in the binary.
pub const DEFAULT_RULES: &str = include_str!("../../../config/rules.toml");

/// A rules file that cannot be used; lists every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid rules: {}", .problems.join("; "))]
pub struct RulesError {
    /// One line per problem, naming the rule id where there is one.
    pub problems: Vec<String>,
}

/// Facts a `[[signal]]` rule can establish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Signal {
    Broken,
    Ask,
    P1Scope,
    P1Core,
    Blocked,
    Deadline,
    Workaround,
    Cosmetic,
    Single,
    Urgent,
    Hedge,
}

impl Signal {
    const NAMES: &'static [(&'static str, Signal)] = &[
        ("broken", Signal::Broken),
        ("ask", Signal::Ask),
        ("p1_scope", Signal::P1Scope),
        ("p1_core", Signal::P1Core),
        ("blocked", Signal::Blocked),
        ("deadline", Signal::Deadline),
        ("workaround", Signal::Workaround),
        ("cosmetic", Signal::Cosmetic),
        ("single", Signal::Single),
        ("urgent", Signal::Urgent),
        ("hedge", Signal::Hedge),
    ];

    pub(super) fn parse(name: &str) -> Option<Signal> {
        Signal::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
    }

    /// The name used in the rules file (`p1_scope`).
    pub fn as_str(self) -> &'static str {
        Signal::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map(|(n, _)| *n)
            .unwrap_or("signal")
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    settings: SettingsFile,
    #[serde(default)]
    category: Vec<CategoryRuleFile>,
    #[serde(default)]
    signal: Vec<SignalRuleFile>,
    /// Fact-detection rules of `ticket::facts`, kept in the same file; not ours to read.
    #[serde(default)]
    #[allow(dead_code)]
    fact: Vec<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default = "default_subject_weight")]
    subject_weight: f64,
    #[serde(default = "default_category_name")]
    default_category: String,
    #[serde(default = "default_min_score")]
    min_score: f64,
}

impl Default for SettingsFile {
    fn default() -> Self {
        SettingsFile {
            subject_weight: default_subject_weight(),
            default_category: default_category_name(),
            min_score: default_min_score(),
        }
    }
}

fn default_subject_weight() -> f64 {
    0.5
}
fn default_category_name() -> String {
    "other".into()
}
fn default_min_score() -> f64 {
    1.0
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryRuleFile {
    id: String,
    category: String,
    weight: f64,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    priority: Option<String>,
    #[serde(default)]
    body_only: bool,
    #[serde(default)]
    unless_before: Option<String>,
    #[serde(default)]
    unless_after: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalRuleFile {
    id: String,
    signal: String,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    body_only: bool,
    #[serde(default)]
    unless_before: Option<String>,
    #[serde(default)]
    unless_after: Option<String>,
}

/// One compiled rule: any of its patterns matching counts once.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) id: String,
    pub(super) target: Target,
    pub(super) weight: f64,
    pub(super) priority: Option<Priority>,
    pub(super) body_only: bool,
    pub(super) patterns: Vec<LazyRegex>,
    /// Index in `Rules::set` of this rule's first pattern; its patterns follow in order.
    pub(super) first_pattern: usize,
    /// The patterns and words as written, one entry each (for `rules check`).
    pub(super) sources: Vec<Source>,
    /// A match does not count when this matches earlier in the same clause
    /// ("需要一台备用机" is no workaround, "until this is fixed" no closure).
    pub(super) unless_before: Option<LazyRegex>,
    /// A match does not count when this matches later in the same clause, right after
    /// it ("别的打印机不能打" is no workaround, "deadline is next week" no near deadline).
    pub(super) unless_after: Option<LazyRegex>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Category(Category),
    Signal(Signal),
}

/// Compiled classification rules.
#[derive(Debug, Clone)]
pub struct Rules {
    pub(super) rules: Vec<Rule>,
    /// One set over every pattern of every rule: a single pass finds candidates.
    pub(super) set: LazySet,
    /// For each pattern in `set`, the index of its rule.
    pub(super) owner: Vec<usize>,
    pub(super) subject_weight: f64,
    pub(super) default_category: Category,
    pub(super) min_score: f64,
}

/// A rule that matched, with the words it matched.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub(super) rule: usize,
    pub(super) words: Vec<String>,
    pub(super) in_body: bool,
}

impl Rules {
    /// Compile rules from TOML text. Every problem is reported, not only the first.
    pub fn from_toml(text: &str) -> Result<Rules, RulesError> {
        // The cheap way first; on any problem the eager way, which names them all.
        Rules::compile(text, Compile::Lazy, true)
            .or_else(|_| Rules::compile(text, Compile::Eager, true))
    }

    /// `set_now`: build the set over all patterns now, which proves them valid. Only the
    /// built-in rules skip it (a test builds their set), so a run that classifies nothing
    /// compiles nothing.
    fn compile(text: &str, how: Compile, set_now: bool) -> Result<Rules, RulesError> {
        let file: RulesFile = toml::from_str(text).map_err(|e| RulesError {
            problems: vec![format!("TOML: {}", e.message())],
        })?;
        let mut problems = Vec::new();
        let settings = &file.settings;
        if !(settings.subject_weight.is_finite() && (0.0..=10.0).contains(&settings.subject_weight))
        {
            problems.push(format!(
                "settings.subject_weight {} must be between 0 and 10",
                settings.subject_weight
            ));
        }
        if !(settings.min_score.is_finite() && settings.min_score >= 0.0) {
            problems.push("settings.min_score must be 0 or more".to_string());
        }
        let default_category = match settings.default_category.parse::<Category>() {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("settings.default_category: {e}"));
                Category::Other
            }
        };

        let mut rules = Vec::new();
        let mut seen_ids = BTreeMap::new();
        let mut check_id = |id: &str, problems: &mut Vec<String>| {
            if id.trim().is_empty() {
                problems.push("a rule has an empty id".to_string());
            } else if seen_ids.insert(id.to_string(), ()).is_some() {
                problems.push(format!("rule id {id:?} is used twice"));
            }
        };
        for raw in &file.category {
            check_id(&raw.id, &mut problems);
            let target = match raw.category.parse::<Category>() {
                Ok(c) => Target::Category(c),
                Err(e) => {
                    problems.push(format!("rule {}: {e}", raw.id));
                    continue;
                }
            };
            if !(raw.weight.is_finite() && raw.weight != 0.0 && raw.weight.abs() <= 100.0) {
                problems.push(format!(
                    "rule {}: weight {} must be non-zero and between -100 and 100",
                    raw.id, raw.weight
                ));
            }
            let priority = match raw.priority.as_deref().map(str::parse::<Priority>) {
                None => None,
                Some(Ok(p)) => Some(p),
                Some(Err(e)) => {
                    problems.push(format!("rule {}: {e}", raw.id));
                    None
                }
            };
            let patterns = compile_patterns(&raw.id, &raw.patterns, &raw.words, how, &mut problems);
            let unless_before =
                compile_unless(&raw.id, raw.unless_before.as_deref(), how, &mut problems);
            let unless_after =
                compile_unless(&raw.id, raw.unless_after.as_deref(), how, &mut problems);
            rules.push(Rule {
                id: raw.id.clone(),
                target,
                weight: raw.weight,
                priority,
                body_only: raw.body_only,
                patterns,
                first_pattern: 0,
                sources: sources(&raw.patterns, &raw.words),
                unless_before,
                unless_after,
            });
        }
        for raw in &file.signal {
            check_id(&raw.id, &mut problems);
            let Some(signal) = Signal::parse(raw.signal.trim()) else {
                let known: Vec<&str> = Signal::NAMES.iter().map(|(n, _)| *n).collect();
                problems.push(format!(
                    "rule {}: unknown signal {:?} (expected one of: {})",
                    raw.id,
                    raw.signal,
                    known.join(" ")
                ));
                continue;
            };
            let patterns = compile_patterns(&raw.id, &raw.patterns, &raw.words, how, &mut problems);
            let unless_before =
                compile_unless(&raw.id, raw.unless_before.as_deref(), how, &mut problems);
            let unless_after =
                compile_unless(&raw.id, raw.unless_after.as_deref(), how, &mut problems);
            rules.push(Rule {
                id: raw.id.clone(),
                target: Target::Signal(signal),
                weight: 1.0,
                priority: None,
                body_only: raw.body_only,
                patterns,
                first_pattern: 0,
                sources: sources(&raw.patterns, &raw.words),
                unless_before,
                unless_after,
            });
        }
        if !rules
            .iter()
            .any(|r| matches!(r.target, Target::Category(_)))
        {
            problems.push("no [[category]] rules".to_string());
        }
        let mut all_patterns = Vec::new();
        let mut owner = Vec::new();
        for (index, rule) in rules.iter_mut().enumerate() {
            rule.first_pattern = all_patterns.len();
            for pattern in &rule.patterns {
                all_patterns.push(pattern.as_str().to_string());
                owner.push(index);
            }
        }
        let set = if !set_now {
            Some(LazySet::new(all_patterns))
        } else {
            match build_set(&all_patterns) {
                Ok(set) => Some(LazySet::ready(set)),
                Err(e) => {
                    problems.push(format!("patterns do not compile together: {e}"));
                    None
                }
            }
        };
        match set {
            Some(set) if problems.is_empty() => Ok(Rules {
                rules,
                set,
                owner,
                subject_weight: settings.subject_weight,
                default_category,
                min_score: settings.min_score,
            }),
            _ => Err(RulesError { problems }),
        }
    }

    /// The rules compiled into the binary.
    pub fn builtin() -> Result<Rules, RulesError> {
        Rules::compile(DEFAULT_RULES, Compile::Lazy, false)
            .or_else(|_| Rules::from_toml(DEFAULT_RULES))
    }

    /// Number of compiled rules (for `check-config` output).
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules at all.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules that match `text`, each once, with up to four matched words. A match
    /// cancelled by the rule's `unless_before` (earlier in the same clause) does not count.
    /// Only the patterns the set found are searched again for their words.
    pub(super) fn hits(&self, text: &str, in_body: bool, out: &mut Vec<Hit>) {
        let Some(set) = self.set.get() else {
            return;
        };
        let matched = set.matches(text);
        // The set reports patterns in ascending order and a rule's patterns are
        // contiguous, so a rule's patterns come one after another.
        let mut last_rule = None;
        for pattern_index in matched.iter() {
            let Some(&rule_index) = self.owner.get(pattern_index) else {
                continue;
            };
            if last_rule == Some(rule_index) {
                continue;
            }
            last_rule = Some(rule_index);
            let Some(rule) = self.rules.get(rule_index) else {
                continue;
            };
            if rule.body_only && !in_body {
                continue;
            }
            let mut words: Vec<String> = Vec::new();
            for (offset, pattern) in rule.patterns.iter().enumerate() {
                if !matched.matched(rule.first_pattern + offset) {
                    continue;
                }
                let Some(pattern) = pattern.get() else {
                    continue;
                };
                for m in pattern.find_iter(text) {
                    if let Some(unless) = rule.unless_before.as_ref().and_then(LazyRegex::get) {
                        if unless.is_match(clause_before(text, m.start())) {
                            continue;
                        }
                    }
                    if let Some(unless) = rule.unless_after.as_ref().and_then(LazyRegex::get) {
                        if unless.is_match(clause_after(text, m.end())) {
                            continue;
                        }
                    }
                    let w = m.as_str().trim();
                    if !w.is_empty() && !words.iter().any(|x| x.eq_ignore_ascii_case(w)) {
                        words.push(w.to_string());
                    }
                    if words.len() >= 4 {
                        break;
                    }
                }
            }
            if words.is_empty() {
                // Every match was cancelled, or matched only whitespace.
                continue;
            }
            out.push(Hit {
                rule: rule_index,
                words,
                in_body,
            });
        }
    }
}

/// One pattern or word of a rule as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Source {
    pub(super) text: String,
    /// From `words` (wrapped in ASCII word boundaries), not `patterns`.
    pub(super) is_word: bool,
}

fn sources(patterns: &[String], words: &[String]) -> Vec<Source> {
    let p = patterns.iter().map(|t| Source {
        text: t.clone(),
        is_word: false,
    });
    let w = words.iter().map(|t| Source {
        text: t.clone(),
        is_word: true,
    });
    p.chain(w).collect()
}

/// The text of the clause that `pos` lies in, up to `pos`: from the last clause
/// delimiter (full-width or ASCII punctuation, a line end) before it.
pub(super) fn clause_before(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or_default();
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head.get(start..).unwrap_or_default()
}

/// The text of the clause that `pos` lies in, from `pos` up to the next clause
/// delimiter.
pub(super) fn clause_after(text: &str, pos: usize) -> &str {
    let tail = text.get(pos..).unwrap_or_default();
    let end = tail
        .char_indices()
        .find(|(_, c)| is_clause_end(*c))
        .map_or(tail.len(), |(i, _)| i);
    tail.get(..end).unwrap_or_default()
}

/// Full-width ASCII letters, digits and quotes ("ＣＲＭ", "＂密码错误＂") and the
/// ideographic space written as their ASCII forms, so rules need not spell both. Full-width
/// clause punctuation (，。！？) is kept: rules and clause splitting know it. Borrows when
/// there is nothing to fold (the common case).
pub fn fold_width(text: &str) -> std::borrow::Cow<'_, str> {
    let folds = |c: char| matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' | '\u{FF02}' | '\u{FF07}' | '\u{3000}');
    if !text.chars().any(folds) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c == '\u{3000}' {
                ' '
            } else if folds(c) {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

/// Punctuation that ends a clause, in Chinese and English text.
pub(super) fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '！' | '？' | '；' | '、' | ',' | '.' | '!' | '?' | ';' | '\n'
    )
}
