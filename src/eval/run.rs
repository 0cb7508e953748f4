//! The I/O half of `eval`: read `DIR/labels.csv` and the mails beside it, triage each
//! file exactly as `supportbot classify` (and intake) does — parse → loop guard →
//! classify — and time the classifier single-threaded.

use super::{parse_labels, score, LabelsError, Predicted, Report};
use crate::mail::parse::{parse_mail, ParseLimits};
use crate::mail::triage::{triage, triage_mail};
use crate::ticket::classify::Rules;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a directory could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Labels { path: PathBuf, source: LabelsError },
}

/// What `eval` needs to triage like intake.
#[derive(Debug, Clone, Copy)]
pub struct Setup<'a> {
    pub rules: &'a Rules,
    pub limits: &'a ParseLimits,
    pub own_addresses: &'a [String],
}

/// The prediction for one raw mail, as `supportbot classify` prints it.
pub fn predict(raw: &[u8], setup: &Setup<'_>) -> Predicted {
    match triage(raw, setup.rules, setup.limits, setup.own_addresses) {
        Ok(t) => Predicted {
            kind: t.kind.as_str().to_string(),
            category: t.category.map(|c| c.as_str().to_string()),
            priority: t.priority.map(|p| p.as_str().to_string()),
            reasons: t.reasons,
            low_confidence: t.low_confidence,
        },
        Err(e) => Predicted {
            kind: "quarantine".into(),
            reasons: vec![e.to_string()],
            ..Predicted::default()
        },
    }
}

/// Score every labelled file in `dir`. With `time`, also measure classification speed
/// (about half a second more). A labelled file that cannot be read is reported as
/// missing, not as an error.
pub fn evaluate_dir(dir: &Path, setup: &Setup<'_>, time: bool) -> Result<Report, EvalError> {
    let path = dir.join("labels.csv");
    let text = std::fs::read_to_string(&path).map_err(|source| EvalError::Read {
        path: path.clone(),
        source,
    })?;
    let labels = parse_labels(&text).map_err(|source| EvalError::Labels { path, source })?;
    let mut raws: Vec<Vec<u8>> = Vec::new();
    let mut predicted = BTreeMap::new();
    for label in &labels {
        let Ok(raw) = std::fs::read(dir.join(&label.file)) else {
            continue;
        };
        predicted.insert(label.file.clone(), predict(&raw, setup));
        raws.push(raw);
    }
    let mut report = score(&labels, &predicted);
    if time {
        report.speed = Some(measure(&raws, setup));
    }
    Ok(report)
}

/// Single-threaded speed: `Rules::classify` on the requests' parsed text, and the whole
/// triage on the raw files, each repeated for at least 250 ms.
fn measure(raws: &[Vec<u8>], setup: &Setup<'_>) -> super::report::Speed {
    let texts: Vec<(String, String)> = raws
        .iter()
        .filter_map(|raw| parse_mail(raw, setup.limits).ok())
        .filter(|m| {
            triage_mail(m, setup.rules, setup.own_addresses).kind
                == crate::mail::loopguard::MailKind::Request
        })
        .map(|m| (m.subject, m.new_text))
        .collect();
    let per_second = |n: usize, d: Duration| {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        f64::from(n) / d.as_secs_f64().max(1e-9)
    };
    let budget = Duration::from_millis(250);
    let (mut n, start) = (0usize, Instant::now());
    while !texts.is_empty() && start.elapsed() < budget {
        for (subject, text) in &texts {
            std::hint::black_box(setup.rules.classify(subject, text));
            n += 1;
        }
    }
    let classify_per_second = per_second(n, start.elapsed());
    let (mut n, start) = (0usize, Instant::now());
    while !raws.is_empty() && start.elapsed() < budget {
        for raw in raws {
            let _ =
                std::hint::black_box(triage(raw, setup.rules, setup.limits, setup.own_addresses));
            n += 1;
        }
    }
    super::report::Speed {
        classify_per_second,
        triage_per_second: per_second(n, start.elapsed()),
        profile: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    }
}

/// The (subject, sender's newest text) of every request among `paths` (mail files, or
/// directories whose `.eml` files are read), for `rules check`. Machine mail is left
/// out, as intake never classifies it; unparsable files are skipped.
pub fn read_corpus(
    paths: &[PathBuf],
    limits: &ParseLimits,
    own_addresses: &[String],
) -> Result<Vec<(String, String)>, EvalError> {
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Read { path, source }
    };
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(read_err(p))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|e| e == "eml"))
                .collect();
            in_dir.sort();
            files.extend(in_dir);
        } else {
            files.push(p.clone());
        }
    }
    let mut out = Vec::new();
    for f in files {
        let raw = std::fs::read(&f).map_err(read_err(&f))?;
        let Ok(mail) = parse_mail(&raw, limits) else {
            continue;
        };
        let verdict = crate::mail::loopguard::detect(&mail, own_addresses);
        if verdict.kind == crate::mail::loopguard::MailKind::Request {
            out.push((mail.subject, mail.new_text));
        }
    }
    Ok(out)
}
