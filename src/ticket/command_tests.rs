use super::*;
use AssigneeRef::*;
use Command::*;

fn name(s: &str) -> Command {
    Assign(Name(s.to_string()))
}

#[test]
fn commands_are_parsed_from_the_top_of_the_reply() {
    let cases: &[(&str, &[Command], &str)] = &[
        ("#assign me", &[Assign(Me)], ""),
        (
            "#assign bob\n#priority P1\nOn it.",
            &[name("bob"), Priority(super::Priority::P1)],
            "On it.",
        ),
        (
            "#ASSIGN Bob@Example.com",
            &[Assign(Email("Bob@Example.com".into()))],
            "",
        ),
        (
            "#assign <bob@example.com>",
            &[Assign(Email("bob@example.com".into()))],
            "",
        ),
        ("#assign @bob", &[name("bob")], ""),
        ("#assign to me", &[Assign(Me)], ""),
        ("#assign To Bob Smith", &[name("Bob Smith")], ""),
        ("#指派给 张三", &[name("张三")], ""),
        ("#close.", &[Close], ""),
        ("#关闭。", &[Close], ""),
        ("#priority P1.", &[Priority(super::Priority::P1)], ""),
        ("#priority 2", &[Priority(super::Priority::P2)], ""),
        ("#priority p3", &[Priority(super::Priority::P3)], ""),
        ("#priority: P4", &[Priority(super::Priority::P4)], ""),
        ("#Priority:P1", &[Priority(super::Priority::P1)], ""),
        (
            "#category network",
            &[Category(super::Category::Network)],
            "",
        ),
        (
            "#category Hardware",
            &[Category(super::Category::Hardware)],
            "",
        ),
        ("#status waiting", &[Status(super::Status::Waiting)], ""),
        ("#status closed", &[Status(super::Status::Closed)], ""),
        (
            "#note vendor ticket 123",
            &[Note("vendor ticket 123".into())],
            "",
        ),
        (
            "#reopen\n#close\n#help\n#list",
            &[Reopen, Close, Help, List],
            "",
        ),
        ("#show 42", &[Show(42)], ""),
        ("#show #42", &[Show(42)], ""),
        (
            "#cc alice@example.com",
            &[Cc("alice@example.com".into())],
            "",
        ),
        (
            "#cc alice@example.com, <carol@example.org>; dave@x.cn",
            &[
                Cc("alice@example.com".into()),
                Cc("carol@example.org".into()),
                Cc("dave@x.cn".into()),
            ],
            "",
        ),
        (
            "No commands here.\nThanks",
            &[],
            "No commands here.\nThanks",
        ),
        ("", &[], ""),
    ];
    for (text, want, public) in cases {
        let block = parse_commands(text);
        assert_eq!(block.commands, *want, "{text:?}: {:?}", block.errors);
        assert!(block.errors.is_empty(), "{text:?}: {:?}", block.errors);
        assert_eq!(block.public_text, *public, "{text:?}");
    }
}

#[test]
fn resolve_takes_following_lines_until_a_blank_line() {
    let cases: &[(&str, &str, &str)] = &[
        ("#resolve Replaced the cable.", "Replaced the cable.", ""),
        (
            "#resolve Replaced the cable\nand updated the driver.\n\nPlease confirm.",
            "Replaced the cable\nand updated the driver.",
            "Please confirm.",
        ),
        (
            "#resolve Reset your password.\n#priority P4\nThanks",
            "Reset your password.",
            "Thanks",
        ),
        // HTML rendering: the command alone, then the solution as its own paragraph.
        (
            "#resolve\n\nRestarted the print spooler.\n\nLet us know.",
            "Restarted the print spooler.",
            "Let us know.",
        ),
        (
            "#解决：已更换网线。\n\n请确认。",
            "已更换网线。",
            "请确认。",
        ),
    ];
    for (text, solution, public) in cases {
        let block = parse_commands(text);
        assert!(
            block.commands.contains(&Resolve(solution.to_string())),
            "{text:?}: {:?}",
            block.commands
        );
        assert_eq!(block.public_text, *public, "{text:?}");
    }
}

#[test]
fn note_continuation_never_leaks_into_public_text() {
    let block = parse_commands(
        "#note the vendor says the firmware\nis broken, do not tell the user yet\n\nWe are working on it.",
    );
    assert_eq!(
        block.commands,
        vec![Note(
            "the vendor says the firmware\nis broken, do not tell the user yet".into()
        )]
    );
    assert_eq!(block.public_text, "We are working on it.");
}

#[test]
fn html_converted_replies_are_understood() {
    let cases: &[(&str, &str, &[Command], &str)] = &[
        (
            "outlook: NBSP paragraphs and an underscore rule",
            "#assign me\u{a0}\n\n\u{a0}\n\n#priority P2\n\nHi, we are on it.\n\n\
             ________________________________\nFrom: Support\nSent: Monday\n#close",
            &[Assign(Me), Priority(super::Priority::P2)],
            "Hi, we are on it.",
        ),
        (
            "gmail: quoted history with a command in it",
            "#status waiting\n\nWaiting for the vendor.\n\nOn Tue, 3 Mar 2026 at 10:00, \
             Helpdesk <support@example.com> wrote:\n> #close\n> old text",
            &[Status(super::Status::Waiting)],
            "Waiting for the vendor.",
        ),
        (
            "thunderbird: signature with a hash line",
            "#category software\n\nInstalled.\n\n-- \nBob\n#close",
            &[Category(super::Category::Software)],
            "Installed.",
        ),
        (
            "foxmail: full-width marks and QQ quote rule",
            "＃指派：张三\n\n＃优先级：Ｐ１\n\n好的，马上处理。\n\n\
             ------------------ 原始邮件 ------------------\n发件人: \"IT\"\n＃关闭",
            &[name("张三"), Priority(super::Priority::P1)],
            "好的，马上处理。",
        ),
        (
            "zero-width and BOM before the marks",
            "\u{feff}#help\n\u{200b}#list\n  \u{3000}#close",
            &[Help, List, Close],
            "",
        ),
        (
            "chinese gmail quote header",
            "#reopen\n\n在 2026年3月3日周二 10:00，Helpdesk <s@x.com> 写道：\n> #close",
            &[Reopen],
            "",
        ),
        (
            "outlook chinese header block",
            "#close\n\n发件人: Helpdesk\n发送时间: 2026年3月3日\n#reopen",
            &[Close],
            "",
        ),
    ];
    for (what, text, want, public) in cases {
        let block = parse_commands(text);
        assert_eq!(block.commands, *want, "{what}: {:?}", block.errors);
        assert!(block.errors.is_empty(), "{what}: {:?}", block.errors);
        assert_eq!(block.public_text, *public, "{what}");
    }
}

#[test]
fn hash_lines_after_free_text_are_not_commands() {
    let block = parse_commands("Hi Bob,\n#close\n#priority P1");
    assert!(block.commands.is_empty());
    assert!(block.errors.is_empty());
    assert_eq!(block.public_text, "Hi Bob,\n#close\n#priority P1");

    let block = parse_commands("#assign me\nLooking now.\n#close");
    assert_eq!(block.commands, vec![Assign(Me)]);
    assert_eq!(block.public_text, "Looking now.\n#close");

    // "#42" or "# heading" do not start a command.
    let block = parse_commands("#42 is down again");
    assert!(block.commands.is_empty() && block.errors.is_empty());
    assert_eq!(block.public_text, "#42 is down again");
}

#[test]
fn chinese_aliases_work() {
    let cases: &[(&str, Command)] = &[
        ("#指派 我", Assign(Me)),
        ("#分配 李四", name("李四")),
        ("#指派张三", name("张三")),
        ("#优先级 1", Priority(super::Priority::P1)),
        ("#优先级P3", Priority(super::Priority::P3)),
        ("#分类 网络", Category(super::Category::Network)),
        ("#分类：账号", Category(super::Category::Account)),
        ("#类别 账户", Category(super::Category::Account)),
        ("#分类 咨询", Category(super::Category::Request)),
        ("#分类 其他", Category(super::Category::Other)),
        ("#分类 硬件", Category(super::Category::Hardware)),
        ("#分类 软件", Category(super::Category::Software)),
        ("#状态 处理中", Status(super::Status::Open)),
        ("#状态 等待", Status(super::Status::Waiting)),
        ("#状态 已解决", Status(super::Status::Resolved)),
        ("#状态 已关闭", Status(super::Status::Closed)),
        ("#备注 已联系厂商", Note("已联系厂商".into())),
        ("#重开", Reopen),
        ("#重新打开", Reopen),
        ("#关闭", Close),
        ("#抄送 wang@example.cn", Cc("wang@example.cn".into())),
        ("#帮助", Help),
        ("#内部", Internal),
        ("#列表", List),
        ("#查看 ４２", Show(42)),
        ("＃ＣＬＯＳＥ", Close),
        ("＃priority：２", Priority(super::Priority::P2)),
        ("＃指派　张三", name("张三")),
        ("#priority\u{a0}P1", Priority(super::Priority::P1)),
        ("#assign\u{a0}\u{200b}me", Assign(Me)),
    ];
    for (text, want) in cases {
        let block = parse_commands(text);
        assert_eq!(
            block.commands,
            vec![want.clone()],
            "{text:?}: {:?}",
            block.errors
        );
    }
}

#[test]
fn internal_marks_the_public_text_internal() {
    let block = parse_commands("#internal\n\nChecked the logs, nothing yet.");
    assert!(block.internal);
    assert_eq!(block.commands, vec![Internal]);
    assert_eq!(block.public_text, "Checked the logs, nothing yet.");
    assert!(!parse_commands("#close\nbye").internal);
}

#[test]
fn errors_explain_and_suggest() {
    // (input, reason contains, suggestion)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "#priorty P1",
            "unknown command `#priorty`",
            Some("#priority P1"),
        ),
        ("#asign bob", "unknown command", Some("#assign bob")),
        ("#stauts open", "unknown command", Some("#status open")),
        ("#clsoe", "unknown command", Some("#close")),
        (
            "#Resolv fixed it",
            "unknown command",
            Some("#resolve fixed it"),
        ),
        ("#优先 P1", "unknown command", Some("#优先级 P1")),
        ("#frobnicate", "unknown command", None),
        ("#priority P7", "priority must be P1–P4", None),
        ("#priority", "needs an argument", Some("#priority P2")),
        ("#priority high", "priority must be P1–P4", None),
        (
            "#priority P1 server down",
            "takes a single value",
            Some("#priority p1"),
        ),
        (
            "#状态 等待 厂商",
            "takes a single value",
            Some("#status 等待"),
        ),
        (
            "#category netwrok",
            "category must be one of",
            Some("#category network"),
        ),
        ("#category printers", "category must be one of", None),
        ("#status new", "status must be one of", None),
        (
            "#status wating",
            "status must be one of",
            Some("#status waiting"),
        ),
        ("#assign", "needs an argument", Some("#assign me")),
        (
            "#assign a@b@c",
            "exactly one @",
            Some("#assign bob@example.com"),
        ),
        ("#cc", "needs an argument", Some("#cc alice@example.com")),
        (
            "#cc not-an-address",
            "exactly one @",
            Some("#cc alice@example.com"),
        ),
        (
            "#cc a@",
            "missing around the @",
            Some("#cc alice@example.com"),
        ),
        (
            "#cc \"x\"@example.com",
            "not allowed",
            Some("#cc alice@example.com"),
        ),
        (
            "#cc a@example..com",
            "domain is malformed",
            Some("#cc alice@example.com"),
        ),
        ("#show abc", "positive whole number", Some("#show 42")),
        ("#show 0", "positive whole number", Some("#show 42")),
        ("#close now please", "takes no argument", Some("#close")),
        (
            "#note",
            "needs an argument",
            Some("#note <text for engineers only>"),
        ),
        (
            "#resolve",
            "needs an argument",
            Some("#resolve <what fixed it>"),
        ),
        (
            "#resolve\n\n#close",
            "needs an argument",
            Some("#resolve <what fixed it>"),
        ),
    ];
    for (text, reason, suggestion) in cases {
        let block = parse_commands(text);
        let err = block
            .errors
            .first()
            .unwrap_or_else(|| panic!("{text:?}: no error, got {:?}", block.commands));
        assert!(err.reason.contains(reason), "{text:?}: {}", err.reason);
        assert_eq!(err.suggestion.as_deref(), *suggestion, "{text:?}");
    }
}

#[test]
fn a_mistyped_note_keeps_its_wrapped_lines_out_of_public_text() {
    let block = parse_commands("#nots the vendor firmware\nis broken, keep quiet\n\nWe are on it.");
    assert!(block.commands.is_empty());
    assert_eq!(
        block.errors[0].suggestion.as_deref(),
        Some("#note the vendor firmware")
    );
    assert_eq!(block.public_text, "We are on it.");
}

#[test]
fn an_error_does_not_stop_the_other_commands() {
    let block = parse_commands("#priorty P1\n#assign me\n\nOn it");
    assert_eq!(block.commands, vec![Assign(Me)]);
    assert_eq!(block.errors.len(), 1);
    assert_eq!(block.errors[0].line, "#priorty P1");
    assert_eq!(block.public_text, "On it");
    assert_eq!(
        block.errors[0].to_string(),
        "`#priorty P1`: unknown command `#priorty` (send `#help` for the list); \
         did you mean `#priority P1`?"
    );
}

#[test]
fn arguments_never_carry_control_characters() {
    let block =
        parse_commands("#note a\rb\u{7}c\u{200b}d\u{2028}e\n#assign bo\u{0}b\r\n#cc x@y.com\r");
    assert_eq!(
        block.commands,
        vec![Note("abcd e".into()), name("bob"), Cc("x@y.com".into())]
    );
    let block = parse_commands("#cc a@b.com\u{0}Bcc:evil@x.com");
    for c in &block.commands {
        if let Cc(a) = c {
            assert!(!a.chars().any(char::is_control), "{a:?}");
        }
    }
    for e in &block.errors {
        assert!(!e.line.chars().any(char::is_control));
    }
}

#[test]
fn help_text_lists_every_command_in_both_languages() {
    let en = help_text("en");
    for n in [
        "#assign",
        "#priority",
        "#category",
        "#status",
        "#resolve",
        "#note",
        "#internal",
        "#cc",
        "#reopen",
        "#close",
        "#list",
        "#show",
        "#help",
    ] {
        assert!(en.contains(n), "en lacks {n}");
    }
    let zh = help_text("zh");
    for n in [
        "#指派",
        "#优先级",
        "#分类",
        "#状态",
        "#解决",
        "#备注",
        "#内部",
        "#抄送",
        "#重开",
        "#关闭",
        "#列表",
        "#查看",
        "#帮助",
    ] {
        assert!(zh.contains(n), "zh lacks {n}");
    }
    assert_eq!(help_text("zh-CN"), zh);
    assert_eq!(help_text("fr"), en);
    // Every alias in the help actually parses.
    for alias in [
        "#指派 我",
        "#优先级 P1",
        "#分类 网络",
        "#状态 等待",
        "#解决 x",
        "#备注 x",
        "#内部",
        "#抄送 a@b.c",
        "#重开",
        "#关闭",
        "#列表",
        "#查看 1",
        "#帮助",
    ] {
        let block = parse_commands(alias);
        assert!(
            block.errors.is_empty() && block.commands.len() == 1,
            "{alias}"
        );
    }
}

#[test]
fn edit_distance_counts_transpositions_once() {
    let d = |a: &str, b: &str| {
        edit_distance(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    };
    assert_eq!(d("", ""), 0);
    assert_eq!(d("status", "status"), 0);
    assert_eq!(d("stauts", "status"), 1);
    assert_eq!(d("priorty", "priority"), 1);
    assert_eq!(d("", "abc"), 3);
    assert_eq!(d("优先", "优先级"), 1);
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "#",
        "＃",
        "#\u{0}",
        "#:",
        "#：",
        "#指",
        "#优先级",
        "#优先级：",
        "##",
        "#a:b:c",
        "#cc @",
        "#cc <>",
        "#cc mailto:",
        "#show 99999999999999999999999",
        "#assign \u{200b}",
        "\u{feff}",
        "#resolve\n\n\n",
        "#note\n",
        "#é",
        "#\u{0301}x",
    ];
    for input in inputs {
        let _ = parse_commands(input);
    }
    let long = format!("#note {}", "长".repeat(50_000));
    assert_eq!(parse_commands(&long).commands.len(), 1);
}

/// Deterministic pseudo-random replies built from the characters that cause trouble.
fn noisy_replies() -> Vec<String> {
    const PIECES: &[&str] = &[
        "#",
        "＃",
        "#assign ",
        "#优先级",
        "#resolve",
        "#note ",
        "#cc ",
        "P",
        "１",
        "：",
        ":",
        "@",
        "\n",
        "\r\n",
        "\r",
        "\u{a0}",
        "\u{200b}",
        "\u{feff}",
        "\u{0}",
        "\u{7}",
        "\u{2028}",
        "> ",
        "-- \n",
        "On x wrote:\n",
        "写道：\n",
        "张三",
        "é",
        "\u{301}",
        " ",
        "\t",
        "me",
        "bob@x.cn",
        "<",
        ">",
        ".",
        "。",
        "5",
        "★",
        "⭐\u{fe0f}",
        "not ",
        "yes",
        "没有",
        "关闭",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..1000)
        .map(|_| {
            let len = next() % 24;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

#[test]
fn noisy_input_never_panics_and_never_yields_control_characters() {
    for text in noisy_replies() {
        let block = parse_commands(&text);
        for c in &block.commands {
            let (s, multiline) = match c {
                Assign(Name(s)) | Assign(Email(s)) | Cc(s) => (s.as_str(), false),
                Note(s) | Resolve(s) => (s.as_str(), true),
                _ => continue,
            };
            assert!(!s.is_empty(), "{text:?} -> {c:?}");
            assert!(
                s.chars()
                    .all(|ch| !ch.is_control() || (multiline && ch == '\n')),
                "{text:?} -> {c:?}"
            );
        }
        for e in &block.errors {
            assert!(!e.line.chars().any(char::is_control), "{text:?}");
        }
        let _ = crate::ticket::reply::classify_confirmation(&text);
        let _ = crate::ticket::reply::parse_rating(&text);
        let _ = crate::ticket::reply::is_withdrawal(&text);
        let _ = crate::ticket::token::parse_address_token(&text);
        let _ = crate::ticket::token::parse_message_id_token(&text);
    }
}
