//! Unit tests of `eval`: labels parsing, the score.py-equal figures, the report.

use super::run::{evaluate_dir, Setup};
use super::*;
use crate::mail::parse::ParseLimits;
use crate::ticket::classify::Rules;

fn label(file: &str, kind: &str, cat: &str, pri: &str, lang: &str) -> Label {
    Label {
        file: file.into(),
        kind: kind.into(),
        category: cat.into(),
        priority: pri.into(),
        lang: lang.into(),
    }
}

fn pred(kind: &str, cat: Option<&str>, pri: Option<&str>) -> Predicted {
    Predicted {
        kind: kind.into(),
        category: cat.map(Into::into),
        priority: pri.map(Into::into),
        reasons: vec!["rule x".into()],
        low_confidence: false,
    }
}

#[test]
fn labels_parse_with_quotes_commas_and_a_bom() {
    let text = "\u{feff}file,kind,category,priority,lang,notes\r\n001.eml,request,network,P1,zh,\"a, b \"\"c\"\"\"\r\n002.eml,bounce,-,-,en,x\n";
    let labels = parse_labels(text).expect("parses");
    assert_eq!(labels.len(), 2);
    assert_eq!(
        labels[0],
        label("001.eml", "request", "network", "P1", "zh")
    );
    assert_eq!(labels[1].kind, "bounce");
}

#[test]
fn bad_labels_are_all_reported() {
    let err = parse_labels("file,kind,category\n").expect_err("no lang/priority");
    assert_eq!(err.problems.len(), 2, "{err}");
    let err = parse_labels(
        "file,kind,category,priority,lang\n../x.eml,request,a,P1,zh\nb.eml,robot,-,-,en\nb.eml,bulk,-,-,en\n",
    )
    .expect_err("bad rows");
    let all = err.problems.join("\n");
    for needle in [
        "line 2",
        "not a plain name",
        "line 3: unknown kind",
        "line 4: b.eml is labelled twice",
    ] {
        assert!(all.contains(needle), "{needle} in {all}");
    }
    assert!(parse_labels("").is_err());
}

/// The same definitions as score.py: category/priority count only requests that stayed
/// requests; within-one compares levels; caught counts autoreply/bounce/bulk but not
/// spam-like; per-language category compares the category alone.
#[test]
fn figures_follow_score_py() {
    let labels = vec![
        label("1", "request", "network", "P1", "zh"),
        label("2", "request", "account", "P2", "zh"),
        label("3", "request", "software", "P3", "en"),
        label("4", "request", "request", "P4", "en"),
        label("5", "bounce", "-", "-", "en"),
        label("6", "spam-like", "-", "-", "en"),
        label("7", "bulk", "-", "-", "zh"),
    ];
    let mut p = BTreeMap::new();
    p.insert(
        "1".to_string(),
        pred("request", Some("network"), Some("P1")),
    );
    p.insert(
        "2".to_string(),
        pred("request", Some("account"), Some("P4")),
    );
    p.insert(
        "3".to_string(),
        pred("request", Some("hardware"), Some("P2")),
    );
    p.insert("4".to_string(), pred("autoreply", None, None));
    p.insert("5".to_string(), pred("bounce", None, None));
    p.insert("6".to_string(), pred("request", Some("other"), Some("P3")));
    // "7" missing.
    let r = score(&labels, &p);
    assert_eq!((r.requests, r.machine, r.mails), (4, 2, 7));
    assert_eq!((r.cat_ok, r.pri_ok, r.pri_near, r.kept), (2, 1, 2, 3));
    assert_eq!(r.caught, 1, "bounce caught, bulk missing");
    assert!((r.category() - 0.5).abs() < 1e-9);
    assert!((r.priority() - 0.25).abs() < 1e-9);
    assert!((r.caught() - 0.5).abs() < 1e-9);
    assert_eq!(r.missing, vec!["7".to_string()]);
    assert_eq!(
        r.kind_ok, 4,
        "1, 2, 3 requests and 5 bounce right; 4, 6, 7 wrong"
    );
    assert_eq!(
        r.by_lang["zh"],
        LangScore {
            requests: 2,
            cat_ok: 2,
            pri_ok: 1
        }
    );
    assert_eq!(r.confusion["category"]["request"]["(not a request)"], 1);
    assert_eq!(r.confusion["kind"]["spam"]["request"], 1);
    let files: Vec<&str> = r.misses.iter().map(|m| m.file.as_str()).collect();
    assert_eq!(files, vec!["2", "3", "4", "6", "7"]);
    assert!(!r.meets(None, None), "a missing file fails");
    let text = r.to_text();
    assert!(text.contains("category  0.500 (2/4)"), "{text}");
    assert!(text.contains("rule x"), "misses show the rules that fired");
    let json = r.to_json();
    assert_eq!(json["priority_within_one"], 0.5);
    assert_eq!(json["misses"].as_array().map(Vec::len), Some(5));
}

#[test]
fn floors_decide_the_exit() {
    let labels = vec![label("1", "request", "network", "P1", "zh")];
    let mut p = BTreeMap::new();
    p.insert(
        "1".to_string(),
        pred("request", Some("network"), Some("P2")),
    );
    let r = score(&labels, &p);
    assert!(r.meets(Some(1.0), None));
    assert!(!r.meets(Some(1.0), Some(0.5)));
    assert!(r.meets(None, Some(0.0)));
}

#[test]
fn the_labelled_fixture_is_scored_from_disk() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval");
    let rules = Rules::builtin().expect("rules");
    let setup = Setup {
        rules: &rules,
        limits: &ParseLimits::default(),
        own_addresses: &["support@example.test".to_string()],
    };
    let r = evaluate_dir(&dir, &setup, false).expect("evaluates");
    assert_eq!((r.mails, r.requests, r.machine), (5, 4, 1));
    assert_eq!(r.missing, vec!["missing.eml".to_string()]);
    assert_eq!(r.caught, 1, "the bounce is caught");
    assert_eq!(r.cat_ok, 3, "{}", r.to_text());
    assert!(
        r.misses.iter().any(|m| m.file == "d.eml"),
        "{}",
        r.to_text()
    );
    assert!(r.speed.is_none());
    assert!(evaluate_dir(&dir.join("nope"), &setup, false).is_err());
}
