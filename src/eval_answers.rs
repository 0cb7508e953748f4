//! `supportbot eval-answers DIR`: how well the requester-answer reader does on a labelled folder
//! (`DIR/labels.csv` with `file,context,expected,lang,notes` and the `.eml` files beside it).
//! Each mail is parsed by `mail::parse` and read by `ticket::reply::read_answer`, exactly the
//! two calls the daemon makes, then scored: accuracy overall, per context and per language, the
//! confusion per context, every miss, and apart from those the *unsafe* misses (an answer read
//! as closing or rating a ticket when the label says it must not). Loading is the only I/O;
//! scoring and rendering are pure.

use crate::mail::parse::{parse_mail, ParseLimits};
use crate::ticket::reply::{read_answer_by, Answer, AnswerContext, Writer};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Why a labelled folder could not be evaluated. Each is fatal: a broken set gives no figure.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("labels.csv line {line}: {message}")]
    Label { line: usize, message: String },
}

/// One labelled answer and what the reader made of it.
#[derive(Debug, Clone)]
pub struct Case {
    pub file: String,
    pub context: AnswerContext,
    pub expected: Answer,
    pub lang: String,
    pub notes: String,
    /// What the reader said, `None` when the mail did not even parse (counted as a miss).
    pub got: Option<Answer>,
    /// The reader's reason, or the parse error.
    pub reason: String,
    /// The fresh text the reader saw (`InboundMail::new_text`), for `--json` misses.
    pub new_text: String,
}

impl Case {
    /// Read right: the reader's answer is the label.
    pub fn right(&self) -> bool {
        self.got == Some(self.expected)
    }

    /// A miss that would close or rate a ticket against the label: an unclear or rejected
    /// answer read as closing, or a rating on anything that is not that rating's label.
    pub fn unsafe_miss(&self) -> bool {
        match self.got {
            Some(got) if got != self.expected => {
                (got.closes() && !self.expected.closes())
                    || (matches!(got, Answer::Rating(_))
                        && !matches!(self.expected, Answer::Rating(_)))
            }
            _ => false,
        }
    }

    fn got_label(&self) -> String {
        self.got
            .map_or_else(|| "unparsed".to_string(), |a| a.to_string())
    }
}

/// Split one CSV line: commas, double-quoted fields with `""` escapes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// A parsed `labels.csv` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: String,
    pub context: AnswerContext,
    pub expected: Answer,
    pub lang: String,
    pub notes: String,
    /// The ticket requester's address; empty when the column is absent (the sender is taken
    /// to be the requester).
    pub requester: String,
}

/// Parse `labels.csv`: a header naming at least `file,context,expected` (any order; `lang`,
/// `requester` and `notes` optional), then one row per mail. Blank lines and `#` comments are skipped.
pub fn parse_labels(text: &str) -> Result<Vec<Label>, EvalError> {
    let mut rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((_, header)) = rows.next() else {
        return Err(EvalError::Label {
            line: 1,
            message: "empty file".into(),
        });
    };
    let header: Vec<String> = csv_fields(header.trim_start_matches('\u{feff}'))
        .into_iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(file), Some(context), Some(expected)) =
        (col("file"), col("context"), col("expected"))
    else {
        return Err(EvalError::Label {
            line: 1,
            message: format!("header must name file, context and expected, got {header:?}"),
        });
    };
    let (lang, notes, requester) = (col("lang"), col("notes"), col("requester"));
    let mut out = Vec::new();
    for (i, line) in rows {
        let f = csv_fields(line.trim_end_matches('\r'));
        let get = |c: Option<usize>| {
            c.and_then(|c| f.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let err = |message: String| EvalError::Label {
            line: i + 1,
            message,
        };
        out.push(Label {
            file: get(Some(file)),
            context: get(Some(context)).parse().map_err(err)?,
            expected: get(Some(expected)).parse().map_err(err)?,
            lang: get(lang),
            notes: get(notes),
            requester: get(requester),
        });
    }
    Ok(out)
}

/// Read `DIR/labels.csv` and every mail it names, and read each answer as the daemon would.
pub fn load_and_read(dir: &Path, limits: &ParseLimits) -> Result<Vec<Case>, EvalError> {
    let labels_path = dir.join("labels.csv");
    let text = std::fs::read_to_string(&labels_path).map_err(|source| EvalError::Read {
        path: labels_path.display().to_string(),
        source,
    })?;
    let mut cases = Vec::new();
    for label in parse_labels(&text)? {
        let path = dir.join(&label.file);
        let raw = std::fs::read(&path).map_err(|source| EvalError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut new_text = String::new();
        let (got, reason) = match parse_mail(&raw, limits) {
            Ok(mail) => {
                let writer = if label.requester.is_empty() {
                    Writer::Requester
                } else {
                    Writer::of(&mail.from.email, &label.requester)
                };
                let v = read_answer_by(label.context, &mail.new_text, writer);
                new_text = mail.new_text;
                (Some(v.answer), v.reason)
            }
            Err(e) => (None, format!("parse: {e}")),
        };
        cases.push(Case {
            file: label.file,
            context: label.context,
            expected: label.expected,
            lang: label.lang,
            notes: label.notes,
            got,
            reason,
            new_text,
        });
    }
    Ok(cases)
}

/// Right and total for a group of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    /// right / total, 0 for an empty group.
    pub fn accuracy(self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        // Counts of labelled mails are far below 2^52: the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let (r, t) = (self.right as f64, self.total as f64);
        r / t
    }
}

/// The figures `eval-answers` prints.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub all: Tally,
    pub by_context: BTreeMap<&'static str, Tally>,
    pub by_lang: BTreeMap<String, Tally>,
    /// (context, expected, got) → count.
    pub confusion: BTreeMap<(&'static str, String, String), usize>,
    pub unsafe_misses: usize,
}

/// Score the read cases.
pub fn score(cases: &[Case]) -> Score {
    let mut s = Score::default();
    for c in cases {
        let right = c.right();
        s.all.add(right);
        s.by_context
            .entry(c.context.label())
            .or_default()
            .add(right);
        s.by_lang.entry(c.lang.clone()).or_default().add(right);
        *s.confusion
            .entry((c.context.label(), c.expected.to_string(), c.got_label()))
            .or_default() += 1;
        s.unsafe_misses += usize::from(c.unsafe_miss());
    }
    s
}

fn tally_line(name: &str, t: Tally) -> String {
    format!(
        "  {name:<14} {:>4}/{:<4} {:.3}\n",
        t.right,
        t.total,
        t.accuracy()
    )
}

/// The human report: accuracy, per context and language, confusion, misses, unsafe misses.
pub fn render_text(cases: &[Case], s: &Score) -> String {
    let mut out = String::new();
    out.push_str(&tally_line("answers", s.all).replacen("  answers", "accuracy", 1));
    out.push_str("per context:\n");
    for (name, t) in &s.by_context {
        out.push_str(&tally_line(name, *t));
    }
    out.push_str("per language:\n");
    for (name, t) in &s.by_lang {
        out.push_str(&tally_line(if name.is_empty() { "-" } else { name }, *t));
    }
    out.push_str("confusion (context: expected -> read, count):\n");
    for ((ctx, expected, got), n) in &s.confusion {
        let mark = if expected == got { " " } else { "x" };
        let _ = writeln!(out, "  {mark} {ctx}: {expected} -> {got}  {n}");
    }
    let misses: Vec<&Case> = cases.iter().filter(|c| !c.right()).collect();
    let _ = writeln!(out, "misses ({}):", misses.len());
    for c in &misses {
        let _ = writeln!(
            out,
            "  {}{} [{}] expected {} read {} ({}) {}",
            if c.unsafe_miss() { "UNSAFE " } else { "" },
            c.file,
            c.context.label(),
            c.expected,
            c.got_label(),
            c.reason,
            c.notes
        );
    }
    let _ = writeln!(
        out,
        "UNSAFE MISSES: {} (closing or rating a ticket on an answer that does not say so; must be 0)",
        s.unsafe_misses
    );
    out
}

/// The machine report.
pub fn render_json(cases: &[Case], s: &Score) -> serde_json::Value {
    let tally = |t: Tally| json!({"right": t.right, "total": t.total, "accuracy": t.accuracy()});
    json!({
        "accuracy": s.all.accuracy(),
        "right": s.all.right,
        "total": s.all.total,
        "unsafe_misses": s.unsafe_misses,
        "by_context": s.by_context.iter().map(|(k, t)| (k.to_string(), tally(*t))).collect::<serde_json::Map<_, _>>(),
        "by_lang": s.by_lang.iter().map(|(k, t)| (k.clone(), tally(*t))).collect::<serde_json::Map<_, _>>(),
        "confusion": s.confusion.iter().map(|((c, e, g), n)| json!({"context": c, "expected": e, "read": g, "count": n})).collect::<Vec<_>>(),
        "misses": cases.iter().filter(|c| !c.right()).map(|c| json!({
            "file": c.file, "context": c.context.label(), "expected": c.expected.to_string(),
            "read": c.got_label(), "reason": c.reason, "unsafe": c.unsafe_miss(), "notes": c.notes,
            "new_text": c.new_text,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(context: AnswerContext, expected: Answer, got: Answer) -> Case {
        Case {
            file: "f.eml".into(),
            context,
            expected,
            lang: "en".into(),
            notes: String::new(),
            got: Some(got),
            reason: String::new(),
            new_text: String::new(),
        }
    }

    #[test]
    fn labels_parse_with_quotes_any_column_order_and_bad_rows_fail() {
        let text = "file,expected,context,lang,notes\na.eml,rating:5,survey,zh,\"x, \"\"y\"\"\"\n\nb.eml,unclear,kb,en,\n";
        let labels = parse_labels(text).unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].expected, Answer::Rating(5));
        assert_eq!(labels[0].notes, "x, \"y\"");
        assert_eq!(labels[1].context, AnswerContext::Kb);
        assert!(parse_labels("file,context,expected\na.eml,survey,rating:6\n").is_err());
        assert!(parse_labels("file,context,expected\na.eml,chat,unclear\n").is_err());
        assert!(parse_labels("name,label\n").is_err());
    }

    #[test]
    fn unsafe_means_closing_or_rating_against_the_label() {
        use Answer::*;
        use AnswerContext::*;
        let table = [
            (Confirmation, Unclear, Confirmed, true),
            (Confirmation, Rejected, Withdrawn, true),
            (Survey, Unclear, Rating(4), true),
            (Survey, Rejected, Rating(5), true),
            (Kb, NotSolved, Solved, true),
            (Survey, Rating(4), Rating(5), false),
            (Confirmation, Confirmed, Withdrawn, false),
            (Confirmation, Confirmed, Unclear, false),
            (Confirmation, Rejected, Rejected, false),
        ];
        for (ctx, expected, got, want) in table {
            assert_eq!(
                case(ctx, expected, got).unsafe_miss(),
                want,
                "{expected} read {got}"
            );
        }
    }

    #[test]
    fn score_counts_per_context_and_confusion() {
        use Answer::*;
        let cases = vec![
            case(AnswerContext::Confirmation, Confirmed, Confirmed),
            case(AnswerContext::Confirmation, Unclear, Confirmed),
            case(AnswerContext::Survey, Rating(3), Rating(3)),
        ];
        let s = score(&cases);
        assert_eq!(s.all, Tally { right: 2, total: 3 });
        assert_eq!(s.by_context["confirmation"], Tally { right: 1, total: 2 });
        assert_eq!(s.unsafe_misses, 1);
        assert_eq!(
            s.confusion[&("confirmation", "unclear".into(), "confirmed".into())],
            1
        );
        let text = render_text(&cases, &s);
        assert!(text.contains("UNSAFE MISSES: 1"), "{text}");
        assert_eq!(render_json(&cases, &s)["unsafe_misses"], 1);
    }
}
