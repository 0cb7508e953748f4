use super::*;
use crate::knowledge::{eval, files, parse_article};

fn starter() -> Index {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kb");
    Index::new(files::load_dir(&dir).unwrap().articles)
}

#[test]
fn tokens_are_bigrams_and_stems() {
    assert_eq!(tokens("打印机卡纸"), vec!["打印", "印机", "机卡", "卡纸"]);
    assert_eq!(tokens("the printer jammed"), vec!["print", "jam"]);
    assert_eq!(tokens("VPN连不上"), vec!["vpn", "连不", "不上"]);
    for (a, b) in [
        ("jams", "jammed"),
        ("printing", "printer"),
        ("syncing", "sync"),
        ("passwords", "password"),
        ("disconnects", "disconnected"),
        ("freezes", "freezing"),
    ] {
        assert_eq!(stem(a), stem(b), "{a} {b}");
    }
}

#[test]
fn retrieval_table_zh_en() {
    let ix = starter();
    let cases = [
        ("how do I reset my password", "password-reset"),
        ("密码忘了怎么重置", "password-reset"),
        ("VPN keeps dropping at home", "vpn"),
        ("在家连不上VPN", "vpn"),
        ("打印机卡纸", "printer-jam"),
        ("the printer jammed again", "printer-jam"),
        ("Outlook不同步", "outlook-sync"),
        ("C盘空间不足", "disk-full"),
    ];
    for (q, want) in cases {
        let lang = crate::ticket::classify::detect_language(q);
        let hits = ix.suggest(
            &Query {
                text: q,
                category: None,
                language: Some(lang),
            },
            DEFAULT_THRESHOLD,
            3,
        );
        assert_eq!(
            hits.first().map(|h| h.id.split('.').next().unwrap_or("")),
            Some(want),
            "{q}: {hits:?}"
        );
        // One per topic, and in the requester's language.
        let wanted = if lang == Language::En { "en" } else { "zh" };
        assert!(hits[0].id.ends_with(wanted), "{q}: {hits:?}");
    }
}

#[test]
fn unrelated_requests_get_no_suggestion() {
    let ix = starter();
    for q in [
        "请帮我申请一个新的工牌",
        "office party next friday?",
        "my office chair is broken",
        "请问年会什么时候开",
        "please order 200 business cards",
    ] {
        let lang = crate::ticket::classify::detect_language(q);
        let hits = ix.suggest(
            &Query {
                text: q,
                category: None,
                language: Some(lang),
            },
            DEFAULT_THRESHOLD,
            3,
        );
        assert!(hits.is_empty(), "{q}: {hits:?}");
    }
}

#[test]
fn category_boost_decides_a_tie() {
    let a = parse_article("a.en", "---\ncategory: network\n---\n# Alpha\nmodem reset").unwrap();
    let b = parse_article("b.en", "---\ncategory: hardware\n---\n# Beta\nmodem reset").unwrap();
    let ix = Index::new(vec![a, b]);
    let q = |c| Query {
        text: "modem reset",
        category: Some(c),
        language: None,
    };
    assert_eq!(ix.search(&q(Category::Hardware))[0].id, "b.en");
    assert_eq!(ix.search(&q(Category::Network))[0].id, "a.en");
}

#[test]
fn labelled_set_top3_hit_rate_is_at_least_0_9() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/kb/questions.toml"),
    )
    .unwrap();
    let cases = eval::parse_cases(&text).unwrap();
    assert!(cases.len() >= 40);
    let r = eval::evaluate(&starter(), &cases, DEFAULT_THRESHOLD);
    assert!(
        r.top3_rate() >= 0.9,
        "{} of {}: {:#?}",
        r.top3,
        r.cases,
        r.misses
    );
}
