//! How the rules' regexes are compiled: lazily, each the first time its rule fires, or
//! eagerly, each on its own so that every bad one is named with its rule.
//!
//! Only the set over all patterns is built when the rules load (`Rules::from_toml`): one
//! automaton instead of hundreds at startup. A set that builds proves every pattern valid
//! and `unless_*` patterns are parsed; when anything is wrong, the file is compiled again
//! eagerly. One difference remains, on purpose: a pattern that is valid but bigger than
//! the per-pattern limit (1 MiB compiled) is accepted lazily under the set's limit.

use regex::{Regex, RegexSet, RegexSetBuilder};
use std::sync::OnceLock;

/// Size limit of one compiled pattern when rules are validated eagerly (as they always were).
const PATTERN_SIZE_LIMIT: usize = 1 << 20;
/// Size limit of the set of all patterns.
const SET_SIZE_LIMIT: usize = 1 << 24;

/// A rule's regex, compiled the first time it is needed. Its source was validated when
/// the rules loaded (the set over all patterns built, `unless_*` parsed), so compiling
/// cannot fail on syntax; the limit is the set's, which any one of its patterns fits.
#[derive(Debug, Clone)]
pub(super) struct LazyRegex {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    fn new(source: &str) -> LazyRegex {
        LazyRegex {
            source: source.to_string(),
            compiled: OnceLock::new(),
        }
    }

    /// Already compiled (eager validation): keeps the work done.
    fn ready(re: Regex) -> LazyRegex {
        LazyRegex {
            source: re.as_str().to_string(),
            compiled: OnceLock::from(Some(re)),
        }
    }

    /// The pattern as compiled (for `rules check`).
    pub(super) fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled regex; `None` only if it does not compile after all (not expected:
    /// validated at load), in which case it matches nothing.
    pub(super) fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| build_regex(&self.source, SET_SIZE_LIMIT).ok())
            .as_ref()
    }
}

/// The set over every pattern of every rule, built now (which validates the patterns) or,
/// for the built-in rules, the first time a text is classified.
#[derive(Debug, Clone)]
pub(super) struct LazySet {
    patterns: Vec<String>,
    compiled: OnceLock<Option<RegexSet>>,
}

impl LazySet {
    pub(super) fn new(patterns: Vec<String>) -> LazySet {
        LazySet {
            patterns,
            compiled: OnceLock::new(),
        }
    }

    pub(super) fn ready(set: RegexSet) -> LazySet {
        LazySet {
            patterns: Vec::new(),
            compiled: OnceLock::from(Some(set)),
        }
    }

    /// The set; `None` only if it does not build (never for the built-in rules, whose
    /// set a test builds), in which case no rule matches.
    pub(super) fn get(&self) -> Option<&RegexSet> {
        self.compiled
            .get_or_init(|| build_set(&self.patterns).ok())
            .as_ref()
    }
}

pub(super) fn build_set(patterns: &[String]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .size_limit(SET_SIZE_LIMIT)
        .dfa_size_limit(1 << 26)
        .build()
}

fn build_regex(pattern: &str, size_limit: usize) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(size_limit)
        .build()
}

/// How `Rules::compile` treats the regexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Compile {
    /// Only the set is built (with every pattern in it) and `unless_*` parsed; a
    /// rule's regexes are compiled when first needed.
    Lazy,
    /// Every regex is compiled now, each on its own, so every bad one is named.
    Eager,
}

pub(super) fn compile_unless(
    id: &str,
    pattern: Option<&str>,
    how: Compile,
    problems: &mut Vec<String>,
) -> Option<LazyRegex> {
    let p = pattern?.trim();
    if p.is_empty() {
        problems.push(format!("rule {id}: unless_before/unless_after is empty"));
        return None;
    }
    let result = match how {
        Compile::Lazy => regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(p)
            .map(|_| LazyRegex::new(p))
            .map_err(|e| e.to_string()),
        Compile::Eager => build_regex(p, PATTERN_SIZE_LIMIT)
            .map(LazyRegex::ready)
            .map_err(|e| e.to_string()),
    };
    match result {
        Ok(re) => Some(re),
        Err(e) => {
            let last = e.lines().last().unwrap_or_default().to_string();
            problems.push(format!(
                "rule {id}: unless_before/unless_after {p:?} does not compile: {last}"
            ));
            None
        }
    }
}

/// `words` become one regex with ASCII word boundaries around the alternation:
/// Unicode `\b` costs ~20x more and English words never touch CJK letters anyway.
pub(super) fn compile_patterns(
    id: &str,
    patterns: &[String],
    words: &[String],
    how: Compile,
    problems: &mut Vec<String>,
) -> Vec<LazyRegex> {
    if patterns.is_empty() && words.is_empty() {
        problems.push(format!("rule {id}: no patterns and no words"));
    }
    let build = |p: &str| build_regex(p, PATTERN_SIZE_LIMIT);
    let first_line = |e: regex::Error| e.to_string().lines().last().unwrap_or_default().to_string();
    let mut out = Vec::new();
    for (i, p) in patterns.iter().enumerate() {
        if p.trim().is_empty() {
            problems.push(format!("rule {id}: pattern {} is empty", i + 1));
            continue;
        }
        if how == Compile::Lazy {
            out.push(LazyRegex::new(p));
            continue;
        }
        match build(p) {
            Ok(re) => out.push(LazyRegex::ready(re)),
            Err(e) => problems.push(format!(
                "rule {id}: pattern {} {p:?} does not compile: {}",
                i + 1,
                first_line(e)
            )),
        }
    }
    if words.is_empty() {
        return out;
    }
    for (i, w) in words.iter().enumerate() {
        if w.trim().is_empty() {
            problems.push(format!("rule {id}: word {} is empty", i + 1));
        }
    }
    let alternation: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(r"(?-u:\b)(?:{})(?-u:\b)", alternation.join("|"));
    if how == Compile::Lazy {
        out.push(LazyRegex::new(&joined));
        return out;
    }
    match build(&joined) {
        Ok(re) => out.push(LazyRegex::ready(re)),
        // Only on failure compile the words one by one, to name the bad one.
        Err(e) => {
            let before = problems.len();
            for (i, w) in words.iter().enumerate() {
                if let Err(e) = build(w) {
                    problems.push(format!(
                        "rule {id}: word {} {w:?} does not compile: {}",
                        i + 1,
                        first_line(e)
                    ));
                }
            }
            if problems.len() == before {
                problems.push(format!(
                    "rule {id}: words do not compile together: {}",
                    first_line(e)
                ));
            }
        }
    }
    out
}
