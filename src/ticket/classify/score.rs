//! Scoring: every matching rule adds its weight to its category, the impact facts set
//! the priority, and the reasons say which words decided (and how close the runner-up
//! came). Pure: no I/O, no clock.

use super::super::model::{Category, Classification, Priority};
use super::impact::{count_people, Impact, Why};
use super::lang::detect_language;
use super::rules::{fold_width, Hit, Rule, Rules, Signal, Target};
use super::LOW_CONFIDENCE_REASON;
use std::collections::BTreeMap;

impl Rules {
    /// Classify a request from its subject and the sender's newest text.
    pub fn classify(&self, subject: &str, text: &str) -> Classification {
        let subject = fold_width(strip_reply_prefixes(subject));
        let subject = subject.as_ref();
        let text = fold_width(text);
        let text = text.as_ref();
        let mut hits = Vec::new();
        self.hits(text, true, &mut hits);
        self.hits(subject, false, &mut hits);

        let has_signal = |signal: Signal| {
            hits.iter().any(|h| {
                self.rules
                    .get(h.rule)
                    .is_some_and(|r| r.target == Target::Signal(signal))
            })
        };
        let body_signal = |signal: Signal| {
            hits.iter().any(|h| {
                h.in_body
                    && self
                        .rules
                        .get(h.rule)
                        .is_some_and(|r| r.target == Target::Signal(signal))
            })
        };

        // Category scores.
        let mut scores: BTreeMap<Category, f64> = BTreeMap::new();
        for hit in &hits {
            let Some(rule) = self.rules.get(hit.rule) else {
                continue;
            };
            if let Target::Category(category) = rule.target {
                let w = if hit.in_body {
                    rule.weight
                } else {
                    rule.weight * self.subject_weight
                };
                *scores.entry(category).or_insert(0.0) += w;
            }
        }
        let broken = has_signal(Signal::Broken);
        let ask =
            has_signal(Signal::Ask) || scores.get(&Category::Request).is_some_and(|s| *s > 0.0);
        let best_fix = scores
            .iter()
            .filter(|(c, _)| **c != Category::Request)
            .fold(None::<(Category, f64)>, |best, (c, s)| match best {
                Some((_, bs)) if bs >= *s => best,
                _ => Some((*c, *s)),
            });
        let request_score = scores.get(&Category::Request).copied().unwrap_or(0.0);
        let category = match best_fix {
            // Nothing broken and a question or wish: a request, unless the mail is
            // about asset/facility/security logistics, which scores `other` higher.
            // Access requests (account) and asset/facility logistics (other) are
            // often phrased as questions; they win when they score higher.
            _ if !broken && ask => match best_fix {
                Some((c @ (Category::Other | Category::Account), s)) if s > request_score => c,
                _ => Category::Request,
            },
            // A suggestion that clearly outweighs (twice) the fault words in it ("建议…
            // 现在领导出差批不了") is still a request: weights decide, not the first gate.
            Some((_, s)) if broken && request_score >= 2.0 * s.max(self.min_score) => {
                Category::Request
            }
            Some((c, s)) if s >= self.min_score => c,
            _ if request_score >= self.min_score => Category::Request,
            _ => self.default_category,
        };

        let (confidence, low_confidence, runner_up, top_score) =
            confidence(&scores, category, !cat_rule_fired(&scores, category));

        // Priority.
        let deciding_rule_priority = hits
            .iter()
            .filter_map(|h| self.rules.get(h.rule).map(|r| (h, r)))
            .filter(|(_, r)| r.target == Target::Category(category))
            .filter_map(|(h, r)| {
                r.priority.map(|p| {
                    let w = if h.in_body {
                        r.weight
                    } else {
                        r.weight * self.subject_weight
                    };
                    (w, p)
                })
            })
            .fold(None::<(f64, Priority)>, |best, (w, p)| match best {
                Some((bw, _)) if bw >= w => best,
                _ => Some((w, p)),
            })
            .map(|(_, p)| p);
        let impact = Impact {
            broken,
            scope: body_signal(Signal::P1Scope),
            counts: count_people(text),
            core: body_signal(Signal::P1Core),
            single: body_signal(Signal::Single),
            blocked: has_signal(Signal::Blocked),
            deadline: body_signal(Signal::Deadline),
            workaround: body_signal(Signal::Workaround),
            cosmetic: has_signal(Signal::Cosmetic),
            stated_urgent: has_signal(Signal::Urgent),
            hedge: body_signal(Signal::Hedge),
        };
        let (priority, why) = impact.priority(category, deciding_rule_priority);

        // Reasons are shown to requesters as *why*: one line per rule (body and subject
        // merged), counter-evidence left out, and only the signals that set the priority.
        let mut reasons = Vec::new();
        let cat_rules = self.merged_hits(&hits, |r| {
            r.target == Target::Category(category) && r.weight > 0.0
        });
        for (rule, words, only_subject) in cat_rules.iter().take(3) {
            reasons.push(format!(
                "category {}: {} (rule {}{})",
                category,
                quote_words(words),
                rule.id,
                if *only_subject { ", subject" } else { "" }
            ));
        }
        if cat_rules.is_empty() {
            if category == Category::Request {
                reasons.push("category request: a question, and nothing is broken".to_string());
            } else {
                reasons.push(format!("category {category}: no rule matched, default"));
            }
        }
        let relevant: &[Signal] = match (why, priority) {
            (Why::Wide, _) => &[Signal::P1Scope, Signal::P1Core],
            (Why::Pressure, _) => &[Signal::Blocked, Signal::Deadline],
            (Why::Workaround, _) => &[Signal::Workaround],
            (Why::TimeCriticalQuestion, _) => &[Signal::Deadline],
            (Why::Cosmetic, _) => &[Signal::Cosmetic],
            (_, Priority::P4) => &[Signal::Cosmetic, Signal::Ask],
            (_, Priority::P3) => &[Signal::Workaround],
            _ => &[],
        };
        let signal_rules = self.merged_hits(&hits, |r| match r.target {
            Target::Signal(s) => relevant.contains(&s),
            Target::Category(_) => false,
        });
        for (rule, words, _) in signal_rules.iter().take(3) {
            let name = match rule.target {
                Target::Signal(s) => s.as_str().replace('_', " "),
                Target::Category(_) => String::new(),
            };
            reasons.push(format!(
                "priority {}: {} {} (rule {})",
                priority,
                name,
                quote_words(words),
                rule.id
            ));
        }
        if why == Why::Wide && signal_rules.is_empty() {
            if let Some(count) = impact.counts.describe() {
                reasons.push(format!("priority {priority}: p1 scope \"{count}\""));
            }
        }
        if impact.hedge && priority <= Priority::P2 {
            reasons.push(format!(
                "urgency: the sender says it can wait; the impact described gives {priority}"
            ));
        }
        if impact.stated_urgent && priority >= Priority::P3 {
            reasons.push(format!(
                "urgency: the sender calls it urgent; the impact described gives {priority}"
            ));
        }
        if signal_rules.is_empty() && !(why == Why::Wide && impact.counts.describe().is_some()) {
            let by_rule = cat_rules
                .iter()
                .find(|(r, _, _)| r.priority == Some(priority))
                .map(|(r, _, _)| r.id.clone());
            reasons.push(match by_rule {
                Some(id) => format!("priority {priority}: set by rule {id}"),
                None => format!("priority {priority}: default"),
            });
        }
        if low_confidence {
            reasons.push(format!(
                "{LOW_CONFIDENCE_REASON}: {}, please check the category/priority",
                match runner_up {
                    Some((r, _)) if cat_rule_fired(&scores, category) => format!("close to {r}"),
                    _ => "no category rule matched".to_string(),
                }
            ));
        }
        if let Some((runner, runner_score)) = runner_up.filter(|_| confidence < 0.5) {
            reasons.push(format!(
                "runner-up {runner}: score {runner_score:.1} against {top_score:.1}{}",
                if low_confidence {
                    ", close: please check"
                } else {
                    ""
                }
            ));
        }
        Classification {
            category,
            priority,
            language: detect_language(text),
            reasons,
            confidence: percent(confidence),
            low_confidence,
            runner_up: runner_up.map(|(c, _)| c),
        }
    }
}

impl Rules {
    /// Hits of the rules selected by `keep`, one entry per rule in order of weight:
    /// (rule, words from body then subject, matched only in the subject).
    fn merged_hits(
        &self,
        hits: &[Hit],
        keep: impl Fn(&Rule) -> bool,
    ) -> Vec<(&Rule, Vec<String>, bool)> {
        let mut out: Vec<(usize, &Rule, Vec<String>, bool)> = Vec::new();
        for hit in hits {
            let Some(rule) = self.rules.get(hit.rule) else {
                continue;
            };
            if !keep(rule) {
                continue;
            }
            match out.iter_mut().find(|(i, _, _, _)| *i == hit.rule) {
                Some((_, _, words, only_subject)) => {
                    for w in &hit.words {
                        if !words.iter().any(|x| x.eq_ignore_ascii_case(w)) && words.len() < 4 {
                            words.push(w.clone());
                        }
                    }
                    *only_subject &= !hit.in_body;
                }
                None => out.push((hit.rule, rule, hit.words.clone(), !hit.in_body)),
            }
        }
        out.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight));
        out.into_iter().map(|(_, r, w, s)| (r, w, s)).collect()
    }
}

fn quote_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a positive rule of `category` fired at all.
fn cat_rule_fired(scores: &BTreeMap<Category, f64>, category: Category) -> bool {
    scores.get(&category).is_some_and(|s| *s > 0.0)
}

/// Relative lead of the chosen category over the best other one (0 = tied, 1 = alone),
/// whether that is low (close call, or no rule fired), the runner-up with its score and
/// the chosen category's score.
fn confidence(
    scores: &BTreeMap<Category, f64>,
    category: Category,
    nothing_fired: bool,
) -> (f64, bool, Option<(Category, f64)>, f64) {
    let top = scores.get(&category).copied().unwrap_or(0.0).max(0.0);
    let runner = scores
        .iter()
        .filter(|(c, s)| **c != category && **s > 0.0)
        .fold(None::<(Category, f64)>, |best, (c, s)| match best {
            Some((_, bs)) if bs >= *s => best,
            _ => Some((*c, *s)),
        });
    if nothing_fired {
        return (0.0, true, runner, top);
    }
    let second = runner.map_or(0.0, |(_, s)| s);
    let lead = if top > 0.0 {
        ((top - second) / top).clamp(0.0, 1.0)
    } else {
        0.0
    };
    // Close: the runner-up has at least 3/4 of the winner's score.
    (lead, lead < LOW_CONFIDENCE_LEAD, runner, top)
}

/// 0.0..=1.0 as a whole percentage.
fn percent(x: f64) -> u8 {
    let p = (x.clamp(0.0, 1.0) * 100.0).round();
    // In 0..=100 after the clamp, so the conversion is exact.
    (0u8..=100).find(|n| f64::from(*n) >= p).unwrap_or(100)
}

/// Below this relative lead over the runner-up a classification is a close call.
pub const LOW_CONFIDENCE_LEAD: f64 = 0.25;

/// `Re: Fwd: 回复：` prefixes carry no meaning for the classifier.
fn strip_reply_prefixes(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower: String = s.chars().take(6).collect::<String>().to_lowercase();
        let prefix_len = [
            "re:",
            "re：",
            "fw:",
            "fwd:",
            "aw:",
            "wg:",
            "回复:",
            "回复：",
            "答复:",
            "答复：",
            "转发:",
            "转发：",
        ]
        .iter()
        .find(|p| lower.starts_with(**p))
        .map(|p| p.len());
        match prefix_len.and_then(|n| s.get(n..)) {
            Some(rest) => s = rest.trim_start(),
            None => return s,
        }
    }
}
