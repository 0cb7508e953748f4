use super::*;

const GOOD: &str = "---\ncategory: network\nkeywords: VPN, 远程, remote\nlanguage: zh\n---\n# VPN 连不上\n\n**现象**：连不上。\n\n步骤。\n";

#[test]
fn article_with_front_matter_parses() {
    let a = parse_article("vpn.zh", GOOD).unwrap();
    assert_eq!(a.title, "VPN 连不上");
    assert_eq!(a.category, Some(Category::Network));
    assert_eq!(a.keywords, vec!["VPN", "远程", "remote"]);
    assert_eq!(a.language, Language::Zh);
    assert_eq!(a.topic(), "vpn");
    assert_eq!(a.excerpt(100), "现象：连不上。");
}

#[test]
fn article_without_front_matter_guesses_the_language() {
    let a = parse_article("x", "# Printer jam\nOpen the door.\n").unwrap();
    assert_eq!(a.language, Language::En);
    assert_eq!(a.category, None);
    assert_eq!(a.body, "Open the door.");
}

#[test]
fn bad_front_matter_is_reported() {
    let cases = [
        ("---\ncategory: plumbing\n---\n# T\n", "unknown category"),
        ("---\ncolour: red\n---\n# T\n", "unknown front matter key"),
        ("---\nlanguage: fr\n---\n# T\n", "must be zh or en"),
        ("---\ncategory: network\n# T\n", "not closed"),
        ("---\njust text\n---\n# T\n", "key: value"),
        ("Some text\n# T\n", "first line"),
        ("---\ncategory: network\n---\n\n", "no `# ` title"),
    ];
    for (text, want) in cases {
        let e = parse_article("a", text).unwrap_err();
        assert!(e.reason.contains(want), "{text:?}: {e}");
    }
}

#[test]
fn duplicate_titles_are_found() {
    let a = parse_article("a.en", "# Reset password\nx").unwrap();
    let b = parse_article("b.en", "# reset PASSWORD\ny").unwrap();
    let c = parse_article("c.en", "# Other\nz").unwrap();
    let p = check_articles(&[a, b, c]);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].file, "b.en.md");
}

#[test]
fn starter_articles_are_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/kb");
    let loaded = files::load_dir(&dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!((16..=24).contains(&loaded.articles.len()));
    for a in &loaded.articles {
        assert!(a.category.is_some(), "{}", a.id);
        assert!(!a.keywords.is_empty(), "{}", a.id);
    }
}
