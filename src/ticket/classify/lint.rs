//! `supportbot rules check`: lint compiled rules, alone and against a corpus of mails.
//! Finds patterns that cannot match (a CJK word under ASCII word boundaries) or match
//! everything, the same alternative written twice for one category or signal, rules
//! that match none of the given mails (dead), and rules that only ever fire where
//! another rule for the same thing already fired and never change a decision
//! (shadowed). Pure: the caller reads the mails.

use super::rules::{Hit, Rules, Target};
use crate::ticket::model::Category;
use std::collections::BTreeMap;
use std::fmt;

/// How bad a finding is: errors make `rules check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// One problem in the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// `cannot-match`, `matches-everything`, `duplicate`, `dead`, `shadowed`.
    pub kind: &'static str,
    pub rule: String,
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{sev}: {} {}: {}", self.kind, self.rule, self.detail)
    }
}

impl Finding {
    /// `{"severity", "kind", "rule", "detail"}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "severity": format!("{:?}", self.severity).to_lowercase(),
            "kind": self.kind,
            "rule": self.rule,
            "detail": self.detail,
        })
    }
}

/// The top-level alternatives of a regex (`a|b(c|d)` → `a`, `b(c|d)`).
pub fn alternatives(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut in_class, mut escaped) = (0i32, false, false);
    let mut cur = String::new();
    for c in pattern.chars() {
        if escaped {
            escaped = false;
            cur.push(c);
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
        .collect()
}

impl Rules {
    /// Lint the rules; with `mails` (subject, sender's newest text) also look for dead
    /// and shadowed rules. Findings are sorted, errors first.
    pub fn lint(&self, mails: &[(String, String)]) -> Vec<Finding> {
        let mut out = Vec::new();
        self.lint_patterns(&mut out);
        if !mails.is_empty() {
            self.lint_corpus(mails, &mut out);
        }
        out.sort_by(|a, b| (a.severity, &a.rule).cmp(&(b.severity, &b.rule)));
        out
    }

    fn lint_patterns(&self, out: &mut Vec<Finding>) {
        // target → alternative → first rule that has it.
        let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
        for rule in &self.rules {
            for src in &rule.sources {
                if src.is_word && !src.text.is_ascii() {
                    out.push(Finding {
                        severity: Severity::Error,
                        kind: "cannot-match",
                        rule: rule.id.clone(),
                        detail: format!(
                            "word {:?} has non-ASCII letters, but words are wrapped in ASCII word boundaries and can only match next to ASCII letters; move it to `patterns`",
                            src.text
                        ),
                    });
                }
            }
            for re in &rule.patterns {
                if re.get().is_some_and(|r| r.is_match("")) {
                    out.push(Finding {
                        severity: Severity::Error,
                        kind: "matches-everything",
                        rule: rule.id.clone(),
                        detail: format!("pattern {:?} matches the empty text", re.as_str()),
                    });
                }
            }
            let target = format!("{:?}", rule.target);
            for src in &rule.sources {
                let alts = if src.is_word {
                    vec![src.text.trim().to_lowercase()]
                } else {
                    alternatives(&src.text)
                };
                for alt in alts {
                    match seen.get(&(target.clone(), alt.clone())) {
                        Some(first) => out.push(Finding {
                            severity: Severity::Warning,
                            kind: "duplicate",
                            rule: rule.id.clone(),
                            detail: if *first == rule.id {
                                format!("{alt:?} is written twice in this rule")
                            } else {
                                format!("{alt:?} is also in rule {first} for the same target")
                            },
                        }),
                        None => {
                            seen.insert((target.clone(), alt), rule.id.clone());
                        }
                    }
                }
            }
        }
    }

    fn lint_corpus(&self, mails: &[(String, String)], out: &mut Vec<Finding>) {
        let hits: Vec<Vec<Hit>> = mails
            .iter()
            .map(|(subject, text)| {
                let mut h = Vec::new();
                self.hits(text, true, &mut h);
                self.hits(subject, false, &mut h);
                h
            })
            .collect();
        for (index, rule) in self.rules.iter().enumerate() {
            let fired: Vec<&Vec<Hit>> = hits
                .iter()
                .filter(|h| h.iter().any(|x| x.rule == index))
                .collect();
            if fired.is_empty() {
                out.push(Finding {
                    severity: Severity::Warning,
                    kind: "dead",
                    rule: rule.id.clone(),
                    detail: format!("matches none of the {} mails", mails.len()),
                });
                continue;
            }
            let others_fire = |h: &Vec<Hit>| {
                h.iter().any(|x| {
                    x.rule != index
                        && self.rules.get(x.rule).is_some_and(|r| {
                            r.target == rule.target && r.weight.signum() == rule.weight.signum()
                        })
                })
            };
            if !fired.iter().all(|h| others_fire(h)) {
                continue;
            }
            let decides = match rule.target {
                // Signals are facts: one rule saying it is as good as two.
                Target::Signal(_) => false,
                Target::Category(_) => fired
                    .iter()
                    .any(|h| self.top_category(h, None) != self.top_category(h, Some(index))),
            };
            if !decides {
                out.push(Finding {
                    severity: Severity::Note,
                    kind: "shadowed",
                    rule: rule.id.clone(),
                    detail: format!(
                        "in all {} mails it matched, other rules for the same target matched too and the outcome is the same without it",
                        fired.len()
                    ),
                });
            }
        }
    }

    /// The best-scoring category of one mail's hits, optionally without one rule.
    fn top_category(&self, hits: &[Hit], without: Option<usize>) -> Option<Category> {
        let mut scores: BTreeMap<Category, f64> = BTreeMap::new();
        for h in hits.iter().filter(|h| Some(h.rule) != without) {
            let Some(rule) = self.rules.get(h.rule) else {
                continue;
            };
            if let Target::Category(c) = rule.target {
                let w = if h.in_body {
                    rule.weight
                } else {
                    rule.weight * self.subject_weight
                };
                *scores.entry(c).or_insert(0.0) += w;
            }
        }
        scores
            .into_iter()
            .filter(|(_, s)| *s >= self.min_score)
            .fold(None::<(Category, f64)>, |best, (c, s)| match best {
                Some((_, bs)) if bs >= s => best,
                _ => Some((c, s)),
            })
            .map(|(c, _)| c)
    }
}
