//! `supportbot rules suggest`: mine the tickets engineers re-categorised or re-prioritised for
//! words that separate the class they were corrected to (Chinese: character 2–4-grams;
//! English: words and bigrams), simulate each candidate by re-classifying every past ticket
//! with the rule added to the current rules text (`Rules::from_toml`), and keep those that fix
//! more tickets than they break, as ready-to-paste TOML. Nothing is changed: an administrator
//! reads, pastes and reruns. PURE.

use super::classify::Rules;
use super::correction::{Field, TriageTicket};
use super::model::{Category, Priority};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Knobs of the miner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuggestOptions {
    /// Candidates simulated per corrected-to class (each costs one pass over the history).
    pub per_class: usize,
    /// A term must occur in at least this many tickets corrected to the class.
    pub min_support: usize,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions {
            per_class: 6,
            min_support: 2,
        }
    }
}

/// One rule worth pasting.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub field: Field,
    /// The class the rule argues for: a category, or a priority.
    pub target: String,
    pub term: String,
    /// Tickets corrected to `target` that contain the term / tickets corrected to it.
    pub support: usize,
    pub corrected_to_target: usize,
    /// Past tickets the rule would get right that the current rules get wrong, and the
    /// reverse, out of `tickets`.
    pub fixed: usize,
    pub broken: usize,
    pub tickets: usize,
    /// The TOML block, ready for the rules file.
    pub toml: String,
}

const STOPWORDS: &str = "the a an and or but to of in on at for with from by is are was were be \
    been it its this that these those i me my we our you your he she they them their there here \
    have has had do does did not no so if as can could would should will just please thanks \
    thank hi hello dear regards best any all some get got also very too now then when what which \
    who how why where about into out up down over again still there's it's i'm i've don't can't";

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The distinct candidate terms of one text: Han 2–4-grams, English words (≥ 3 letters, no
/// stopwords) and bigrams of such words.
pub fn terms(text: &str) -> BTreeSet<String> {
    let stop: BTreeSet<&str> = STOPWORDS.split_whitespace().collect();
    let lower = text.to_lowercase();
    let mut out = BTreeSet::new();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut BTreeSet<String>| {
        for n in 2..=4 {
            for w in run.windows(n) {
                out.insert(w.iter().collect());
            }
        }
        run.clear();
    };
    for c in lower.chars() {
        if is_han(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
        .collect();
    let good =
        |w: &str| w.len() >= 3 && !stop.contains(w) && w.chars().any(|c| c.is_ascii_alphabetic());
    for (i, w) in words.iter().enumerate() {
        if good(w) {
            out.insert((*w).to_string());
            if let Some(next) = words.get(i + 1).filter(|n| good(n)) {
                out.insert(format!("{w} {next}"));
            }
        }
    }
    out
}

fn value_of(t: &TriageTicket, field: Field) -> String {
    match field {
        Field::Category => t.category.as_str().to_string(),
        Field::Priority => t.priority.to_string(),
    }
}

fn corrected(t: &TriageTicket, field: Field) -> bool {
    match field {
        Field::Category => t.category_corrected,
        Field::Priority => t.priority_corrected,
    }
}

fn predicted(rules: &Rules, t: &TriageTicket, field: Field) -> String {
    let c = rules.classify(&t.subject, &t.text);
    match field {
        Field::Category => c.category.as_str().to_string(),
        Field::Priority => c.priority.to_string(),
    }
}

/// The priority signal that argues for `p` (see the FORMAT notes of `config/rules.toml`).
fn signal_for(p: &str) -> Option<&'static str> {
    match p.parse::<Priority>().ok()? {
        Priority::P1 => Some("p1_core"),
        Priority::P2 => Some("blocked"),
        Priority::P3 => Some("workaround"),
        Priority::P4 => Some("cosmetic"),
    }
}

fn toml_string(s: &str) -> String {
    // A TOML literal string cannot hold a quote; a basic string escapes it.
    let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

fn rule_toml(field: Field, target: &str, term: &str, id: &str, weight: f64) -> Option<String> {
    let is_cjk = term.chars().any(is_han);
    let matcher = if is_cjk {
        format!("patterns = [{}]", toml_string(&regex::escape(term)))
    } else {
        let words: Vec<String> = term.split(' ').map(regex::escape).collect();
        format!("words = [{}]", toml_string(&words.join(r"\s+")))
    };
    Some(match field {
        Field::Category => {
            target.parse::<Category>().ok()?;
            format!(
                "[[category]]\nid = \"{id}\"\ncategory = \"{target}\"\nweight = {weight:.1}\n{matcher}\n"
            )
        }
        Field::Priority => {
            let signal = signal_for(target)?;
            format!("[[signal]]\nid = \"{id}\"\nsignal = \"{signal}\"\n{matcher}\n")
        }
    })
}

/// (term, support) candidates for one corrected-to class, best first.
fn candidates(
    history: &[TriageTicket],
    docs: &[BTreeSet<String>],
    field: Field,
    target: &str,
    opts: SuggestOptions,
) -> Vec<(String, usize)> {
    let positives: Vec<usize> = (0..history.len())
        .filter(|&i| {
            history
                .get(i)
                .is_some_and(|t| corrected(t, field) && value_of(t, field) == target)
        })
        .collect();
    let min_support = opts.min_support.min(positives.len()).max(1);
    let mut pos: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &positives {
        for term in docs.get(i).into_iter().flatten() {
            *pos.entry(term.as_str()).or_default() += 1;
        }
    }
    let mut scored: Vec<(String, usize, i64)> = pos
        .into_iter()
        .filter(|&(_, p)| p >= min_support)
        .map(|(term, p)| {
            let neg = history
                .iter()
                .zip(docs)
                .filter(|(t, d)| value_of(t, field) != target && d.contains(term))
                .count();
            let score =
                i64::try_from(p).unwrap_or(i64::MAX) - i64::try_from(neg).unwrap_or(i64::MAX);
            (term.to_string(), p, score)
        })
        .filter(|&(_, _, score)| score > 0)
        .collect();
    // Best score first; longer (more specific) terms break ties.
    scored.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then(b.0.chars().count().cmp(&a.0.chars().count()))
            .then(a.0.cmp(&b.0))
    });
    let mut kept: Vec<(String, usize)> = Vec::new();
    for (term, p, _) in scored {
        // "打印" next to "打印机" with the same support adds nothing.
        let redundant = kept
            .iter()
            .any(|(k, kp)| *kp == p && (k.contains(term.as_str()) || term.contains(k.as_str())));
        if !redundant {
            kept.push((term, p));
        }
        if kept.len() == opts.per_class {
            break;
        }
    }
    kept
}

/// Mine `history` (tickets with their final, engineer-checked category and priority) for rules
/// to add to `rules_text`. Each suggestion was simulated: it fixes more past tickets than it
/// breaks. Errors only when the current rules text itself does not compile.
pub fn suggest(
    rules_text: &str,
    history: &[TriageTicket],
    opts: SuggestOptions,
) -> Result<Vec<Suggestion>, super::classify::RulesError> {
    let base = Rules::from_toml(rules_text)?;
    let docs: Vec<BTreeSet<String>> = history
        .iter()
        .map(|t| terms(&format!("{}\n{}", t.subject, t.text)))
        .collect();
    let mut out = Vec::new();
    for field in [Field::Category, Field::Priority] {
        let base_pred: Vec<String> = history.iter().map(|t| predicted(&base, t, field)).collect();
        let targets: BTreeSet<String> = history
            .iter()
            .filter(|t| corrected(t, field))
            .map(|t| value_of(t, field))
            .collect();
        for target in targets {
            let corrected_to_target = history
                .iter()
                .filter(|t| corrected(t, field) && value_of(t, field) == target)
                .count();
            for (n, (term, support)) in candidates(history, &docs, field, &target, opts)
                .into_iter()
                .enumerate()
            {
                let id = format!("suggested.{}.{target}.{}", field.as_str(), n + 1).to_lowercase();
                let mut best: Option<Suggestion> = None;
                let weights: &[f64] = match field {
                    Field::Category => &[1.0, 2.0],
                    Field::Priority => &[1.0],
                };
                for &w in weights {
                    let Some(toml) = rule_toml(field, &target, &term, &id, w) else {
                        continue;
                    };
                    let Ok(rules) = Rules::from_toml(&format!("{rules_text}\n\n{toml}")) else {
                        continue;
                    };
                    let (mut fixed, mut broken) = (0, 0);
                    for (t, before) in history.iter().zip(&base_pred) {
                        let truth = value_of(t, field);
                        let after = predicted(&rules, t, field);
                        fixed += usize::from(*before != truth && after == truth);
                        broken += usize::from(*before == truth && after != truth);
                    }
                    let better = best.as_ref().is_none_or(|b| {
                        fixed.saturating_sub(broken) > b.fixed.saturating_sub(b.broken)
                    });
                    if fixed > broken && better {
                        best = Some(Suggestion {
                            field,
                            target: target.clone(),
                            term: term.clone(),
                            support,
                            corrected_to_target,
                            fixed,
                            broken,
                            tickets: history.len(),
                            toml,
                        });
                    }
                }
                out.extend(best);
            }
        }
    }
    out.sort_by(|a, b| {
        (b.fixed.saturating_sub(b.broken))
            .cmp(&a.fixed.saturating_sub(a.broken))
            .then(a.id_order().cmp(&b.id_order()))
    });
    Ok(out)
}

impl Suggestion {
    fn id_order(&self) -> (Field, String, String) {
        (self.field, self.target.clone(), self.term.clone())
    }
}

/// The suggestions as a TOML fragment, each block with a comment that says what it would do.
pub fn render_suggestions(s: &[Suggestion], history_len: usize) -> String {
    let corrected = "tickets corrected";
    let mut out = format!(
        "# supportbot rules suggest: {} candidate rule(s) mined from {history_len} past ticket(s).\n\
         # Each was simulated on every past ticket with the current rules; nothing was changed.\n\
         # Paste the ones you agree with into the rules file, then run `supportbot check-config`.\n",
        s.len()
    );
    for x in s {
        let _ = write!(
            out,
            "\n# {} -> {}: \"{}\" is in {} of {} {corrected} to {}; would fix {} and break {} of {} past tickets.\n{}",
            x.field.as_str(),
            x.target,
            x.term,
            x.support,
            x.corrected_to_target,
            x.target,
            x.fixed,
            x.broken,
            x.tickets,
            x.toml
        );
    }
    if s.is_empty() {
        out.push_str("\n# No candidate fixes more past tickets than it breaks.\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::classify::DEFAULT_RULES;

    fn past(
        subject: &str,
        text: &str,
        base: &Rules,
        category: Category,
        priority: Priority,
    ) -> TriageTicket {
        let c = base.classify(subject, text);
        TriageTicket {
            number: 1,
            subject: subject.into(),
            text: text.into(),
            classified_category: c.category,
            classified_priority: c.priority,
            category,
            priority,
            category_corrected: c.category != category,
            priority_corrected: c.priority != priority,
        }
    }

    #[test]
    fn terms_are_han_ngrams_and_english_words_and_bigrams() {
        let t = terms("Zoho CRM 同步失败 please");
        for want in ["zoho", "crm", "zoho crm", "同步", "同步失败", "步失败"] {
            assert!(t.contains(want), "{want} in {t:?}");
        }
        assert!(!t.contains("please"));
        assert!(!t.contains("同步失败p"));
    }

    #[test]
    fn a_separating_word_is_suggested_with_fixed_and_broken_counts_that_hold() {
        let base = Rules::from_toml(DEFAULT_RULES).unwrap();
        // "Quillbox" is an (invented) in-house app the rules have never heard of: engineers
        // keep moving its tickets to software.
        let mut history = vec![
            past(
                "Quillbox",
                "Quillbox shows a grey window after login",
                &base,
                Category::Software,
                Priority::P3,
            ),
            past(
                "quillbox again",
                "The Quillbox sync icon spins forever",
                &base,
                Category::Software,
                Priority::P3,
            ),
            past(
                "help",
                "Quillbox export to PDF gives an empty file",
                &base,
                Category::Software,
                Priority::P3,
            ),
        ];
        // Tickets the rules already get right stay right.
        history.push(past(
            "VPN",
            "VPN 连不上，提示超时",
            &base,
            Category::Network,
            Priority::P3,
        ));
        let cat_fixable = history.iter().filter(|t| t.category_corrected).count();
        assert!(
            cat_fixable >= 2,
            "the fixture must need fixing: {history:?}"
        );
        let s = suggest(DEFAULT_RULES, &history, SuggestOptions::default()).unwrap();
        let q = s
            .iter()
            .find(|x| x.field == Field::Category && x.term == "quillbox")
            .unwrap_or_else(|| panic!("{s:?}"));
        assert_eq!(q.target, "software");
        assert!(q.fixed >= 2 && q.broken == 0, "{q:?}");
        // The block is valid TOML for the rules file: pasting it gives the simulated result.
        let pasted = Rules::from_toml(&format!("{DEFAULT_RULES}\n\n{}", q.toml)).unwrap();
        assert_eq!(
            pasted.classify("x", "Quillbox crashed").category,
            Category::Software
        );
        let text = render_suggestions(&s, history.len());
        assert!(text.contains("would fix"), "{text}");
        assert!(text.contains("[[category]]"), "{text}");
    }

    #[test]
    fn nothing_is_suggested_without_corrections() {
        let base = Rules::from_toml(DEFAULT_RULES).unwrap();
        let c = base.classify("VPN", "VPN 连不上");
        let history = vec![past("VPN", "VPN 连不上", &base, c.category, c.priority)];
        let s = suggest(DEFAULT_RULES, &history, SuggestOptions::default()).unwrap();
        assert!(s.is_empty(), "{s:?}");
        assert!(render_suggestions(&s, 1).contains("No candidate"));
    }
}
