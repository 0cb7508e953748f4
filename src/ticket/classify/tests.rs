//! Unit tests of the classifier: rules validation, guide decisions, language, holdout tables.

use super::*;
use crate::ticket::model::{Category, Language, Priority};

fn rules() -> Rules {
    Rules::builtin().expect("builtin rules compile")
}

#[test]
fn rules_errors_are_all_reported_at_once() {
    let text = r#"
[settings]
subject_weight = 50
default_category = "misc"

[[category]]
id = "a"
category = "gadgets"
weight = 1
patterns = ["x"]

[[category]]
id = "b"
category = "network"
weight = 0
patterns = ["(unclosed"]
priority = "P9"

[[category]]
id = "b"
category = "network"
weight = 1

[[signal]]
id = "s"
signal = "sparkly"
patterns = ["y"]
"#;
    let err = Rules::from_toml(text).expect_err("invalid rules");
    let all = err.problems.join("\n");
    for needle in [
        "subject_weight",
        "default_category",
        "gadgets",
        "weight 0",
        "does not compile",
        "P9",
        "used twice",
        "no patterns and no words",
        "sparkly",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
    }
    assert!(Rules::from_toml("not = [toml").is_err());
    assert!(Rules::from_toml(
        "[[category]]\nid='x'\ncategory='other'\nweight=1\nwords=['a']\nbogus=1"
    )
    .is_err());
}

#[test]
fn builtin_rules_compile() {
    let rules = rules();
    assert!(rules.len() > 40);
}

#[test]
fn decisions_follow_the_guide() {
    let rules = rules();
    let cases: &[(&str, &str, Category, Priority)] = &[
        (
            "Re: 打印机卡纸问题",
            "我的 VPN 今天一直连不上，提示连接超时。",
            Category::Network,
            Priority::P3,
        ),
        (
            "URGENT!!!",
            "URGENT!!! The scroll wheel on my mouse jumps. Clicking works fine.",
            Category::Hardware,
            Priority::P3,
        ),
        (
            "紧急！！",
            "紧急！！请问公司邮箱容量是多少？",
            Category::Request,
            Priority::P4,
        ),
        (
            "不急",
            "不急，但是整个客服中心的电话都打不出去，网络好像断了。",
            Category::Network,
            Priority::P1,
        ),
        ("help", "hi", Category::Other, Priority::P3),
    ];
    for (subject, body, cat, prio) in cases {
        let c = rules.classify(subject, body);
        assert_eq!(
            (c.category, c.priority),
            (*cat, *prio),
            "{body} {:?}",
            c.reasons
        );
        assert!(!c.reasons.is_empty());
    }
}

#[test]
fn reasons_name_rule_and_words() {
    let c = rules().classify("VPN", "VPN 一直断网");
    let first = c.reasons.first().expect("a reason");
    assert!(first.starts_with("category network: "), "{first}");
    assert!(first.contains("(rule net."), "{first}");
    assert!(first.contains('"'), "{first}");
}

#[test]
fn language_detection_table() {
    let cases: &[(&str, Language)] = &[
        ("打印机卡纸了，麻烦看一下", Language::Zh),
        ("SAP 报错 \"Update was terminated\"，请处理", Language::Zh),
        ("蓝屏 CRITICAL_PROCESS_DIED，重启后正常", Language::Zh),
        ("The printer jams on every page.", Language::En),
        ("VPN connect 不上, please help asap", Language::Mixed),
        ("Hi，请问怎么设置签名？", Language::Mixed),
        ("印表機卡紙，麻煩處理", Language::Zh),
        ("", Language::En),
    ];
    for (text, want) in cases {
        assert_eq!(detect_language(text), *want, "{text}");
    }
}

/// Timing probe: `cargo test --lib classify_speed -- --ignored --nocapture`
/// (debug builds run regex several times slower than release).
#[test]
#[ignore]
fn classify_speed() {
    let t0 = std::time::Instant::now();
    let rules = rules();
    println!("compile: {:?}", t0.elapsed());
    let body = "你好，三楼从10点开始有线和无线全部断网，大概四十多个人都上不了网，也连不上 ERP 和邮箱。\nThe VPN also drops every 5 minutes and Outlook shows error 0x800CCC0E. Please help asap.";
    let n = 2000;
    let start = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(rules.classify("整个三楼断网了", body));
    }
    let per = start.elapsed() / n;
    println!("classify: {per:?} per mail");
}

/// Hand-written mails (not from the dev corpus) labelled by the guide.
const HOLDOUT: &str = concat!(
    include_str!("../../../tests/fixtures/classify/holdout.tsv"),
    include_str!("../../../tests/fixtures/classify/holdout2.tsv"),
    include_str!("../../../tests/fixtures/classify/holdout3.tsv"),
    include_str!("../../../tests/fixtures/classify/holdout4.tsv"),
    include_str!("../../../tests/fixtures/classify/holdout5.tsv"),
    include_str!("../../../tests/fixtures/classify/holdout6.tsv")
);

#[test]
fn holdout_cases_generalise() {
    let rules = rules();
    let (mut total, mut cat_ok, mut prio_ok) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in HOLDOUT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad holdout line: {line}");
        // The classifier only ever sees the sender's newest text.
        let body = crate::mail::quote::newest_text(&cols[3].replace("\\n", "\n"));
        let c = rules.classify(cols[2], &body);
        total += 1;
        let cat = c.category.as_str() == cols[0];
        let prio = c.priority.as_str() == cols[1];
        cat_ok += usize::from(cat);
        prio_ok += usize::from(prio);
        if !cat || !prio {
            failures.push(format!(
                "want {}/{} got {}/{}: {} | {:?}",
                cols[0], cols[1], c.category, c.priority, cols[2], c.reasons
            ));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    println!("holdout: category {cat_ok}/{total}, priority {prio_ok}/{total}");
    assert!(total > 80);
    assert!(cat_ok * 100 >= total * 90, "category {cat_ok}/{total}");
    assert!(prio_ok * 100 >= total * 75, "priority {prio_ok}/{total}");
}
