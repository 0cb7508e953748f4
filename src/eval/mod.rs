//! `supportbot eval DIR`: score triage against a labelled directory of mails
//! (`DIR/labels.csv` with columns `file,kind,category,priority,lang,notes`, the format of
//! the shared dev corpus). This module is the pure part: parse the labels, compare them
//! with the triage of each file, and build the report (accuracy for kind, category and
//! priority, per language, confusion matrices, every miss with the rules that fired).
//! The figures are defined exactly as `../shared/corpus/tools/score.py` defines them, so
//! `eval` and `classify | score.py` agree on the same files. Reading the directory and
//! timing the classifier live in `run.rs`.

mod report;
pub mod run;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use report::{LangScore, Miss, Report, Speed};

/// A labels file that cannot be read as labels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("labels.csv: {}", .problems.join("; "))]
pub struct LabelsError {
    /// One line per problem, naming the line number.
    pub problems: Vec<String>,
}

/// One labelled mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// File name beside labels.csv.
    pub file: String,
    /// `request`, `autoreply`, `bounce`, `bulk` or `spam-like`.
    pub kind: String,
    /// Category for requests, `-` otherwise.
    pub category: String,
    /// `P1`..`P4` for requests, `-` otherwise.
    pub priority: String,
    /// `zh`, `en` or `mixed`.
    pub lang: String,
}

impl Label {
    /// Whether the mail is a request (a ticket should be opened).
    pub fn is_request(&self) -> bool {
        self.kind == "request"
    }

    /// Machine mail that must not become a ticket (score.py leaves `spam-like` out).
    pub fn is_machine(&self) -> bool {
        matches!(self.kind.as_str(), "autoreply" | "bounce" | "bulk")
    }
}

/// What triage said about one file: the fields `supportbot classify` prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Predicted {
    /// `request`, `autoreply`, `bounce`, `bulk`, `spam`, `quarantine` or `error`.
    pub kind: String,
    pub category: Option<String>,
    pub priority: Option<String>,
    /// Why: rule ids and words, or loop-guard evidence.
    pub reasons: Vec<String>,
    /// The classifier was unsure (close call or no rule fired).
    pub low_confidence: bool,
}

/// Parse `labels.csv` (RFC 4180 quoting; a header row naming at least `file`, `kind`,
/// `category`, `priority` and `lang`). Every bad line is reported.
pub fn parse_labels(text: &str) -> Result<Vec<Label>, LabelsError> {
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).into_iter();
    let Some(header) = rows.next() else {
        return Err(LabelsError {
            problems: vec!["the file is empty".into()],
        });
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let mut problems = Vec::new();
    let mut cols = Vec::new();
    for name in ["file", "kind", "category", "priority", "lang"] {
        match col(name) {
            Some(i) => cols.push(i),
            None => problems.push(format!("the header has no {name:?} column")),
        }
    }
    if !problems.is_empty() {
        return Err(LabelsError { problems });
    }
    let mut labels: Vec<Label> = Vec::new();
    for (n, row) in rows.enumerate() {
        let line = n + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |k: usize| {
            cols.get(k)
                .and_then(|i| row.get(*i))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let label = Label {
            file: get(0),
            kind: get(1),
            category: get(2),
            priority: get(3),
            lang: get(4),
        };
        if label.file.is_empty() {
            problems.push(format!("line {line}: no file name"));
        } else if label.file.contains('/') || label.file.contains('\\') || label.file == ".." {
            problems.push(format!(
                "line {line}: file {:?} is not a plain name",
                label.file
            ));
        }
        if !matches!(
            label.kind.as_str(),
            "request" | "autoreply" | "bounce" | "bulk" | "spam-like"
        ) {
            problems.push(format!("line {line}: unknown kind {:?}", label.kind));
        }
        if labels.iter().any(|l| l.file == label.file) {
            problems.push(format!("line {line}: {} is labelled twice", label.file));
        }
        labels.push(label);
    }
    if problems.is_empty() {
        Ok(labels)
    } else {
        Err(LabelsError { problems })
    }
}

/// Rows of RFC 4180 CSV: `"` quotes a field, `""` inside quotes is one `"`.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The level of a priority ("P2" → 2); anything else is far from every level.
fn level(p: Option<&str>) -> i32 {
    p.and_then(|p| p.strip_prefix('P'))
        .and_then(|d| d.parse().ok())
        .unwrap_or(99)
}

/// A label's kind in the predicted vocabulary (`spam-like` is printed as `spam`).
fn label_kind(kind: &str) -> &str {
    if kind == "spam-like" {
        "spam"
    } else {
        kind
    }
}

/// Score predictions (by file name) against labels.
pub fn score(labels: &[Label], predicted: &BTreeMap<String, Predicted>) -> Report {
    let mut r = Report::default();
    let none = Predicted::default();
    for label in labels {
        let p = predicted.get(&label.file);
        if p.is_none() {
            r.missing.push(label.file.clone());
        }
        let p = p.unwrap_or(&none);
        let pred_kind = if p.kind.is_empty() { "(none)" } else { &p.kind };
        r.mails += 1;
        let kind_ok = pred_kind == label_kind(&label.kind);
        r.kind_ok += usize::from(kind_ok);
        r.count("kind", label_kind(&label.kind), pred_kind);
        if label.is_machine() {
            r.machine += 1;
            r.caught += usize::from(p.kind != "request" && !p.kind.is_empty());
        }
        if !label.is_request() {
            if !kind_ok {
                r.push_miss(label, p);
            }
            continue;
        }
        r.requests += 1;
        let is_req = p.kind == "request";
        let cat_ok = is_req && p.category.as_deref() == Some(label.category.as_str());
        let pri_ok = is_req && p.priority.as_deref() == Some(label.priority.as_str());
        let near =
            is_req && (level(p.priority.as_deref()) - level(Some(&label.priority))).abs() <= 1;
        r.kept += usize::from(is_req);
        r.cat_ok += usize::from(cat_ok);
        r.pri_ok += usize::from(pri_ok);
        r.pri_near += usize::from(near);
        r.low_confidence += usize::from(is_req && p.low_confidence);
        r.low_confidence_wrong += usize::from(is_req && p.low_confidence && !cat_ok);
        let got_cat = if is_req {
            p.category.as_deref().unwrap_or("-")
        } else {
            "(not a request)"
        };
        let got_pri = if is_req {
            p.priority.as_deref().unwrap_or("-")
        } else {
            "(not a request)"
        };
        r.count("category", &label.category, got_cat);
        r.count("priority", &label.priority, got_pri);
        let lang = r.by_lang.entry(label.lang.clone()).or_default();
        lang.requests += 1;
        // score.py compares the category alone here, whatever the kind.
        lang.cat_ok += usize::from(p.category.as_deref() == Some(label.category.as_str()));
        lang.pri_ok += usize::from(pri_ok);
        if !cat_ok || !pri_ok {
            r.push_miss(label, p);
        }
    }
    r
}
