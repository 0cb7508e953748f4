use super::*;
use crate::ticket::model::Category;

fn rules() -> FactRules {
    FactRules::builtin().expect("built-in fact rules compile")
}

fn kinds(r: &FactReport) -> Vec<&'static str> {
    r.found.iter().map(|f| f.kind.as_str()).collect()
}

#[test]
fn builtin_rules_have_every_kind() {
    let r = rules();
    assert!(r.len() >= 10);
    for k in FactKind::ALL {
        assert!(r.rules.iter().any(|x| x.kind == k), "{k}");
    }
}

#[test]
fn start_time_is_found_in_zh_and_en_wordings() {
    let r = rules();
    let cases = [
        "从早上九点开始就打不开了",
        "昨天下午开始一直断网",
        "今天上午十点半以后打印机就不动了",
        "三天前开始电脑特别慢",
        "更新之后就开始蓝屏",
        "周一开始邮箱收不到信",
        "9:30 开始连不上",
        "since 10am the VPN drops",
        "It started this morning around 8",
        "yesterday afternoon Outlook stopped syncing",
        "The printer jams since the update",
        "two hours ago the wifi died",
        "for the last 3 days it has been slow",
    ];
    for text in cases {
        let rep = r.detect("", text, 0, Category::Software);
        assert!(rep.has(FactKind::StartTime), "{text}: {:?}", kinds(&rep));
    }
    for text in ["电脑打不开", "The VPN does not work", "请帮我装一个软件"] {
        let rep = r.detect("", text, 0, Category::Software);
        assert!(!rep.has(FactKind::StartTime), "{text}: {:?}", rep.found);
    }
}

#[test]
fn symptom_impact_contact_and_asset_tables() {
    let r = rules();
    let cases: &[(&str, FactKind, bool)] = &[
        ("提示“密码错误”，重启过也不行", FactKind::Symptom, true),
        ("报错代码 0x80070005", FactKind::Symptom, true),
        ("试过重启路由器了", FactKind::Symptom, true),
        (
            "It says \"access denied for user\"",
            FactKind::Symptom,
            true,
        ),
        ("I already rebooted twice", FactKind::Symptom, true),
        ("电脑坏了", FactKind::Symptom, false),
        ("二十个人都上不了网", FactKind::Impact, true),
        ("整个三楼都断网", FactKind::Impact, true),
        ("仓库无法出库", FactKind::Impact, true),
        ("其实全公司都不能用", FactKind::Impact, true),
        ("只有我一个人这样", FactKind::Impact, true),
        ("the whole floor is offline", FactKind::Impact, true),
        ("12 users cannot log in", FactKind::Impact, true),
        ("we cannot ship orders", FactKind::Impact, true),
        ("only me, colleagues are fine", FactKind::Impact, true),
        ("my mouse is broken", FactKind::Impact, false),
        ("电话 13812345678", FactKind::Contact, true),
        ("我的分机 8021", FactKind::Contact, true),
        ("call me on ext. 4410", FactKind::Contact, true),
        ("phone: +86 21 5555 1234", FactKind::Contact, true),
        ("版本 2.3.1 有问题", FactKind::Contact, false),
        ("我在三楼工位 A12", FactKind::Asset, true),
        ("资产编号 IT-04217", FactKind::Asset, true),
        ("3F 会议室的投影仪", FactKind::Asset, true),
        ("desk B14 on the 2nd floor", FactKind::Asset, true),
        ("asset tag LT-2291", FactKind::Asset, true),
        ("my monitor flickers", FactKind::Asset, false),
    ];
    let mut wrong = Vec::new();
    for (text, kind, want) in cases {
        let rep = r.detect("", text, 0, Category::Hardware);
        if rep.has(*kind) != *want {
            wrong.push(format!("{text} {kind}={want}: {:?}", rep.found));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn vague_request_misses_everything_and_complete_one_nothing() {
    let r = rules();
    let vague = r.detect("打印机坏了", "打印机坏了，请处理", 0, Category::Hardware);
    assert_eq!(vague.missing, FactKind::ALL.to_vec(), "{:?}", vague.found);
    let complete = r.detect(
        "Printer jam on floor 3",
        "Since 9am today the printer on the 3rd floor (asset tag PR-0311) shows \"paper jam in tray 2\". \
         I tried opening tray 2. The whole team of 8 people cannot print invoices. Call me on ext. 4410.",
        0,
        Category::Hardware,
    );
    assert!(complete.missing.is_empty(), "{:?}", complete.missing);
}

#[test]
fn attachments_count_as_symptom_and_categories_decide_what_applies() {
    let r = rules();
    let rep = r.detect("", "VPN 不行", 1, Category::Network);
    assert!(rep.has(FactKind::Symptom));
    assert!(
        !rep.missing.contains(&FactKind::Asset),
        "asset only for hardware"
    );
    let ask = r.detect("", "请问怎么申请新的显示器？", 0, Category::Request);
    assert_eq!(ask.missing, vec![FactKind::Contact]);
}

#[test]
fn questions_follow_the_language() {
    let r = rules();
    let rep = r.detect("", "网不好", 0, Category::Network);
    let zh = rep.questions("zh");
    let en = rep.questions("en");
    assert_eq!(zh.len(), rep.missing.len());
    assert!(zh
        .iter()
        .all(|q| q.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    assert!(en.iter().all(|q| q.is_ascii()));
}

#[test]
fn bad_fact_rules_are_reported_and_classifier_still_accepts_the_file() {
    let bad = "[[fact]]\nid = \"x\"\nfact = \"colour\"\nwords = ['a']\n[[fact]]\nid = \"y\"\nfact = \"impact\"\npatterns = ['(']\n";
    let err = FactRules::from_toml(bad).unwrap_err();
    assert_eq!(err.problems.len(), 2, "{err}");
    assert!(crate::ticket::classify::Rules::builtin().is_ok());
    let none = FactRules::from_toml("").unwrap();
    assert!(none.detect("", "x", 0, Category::Other).missing.is_empty());
}

/// The facts found on the shared dev corpus and the tune set, one line per mail and fact,
/// in a stable text form (subject and text both scanned, hardware so every kind applies).
fn corpus_facts(r: &FactRules) -> (String, usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let limits = crate::mail::parse::ParseLimits::default();
    let mut out = String::new();
    let mut mails = 0;
    for (label, dir) in [
        ("dev", root.join("../shared/corpus/dev")),
        ("tune", root.join("tests/eval/tune")),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        paths.sort();
        for p in paths {
            let Ok(raw) = std::fs::read(&p) else { continue };
            let Ok(m) = crate::mail::parse::parse_mail(&raw, &limits) else {
                continue;
            };
            mails += 1;
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let rep = r.detect(&m.subject, &m.new_text, 0, Category::Hardware);
            out.push_str(&format!("{label}/{name}"));
            for f in &rep.found {
                out.push_str(&format!("\t{}:{}={:?}", f.kind, f.rule, f.text));
            }
            out.push('\n');
        }
    }
    (out, mails)
}

/// Speed work on the fact rules must not change what they find: the facts found on the
/// corpus are pinned in `tests/eval/kb/facts_snapshot.txt` (written by the rules before
/// the speed-up). Regenerate deliberately with `SUPPORTBOT_FACTS_SNAPSHOT=write` after an
/// intended rule change, and review the diff.
#[test]
fn facts_found_on_the_corpus_match_the_snapshot() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/kb/facts_snapshot.txt");
    let (now, mails) = corpus_facts(&rules());
    if std::env::var("SUPPORTBOT_FACTS_SNAPSHOT").as_deref() == Ok("write") {
        std::fs::write(&path, &now).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("snapshot present");
    assert!(mails >= 70, "only {mails} corpus mails parsed");
    // The dev corpus lives beside the repository and may be absent (CI): compare the lines
    // of the sets that are present.
    let present: std::collections::BTreeSet<&str> =
        now.lines().filter_map(|l| l.split('/').next()).collect();
    let want: Vec<&str> = want
        .lines()
        .filter(|l| l.split('/').next().is_some_and(|s| present.contains(s)))
        .collect();
    let got: Vec<&str> = now.lines().collect();
    let diff: Vec<String> = want
        .iter()
        .zip(&got)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("want {a}\n got {b}"))
        .collect();
    assert!(
        diff.is_empty() && want.len() == got.len(),
        "{}",
        diff.join("\n")
    );
}

#[test]
fn unicode_word_boundaries_are_refused_ascii_ones_accepted() {
    let rule = |p: &str| format!("[[fact]]\nid = \"a\"\nfact = \"asset\"\npatterns = ['{p}']\n");
    let err = FactRules::from_toml(&rule(r"\b\d{1,2}F\b")).unwrap_err();
    assert!(err.problems[0].contains("(?-u:\\b)"), "{err}");
    assert!(FactRules::from_toml(&rule(r"\B楼")).is_err());
    for ok in [r"(?-u:\b)\d{1,2}F(?-u:\b)", r"\\b楼", r"\d+\s*层"] {
        assert!(FactRules::from_toml(&rule(ok)).is_ok(), "{ok}");
    }
    let r = rules();
    assert!(r
        .detect("", "打印机在3F", 0, Category::Hardware)
        .has(FactKind::Asset));
}

#[test]
fn consultations_are_not_asked_incident_questions_whatever_their_category() {
    use crate::ticket::model::Priority;
    let r = rules();
    for category in [Category::Account, Category::Software, Category::Hardware] {
        let rep = r
            .detect("", "请问怎么修改密码策略？", 0, category)
            .for_priority(Priority::P4);
        for k in [FactKind::StartTime, FactKind::Symptom, FactKind::Impact] {
            assert!(!rep.missing.contains(&k), "{category:?}: {:?}", rep.missing);
        }
        assert!(rep.missing.contains(&FactKind::Contact), "{category:?}");
        assert_eq!(
            rep.missing.contains(&FactKind::Asset),
            category == Category::Hardware
        );
        // An incident of the same category still gets them.
        let incident = r
            .detect("", "请问怎么修改密码策略？", 0, category)
            .for_priority(Priority::P3);
        assert!(incident.missing.contains(&FactKind::Impact), "{category:?}");
    }
}
