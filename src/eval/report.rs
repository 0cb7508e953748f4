//! The `eval` report: counts, ratios as score.py computes them, confusion matrices and
//! misses, as text for people and JSON for machines. Pure.

use super::{Label, Predicted};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Per-language request counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangScore {
    pub requests: usize,
    pub cat_ok: usize,
    pub pri_ok: usize,
}

/// One mail triage got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub file: String,
    pub want: (String, String, String),
    pub got: (String, String, String),
    pub reasons: Vec<String>,
}

/// Classification speed measured by `run` (not part of the comparison with score.py).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Speed {
    /// Rules::classify calls per second on the set's requests, single-threaded.
    pub classify_per_second: f64,
    /// Whole triage (parse → loop guard → classify) per second on every file.
    pub triage_per_second: f64,
    /// `release` or `debug` (debug builds run regex several times slower).
    pub profile: &'static str,
}

/// The result of scoring one labelled directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub mails: usize,
    pub requests: usize,
    /// Labelled autoreply/bounce/bulk (score.py's "non-requests").
    pub machine: usize,
    pub kind_ok: usize,
    pub kept: usize,
    pub caught: usize,
    pub cat_ok: usize,
    pub pri_ok: usize,
    pub pri_near: usize,
    /// Requests the classifier flagged as low confidence, and how many of those had the
    /// wrong category.
    pub low_confidence: usize,
    pub low_confidence_wrong: usize,
    pub by_lang: BTreeMap<String, LangScore>,
    /// matrix name → wanted → got → count.
    pub confusion: BTreeMap<String, BTreeMap<String, BTreeMap<String, usize>>>,
    pub misses: Vec<Miss>,
    /// Labelled files with no triage (unreadable or absent).
    pub missing: Vec<String>,
    pub speed: Option<Speed>,
}

fn ratio(a: usize, b: usize) -> f64 {
    let b = u32::try_from(b.max(1)).unwrap_or(u32::MAX);
    f64::from(u32::try_from(a).unwrap_or(u32::MAX)) / f64::from(b)
}

impl Report {
    pub(super) fn count(&mut self, matrix: &str, want: &str, got: &str) {
        *self
            .confusion
            .entry(matrix.to_string())
            .or_default()
            .entry(want.to_string())
            .or_default()
            .entry(got.to_string())
            .or_default() += 1;
    }

    pub(super) fn push_miss(&mut self, label: &Label, p: &Predicted) {
        let dash = |s: Option<&String>| s.cloned().unwrap_or_else(|| "-".into());
        self.misses.push(Miss {
            file: label.file.clone(),
            want: (
                label.kind.clone(),
                label.category.clone(),
                label.priority.clone(),
            ),
            got: (
                if p.kind.is_empty() {
                    "(none)".into()
                } else {
                    p.kind.clone()
                },
                dash(p.category.as_ref()),
                dash(p.priority.as_ref()),
            ),
            reasons: p.reasons.clone(),
        });
    }

    /// Requests with the right category / all requests (score.py `category`).
    pub fn category(&self) -> f64 {
        ratio(self.cat_ok, self.requests)
    }
    /// Requests with the right priority / all requests (score.py `priority`).
    pub fn priority(&self) -> f64 {
        ratio(self.pri_ok, self.requests)
    }
    /// Priority off by at most one level (score.py `within one`).
    pub fn priority_within_one(&self) -> f64 {
        ratio(self.pri_near, self.requests)
    }
    /// Requests that stayed requests (score.py `requests kept`).
    pub fn kept(&self) -> f64 {
        ratio(self.kept, self.requests)
    }
    /// Machine mail recognised as such (score.py `non-requests caught`).
    pub fn caught(&self) -> f64 {
        ratio(self.caught, self.machine)
    }
    /// Every labelled mail with the right kind.
    pub fn kind(&self) -> f64 {
        ratio(self.kind_ok, self.mails)
    }

    /// Whether the floors hold (`None` = no floor); a missing file fails too.
    pub fn meets(&self, min_category: Option<f64>, min_priority: Option<f64>) -> bool {
        self.missing.is_empty()
            && min_category.is_none_or(|m| self.category() >= m)
            && min_priority.is_none_or(|m| self.priority() >= m)
    }

    /// The report for people.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{} mails: {} requests, {} machine mail (autoreply/bounce/bulk), missing {}",
            self.mails,
            self.requests,
            self.machine,
            self.missing.len()
        );
        let _ = writeln!(
            s,
            "kind      {:.3} ({}/{})   requests kept {:.3}   non-requests caught {:.3}",
            self.kind(),
            self.kind_ok,
            self.mails,
            self.kept(),
            self.caught()
        );
        let _ = writeln!(
            s,
            "category  {:.3} ({}/{})",
            self.category(),
            self.cat_ok,
            self.requests
        );
        let _ = writeln!(
            s,
            "priority  {:.3} ({}/{}), within one level {:.3}",
            self.priority(),
            self.pri_ok,
            self.requests,
            self.priority_within_one()
        );
        let _ = writeln!(
            s,
            "low confidence: {} requests flagged, {} of them with a wrong category",
            self.low_confidence, self.low_confidence_wrong
        );
        for (lang, l) in &self.by_lang {
            let _ = writeln!(
                s,
                "  {lang:<6} category {}/{}  priority {}/{}",
                l.cat_ok, l.requests, l.pri_ok, l.requests
            );
        }
        for (name, m) in &self.confusion {
            let _ = writeln!(s, "\nconfusion {name} (rows: label, columns: triage)");
            s.push_str(&matrix_text(m));
        }
        if let Some(sp) = &self.speed {
            let _ = writeln!(
                s,
                "\nspeed ({} build, single thread): classify {:.0} mails/s, parse+triage {:.0} mails/s",
                sp.profile, sp.classify_per_second, sp.triage_per_second
            );
        }
        if !self.missing.is_empty() {
            let _ = writeln!(s, "\nmissing: {}", self.missing.join(" "));
        }
        if !self.misses.is_empty() {
            let _ = writeln!(s, "\nmisses ({}):", self.misses.len());
        }
        for m in &self.misses {
            let _ = writeln!(
                s,
                "{}  want {} {} {}  got {} {} {}",
                m.file, m.want.0, m.want.1, m.want.2, m.got.0, m.got.1, m.got.2
            );
            for r in &m.reasons {
                let _ = writeln!(s, "    {r}");
            }
        }
        s
    }

    /// The report for machines.
    pub fn to_json(&self) -> serde_json::Value {
        let by_lang: serde_json::Map<String, serde_json::Value> = self
            .by_lang
            .iter()
            .map(|(k, l)| {
                (
                    k.clone(),
                    serde_json::json!({"requests": l.requests, "category": l.cat_ok,
                        "priority": l.pri_ok}),
                )
            })
            .collect();
        let misses: Vec<serde_json::Value> = self
            .misses
            .iter()
            .map(|m| {
                serde_json::json!({
                    "file": m.file,
                    "want": {"kind": m.want.0, "category": m.want.1, "priority": m.want.2},
                    "got": {"kind": m.got.0, "category": m.got.1, "priority": m.got.2},
                    "reasons": m.reasons,
                })
            })
            .collect();
        serde_json::json!({
            "mails": self.mails,
            "requests": self.requests,
            "non_requests": self.machine,
            "missing": self.missing,
            "kind": self.kind(),
            "category": self.category(),
            "priority": self.priority(),
            "priority_within_one": self.priority_within_one(),
            "requests_kept": self.kept(),
            "non_requests_caught": self.caught(),
            "low_confidence": {"flagged": self.low_confidence, "wrong_category": self.low_confidence_wrong},
            "by_language": by_lang,
            "confusion": self.confusion,
            "misses": misses,
            "speed": self.speed.map(|s| serde_json::json!({
                "classify_mails_per_second": s.classify_per_second.round(),
                "triage_mails_per_second": s.triage_per_second.round(),
                "profile": s.profile,
            })),
        })
    }
}

fn matrix_text(m: &BTreeMap<String, BTreeMap<String, usize>>) -> String {
    let mut cols: Vec<&String> = m.values().flat_map(|r| r.keys()).collect();
    cols.sort();
    cols.dedup();
    let width = cols
        .iter()
        .map(|c| c.chars().count())
        .chain(m.keys().map(|k| k.chars().count()))
        .max()
        .unwrap_or(1)
        .max(3);
    let mut s = format!("{:width$}", "");
    for c in &cols {
        let _ = write!(s, " {c:>width$}");
    }
    s.push('\n');
    for (want, row) in m {
        let _ = write!(s, "{want:width$}");
        for c in &cols {
            let n = row.get(*c).copied().unwrap_or(0);
            if n == 0 {
                let _ = write!(s, " {:>width$}", ".");
            } else {
                let _ = write!(s, " {n:>width$}");
            }
        }
        s.push('\n');
    }
    s
}
