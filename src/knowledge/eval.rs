//! Retrieval quality: a labelled set of questions (`tests/eval/kb/*.toml`, `[[case]]` with
//! `q` and the expected article topic `expect`, optional `category`) scored as the top-3
//! hit rate — the share of questions whose expected topic is among the first three
//! suggestions. Pure: the caller reads the file and prints the result.

use super::index::{Index, Query};
use crate::ticket::classify::detect_language;
use crate::ticket::model::Category;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvalFile {
    case: Vec<EvalCase>,
}

/// One labelled question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalCase {
    pub q: String,
    /// The topic of the article that answers it (`vpn`, `password-reset`).
    pub expect: String,
    #[serde(default)]
    pub category: Option<Category>,
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct EvalReport {
    pub cases: usize,
    pub top1: usize,
    pub top3: usize,
    /// Questions whose expected topic was not in the top 3, with what came instead.
    pub misses: Vec<(String, String, Vec<String>)>,
}

impl EvalReport {
    /// Top-3 hit rate, 0..=1.
    pub fn top3_rate(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            self.top3 as f64 / self.cases as f64
        }
    }
}

/// Parse an evaluation file.
pub fn parse_cases(text: &str) -> Result<Vec<EvalCase>, String> {
    toml::from_str::<EvalFile>(text)
        .map(|f| f.case)
        .map_err(|e| e.message().to_string())
}

/// Score `cases` against `index` with the suggestion `threshold` (as the acknowledgement
/// would: at most three suggestions above the threshold).
pub fn evaluate(index: &Index, cases: &[EvalCase], threshold: f64) -> EvalReport {
    let mut r = EvalReport {
        cases: cases.len(),
        ..Default::default()
    };
    for c in cases {
        let q = Query {
            text: &c.q,
            category: c.category,
            language: Some(detect_language(&c.q)),
        };
        let hits = index.suggest(&q, threshold, 3);
        let topics: Vec<String> = hits
            .iter()
            .map(|h| h.id.split('.').next().unwrap_or(&h.id).to_string())
            .collect();
        if topics.first() == Some(&c.expect) {
            r.top1 += 1;
        }
        if topics.contains(&c.expect) {
            r.top3 += 1;
        } else {
            r.misses.push((c.q.clone(), c.expect.clone(), topics));
        }
    }
    r
}
