use super::*;
use crate::ticket::model::Priority;

const MINIMAL: &str = r#"
[mailbox]
host = "127.0.0.1"
username = "support@example.test"
password = "hunter2"
address = "support@example.test"
[smtp]
host = "127.0.0.1"
"#;

#[test]
fn minimal_config_gets_defaults() {
    let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/etc/sb")).unwrap();
    assert_eq!(cfg.mailbox.folder, "INBOX");
    assert_eq!(cfg.mailbox.port(), 143);
    assert_eq!(cfg.sla.p1.respond.secs(), 900);
    assert_eq!(cfg.database_url(), "sqlite:///etc/sb/var/supportbot.db");
    assert_eq!(cfg.support_domain(), "example.test");
    assert_eq!(
        cfg.from_header()
            .parse::<lettre::message::Mailbox>()
            .unwrap()
            .name
            .as_deref(),
        Some("IT Service Desk")
    );
}

#[test]
fn extra_mailboxes_each_get_their_own_config_and_from_address() {
    let text = MINIMAL.replace("[smtp]\nhost = \"127.0.0.1\"\n", "[smtp]\nhost = \"127.0.0.1\"\nfrom = \"Desk <support@example.test>\"\n")
        + "[[mailboxes]]\nhost = \"imap2\"\nusername = \"net\"\naddress = \"network@example.test\"\n\
           default_category = \"network\"\n";
    let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
    let all = cfg.mailbox_configs();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].from_header(), "Desk <support@example.test>");
    assert_eq!(all[1].mailbox.address, "network@example.test");
    assert!(all[1].from_header().contains("<network@example.test>"));
    assert!(all.iter().all(|c| c.mailboxes.is_empty()));
    assert_eq!(
        cfg.own_addresses(),
        vec!["support@example.test", "network@example.test"]
    );
}

#[test]
fn extra_mailbox_problems_are_named_by_index() {
    let text = MINIMAL.to_string()
        + "[[mailboxes]]\nhost = \"127.0.0.1\"\nusername = \"support@example.test\"\n\
           address = \"nope\"\ndefault_category = \"plumbing\"\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("mailboxes[0].address"), "{err}");
    assert!(err.contains("mailboxes[0].default_category"), "{err}");
    assert!(err.contains("a second time"), "{err}");
}

#[test]
fn debug_redacts_passwords() {
    let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
    let dbg = format!("{cfg:?}");
    assert!(!dbg.contains("hunter2"), "{dbg}");
    assert!(dbg.contains("***"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = MINIMAL.replace("support@example.test\"\n[smtp]", "nope\"\n[smtp]")
        + "[general]\ntimezone = \"Mars/Base\"\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("mailbox.address"), "{msg}");
    assert!(msg.contains("Mars/Base"), "{msg}");
}

#[test]
fn unknown_keys_are_rejected() {
    let text = MINIMAL.to_string() + "[database]\nulr = \"x\"\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    assert!(err.to_string().contains("ulr"), "{err}");
}

#[test]
fn workflow_defaults_and_engineers_parse() {
    let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
    assert_eq!(cfg.workflow.auto_close_after.secs(), 3 * 86_400);
    assert_eq!(cfg.workflow.reopen_window.secs(), 14 * 86_400);
    assert_eq!(cfg.workflow.token_max_age.secs(), 30 * 86_400);
    assert!(cfg.workflow.trusted_authserv_ids.is_empty());
    let text = MINIMAL.to_string()
        + "[workflow]\nsecret = \"0123456789abcdef-secret\"\n\
           [[engineers]]\nname = \"Bob\"\nemail = \"bob@example.test\"\ncategories = [\"network\"]\n";
    let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
    assert_eq!(cfg.engineers.len(), 1);
    assert!(!format!("{cfg:?}").contains("0123456789abcdef"));
}

#[test]
fn example_config_documents_valid_workflow_keys() {
    let example = include_str!("../../config/supportbot.example.toml");
    let parsed: Result<Config, _> = toml::from_str(example);
    assert!(parsed.is_ok(), "{parsed:?}");
    // The commented engineer examples must parse too once uncommented.
    let keys = [
        "[[engineers]]",
        "name =",
        "email =",
        "categories =",
        "supervisor =",
        "languages =",
        "secret =",
    ];
    let uncommented: String = example
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if keys.iter().any(|k| rest.starts_with(k)) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let cfg: Config = toml::from_str(&uncommented).unwrap();
    assert_eq!(cfg.engineers.len(), 2);
    assert!(cfg.engineers.iter().any(|e| e.supervisor));
    assert!(!cfg.workflow.secret.is_empty());
}

#[test]
fn engineers_need_a_secret_and_known_categories() {
    let text = MINIMAL.to_string()
        + "[[engineers]]\nname = \"Bob\"\nemail = \"bob@example.test\"\ncategories = [\"netwrk\"]\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("workflow.secret"), "{msg}");
    assert!(msg.contains("netwrk"), "{msg}");
}

#[test]
fn timer_settings_default_to_the_service_standard() {
    let cfg = Config::from_toml(MINIMAL, Path::new("x.toml"), Path::new("/")).unwrap();
    assert_eq!(cfg.sla.warn_ratio, 0.75);
    assert_eq!(cfg.sla.escalation_repeat.secs(), 3600);
    assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P1), Some(3600));
    assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P2), Some(7200));
    assert_eq!(cfg.sla.keep_in_loop.secs(Priority::P3), None);
    assert!(cfg.calendar().is_always());
    assert!(!cfg.digest.enabled);
    assert!(cfg.supervisors().is_empty());
    assert_eq!(
        crate::ticket::sla::SlaPolicy::from_config(&cfg.sla),
        crate::ticket::sla::SlaPolicy::default()
    );
}

#[test]
fn timer_settings_are_read() {
    let text = MINIMAL.to_string()
        + r#"
[sla]
warn_ratio = 0.5
escalation_repeat = "30m"
escalate_to = ["Boss@example.test"]
language = "en"
[sla.keep_in_loop]
P1 = "0s"
P3 = "4h"
[sla.P1]
respond = "10m"
resolve = "1h"
[calendar]
timezone = "Asia/Shanghai"
days = ["mon", "tue", "wed", "thu", "fri"]
hours = ["09:00-18:00"]
holidays = ["2026-10-01"]
[digest]
enabled = true
weekday = "fri"
time = "17:30"
[workflow]
secret = "0123456789abcdef-secret"
[[engineers]]
name = "Wang"
email = "wang@example.test"
supervisor = true
[[engineers]]
name = "Li"
email = "li@example.test"
"#;
    let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
    let policy = crate::ticket::sla::SlaPolicy::from_config(&cfg.sla);
    assert_eq!(policy.warn_ratio, 0.5);
    assert_eq!(policy.escalation_repeat, 1800);
    assert_eq!(
        policy.keep_in_loop,
        [None, Some(7200), Some(4 * 3600), None]
    );
    assert_eq!(policy.target(Priority::P1).respond, 600);
    assert_eq!(
        cfg.sla.p2.respond.secs(),
        1800,
        "untouched priorities keep defaults"
    );
    assert!(!cfg.calendar().is_always());
    assert_eq!(cfg.calendar().timezone(), chrono_tz::Asia::Shanghai);
    assert_eq!(cfg.digest.weekday(), Some(chrono::Weekday::Fri));
    assert_eq!(cfg.supervisors(), vec!["wang@example.test".to_string()]);
    assert_eq!(cfg.digest_recipients(), cfg.supervisors());
    assert_eq!(cfg.engineer_name("LI@example.test"), Some("Li"));
}

#[test]
fn escalate_to_is_the_fallback_for_supervisors() {
    let text = MINIMAL.to_string()
        + "[sla]\nescalate_to = [\"Desk-Lead@example.test\", \"desk-lead@example.test\"]\n";
    let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap();
    assert_eq!(
        cfg.supervisors(),
        vec!["desk-lead@example.test".to_string()]
    );
}

#[test]
fn every_timer_problem_is_reported_at_once() {
    let text = MINIMAL.to_string()
        + r#"
[sla]
warn_ratio = 1.5
language = "fr"
escalate_to = ["nobody"]
[calendar]
timezone = "Mars/Base"
hours = ["18:00-09:00"]
[digest]
enabled = true
weekday = "someday"
time = "25:61"
[[engineers]]
name = "Nobody"
email = "not-an-address"
"#;
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    let msg = err.to_string();
    for needle in [
        "sla.warn_ratio",
        "sla.language",
        "sla.escalate_to",
        "calendar.timezone",
        "calendar.hours",
        "digest.weekday",
        "digest.time",
        "engineers[0].email",
    ] {
        assert!(msg.contains(needle), "{needle} missing in {msg}");
    }
}

#[test]
fn example_config_parses_with_every_documented_key() {
    let text = include_str!("../../config/supportbot.example.toml");
    // Only the environment-dependent check may fail here.
    let cfg: Config = toml::from_str(text).unwrap();
    let problems: Vec<String> = cfg
        .validate()
        .into_iter()
        .filter(|p| !p.contains("password_env"))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(cfg.sla.warn_ratio, 0.75);
}

#[test]
fn digest_without_recipients_is_rejected() {
    let text = MINIMAL.to_string() + "[digest]\nenabled = true\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    assert!(err.to_string().contains("nobody receives it"), "{err}");
}

#[test]
fn bad_duration_is_explained() {
    let text = MINIMAL.replace("[smtp]", "poll_interval = \"soon\"\n[smtp]");
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("/")).unwrap_err();
    assert!(err.to_string().contains("soon"), "{err}");
}

#[test]
fn example_config_documents_valid_organisations() {
    let example = include_str!("../../config/supportbot.example.toml");
    let start = example.find("# [[organisations]]").unwrap();
    let block: String = example
        .get(start..)
        .unwrap()
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        // This test desk has no [[mailboxes]] entry for the example's mailbox.
        .filter(|l| !l.starts_with("mailbox ="))
        .collect::<Vec<_>>()
        .join("\n");
    let text = MINIMAL.to_string()
        + "[workflow]\nsecret = \"0123456789abcdef0123\"\n\
           [[engineers]]\nname = \"Wang Wei\"\nemail = \"wang@example.com\"\n"
        + &block;
    let cfg = Config::from_toml(&text, Path::new("x.toml"), Path::new(".")).unwrap_or_else(|e| {
        panic!("{e}");
    });
    let orgs = cfg.organisations();
    let acme = orgs.first().unwrap();
    assert_eq!(acme.name, "acme");
    assert_eq!(acme.sla.map(|s| s.respond[0]), Some(600));
    assert!(acme.calendar.is_some());
}

#[test]
fn organisation_problems_are_reported_all_at_once() {
    let text = MINIMAL.to_string()
        + "[[organisations]]\nname = \"a\"\ndomains = [\"acme.com\"]\nengineers = [\"Nobody\"]\n\
           [organisations.sla.P1]\nrespond = \"3h\"\nresolve = \"1h\"\n\
           [[organisations]]\nname = \"b\"\ndomains = [\"acme.com\"]\nmailbox = \"nope@x.test\"\n";
    let err = Config::from_toml(&text, Path::new("x.toml"), Path::new("."))
        .unwrap_err()
        .to_string();
    for want in [
        "overlaps organisation a",
        "unknown engineer \"Nobody\"",
        "sla.P1: respond is longer than resolve",
        "mailbox \"nope@x.test\"",
    ] {
        assert!(err.contains(want), "{want} not in {err}");
    }
}
