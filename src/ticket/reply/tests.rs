use super::confirmation::CONFIRMATION_PHRASES;
use super::rating::{RATING_LABELS, RATING_UNITS, RATING_WORDS};
use super::withdrawal::WITHDRAWAL_PHRASES;
use super::*;

#[test]
fn fresh_lines_stop_at_quotes_and_signatures() {
    let cases: &[(&str, &[&str])] = &[
        ("yes\n> is it fixed?", &["yes"]),
        (
            "yes\n\nOn Mon, 1 Jan 2026 at 10:00, Support <s@x.com> wrote:\n> q",
            &["yes", ""],
        ),
        (
            "yes\nOn Mon, 1 Jan 2026 at 10:00, Support <\ns@x.com> wrote:\nold",
            &["yes"],
        ),
        (
            "好了\n在 2026年1月1日 周一 10:00，IT <it@x.com> 写道：\n旧",
            &["好了"],
        ),
        ("好了\n-----原始邮件-----\n发件人: IT", &["好了"]),
        (
            "好了\n------------------ 原始邮件 ------------------",
            &["好了"],
        ),
        ("ok\n-----Original Message-----\nFrom: IT", &["ok"]),
        ("ok\n________________________________\nFrom: IT", &["ok"]),
        ("ok\nFrom: IT Support\nSent: Monday\nTo: me", &["ok"]),
        ("ok\nFrom: IT Support Sent: Monday To: me", &["ok"]),
        ("ok\n发件人：IT\n发送时间：2026", &["ok"]),
        ("ok\n-- \nBob\nIT", &["ok"]),
        ("ok\n\nSent from my iPhone", &["ok", ""]),
        ("ok\n发自我的iPhone", &["ok"]),
        (
            "From: the basement, still broken",
            &["From: the basement, still broken"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(fresh_lines(text), *want, "{text:?}");
    }
}

#[test]
fn confirmation_table() {
    use Confirmation::*;
    let cases: &[(&str, Confirmation)] = &[
        // English affirmatives
        ("yes", Affirmative),
        ("Yes!", Affirmative),
        ("yep", Affirmative),
        ("Fixed, thanks", Affirmative),
        ("It works now, thank you!", Affirmative),
        ("works now", Affirmative),
        ("Thanks it works", Affirmative),
        ("Solved.", Affirmative),
        ("All good now, cheers", Affirmative),
        (
            "Hi Alice,\n\nyes, everything is back to normal.\n\nBob",
            Affirmative,
        ),
        ("YES", Affirmative),
        ("No problems since the update.", Affirmative),
        ("It seems fine", Affirmative),
        ("Everything runs smoothly again", Affirmative),
        ("It works again", Affirmative),
        ("The error came back", Negative),
        ("It happened again this morning", Negative),
        ("系统运行正常", Affirmative),
        ("显示不正常", Negative),
        ("It's better but still slow", Negative),
        ("It's better", Unclear),
        // Chinese affirmatives
        ("是", Affirmative),
        ("是的", Affirmative),
        ("是，已经好了", Affirmative),
        ("好了", Affirmative),
        ("已解决", Affirmative),
        ("解决了，谢谢！", Affirmative),
        ("可以了", Affirmative),
        ("没问题了", Affirmative),
        ("谢谢 已经好了", Affirmative),
        ("您好，\n已经恢复正常了，辛苦了", Affirmative),
        ("没有再出现这个问题", Affirmative),
        ("ｙｅｓ", Affirmative),
        // English negatives, including negated affirmatives
        ("no", Negative),
        ("No.", Negative),
        ("not fixed", Negative),
        ("Not solved", Negative),
        ("still broken", Negative),
        ("It doesn't work", Negative),
        ("It doesn’t work", Negative),
        ("It is not working", Negative),
        ("Nope, same problem", Negative),
        // Fixed, and another matter: nothing closes, a human reads it.
        ("Yes it works but now Outlook crashes", NewProblem),
        ("It worked for a day, then failed again", Negative),
        ("Broke again after the reboot", Negative),
        ("Not yet", Negative),
        // Chinese negatives
        ("没有", Negative),
        ("不行", Negative),
        ("还是不行", Negative),
        ("未解决", Negative),
        ("没解决", Negative),
        ("没有解决", Negative),
        ("不是", Negative),
        ("问题仍然存在", Negative),
        ("依旧打不开", Negative),
        ("好像好了，但是打印还是很慢", Negative),
        ("又出现了", Negative),
        // A new problem, no yes → negative
        ("The printer now prints blank pages", Negative),
        ("打印机现在打印出来全是空白页", Negative),
        // Unclear
        ("", Unclear),
        ("Thanks!", Unclear),
        ("谢谢", Unclear),
        ("ok", Unclear),
        ("好的", Unclear),
        ("收到", Unclear),
        ("Thank you very much for your help", Unclear),
        ("Not sure yet, will check tomorrow", Unclear),
        ("不确定，我再看看", Unclear),
        ("Hi Alice,\nthanks a lot!\nBob Smith", Unclear),
        // Quoted history never counts
        ("> yes it works\n", Unclear),
        (
            "谢谢\n\n在 2026年1月1日 IT <it@x.com> 写道：\n> 问题已解决吗？回复 是",
            Unclear,
        ),
        // 可是/就是 are not "是"
        ("就是这个打印机又卡纸了", Negative),
        // 是否 asks (like 是不是): no yes, and no "still broken" either.
        ("是否需要重启电脑？", Unclear),
        ("对不起回复晚了，已经好了", Affirmative),
        ("对了，我还想问一下打印机怎么加纸", Negative),
        ("还不错，能用了", Affirmative),
    ];
    for (text, want) in cases {
        let got = explain_confirmation(text);
        assert_eq!(got.confirmation, *want, "{text:?}: {}", got.reason);
    }
}

#[test]
fn confirmation_reason_names_the_phrase() {
    let got = explain_confirmation("It is not solved");
    assert_eq!(got.confirmation, Confirmation::Negative);
    assert!(got.reason.contains("\"is not\""), "{}", got.reason);
    let got = explain_confirmation("已解决");
    assert!(got.reason.contains("已解决"), "{}", got.reason);
}

#[test]
fn only_the_first_lines_are_read() {
    let cases: &[(&str, Confirmation)] = &[
        (
            "yes\n\nthanks\n\nBob\n\nThis email is confidential and may not be forwarded",
            Confirmation::Affirmative,
        ),
        (
            "Works now.\nJohn Smith\nHead of Not-for-profit partnerships",
            Confirmation::Affirmative,
        ),
        (
            "Hi Alice,\nThanks!\nUnfortunately the scanner is still offline",
            Confirmation::Negative,
        ),
        (
            "Yes.\nIt works.\nAll good.\nStill broken",
            Confirmation::Affirmative,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(classify_confirmation(text), *want, "{text:?}");
    }
}

fn rating(score: u8, comment: Option<&str>) -> Option<Rating> {
    Some(Rating {
        score,
        comment: comment.map(str::to_string),
    })
}

#[test]
fn rating_table() {
    let cases: &[(&str, Option<Rating>)] = &[
        ("5", rating(5, None)),
        ("4分", rating(4, None)),
        ("5/5", rating(5, None)),
        ("5 / 5 great job", rating(5, Some("great job"))),
        ("５", rating(5, None)),
        ("４分，很快", rating(4, Some("很快"))),
        ("3 stars", rating(3, None)),
        ("3 out of 5", rating(3, None)),
        ("评分：5", rating(5, None)),
        ("给5分", rating(5, None)),
        ("I give it a 4", rating(4, None)),
        (
            "Rating: 2 - took too long",
            rating(2, Some("took too long")),
        ),
        ("5, thanks Bob!", rating(5, Some("thanks Bob!"))),
        ("★★★★☆", rating(4, None)),
        ("★★★★★ 很专业", rating(5, Some("很专业"))),
        ("⭐⭐⭐⭐⭐", rating(5, None)),
        ("⭐️⭐️⭐️", rating(3, None)),
        ("***", rating(3, None)),
        ("五星好评", rating(5, Some("好评"))),
        ("非常满意", rating(5, None)),
        ("满分", rating(5, None)),
        ("满意", rating(4, None)),
        ("一般", rating(3, None)),
        ("不满意", rating(2, None)),
        ("非常不满意，等了三天", rating(1, Some("等了三天"))),
        ("very satisfied", rating(5, None)),
        ("Satisfied.", rating(4, None)),
        ("neutral", rating(3, None)),
        // "ok" acknowledges; it used to read as 3, which rated replies that rate nothing.
        ("ok", None),
        ("dissatisfied", rating(2, None)),
        ("unsatisfied", rating(2, None)),
        ("Very dissatisfied!", rating(1, None)),
        ("excellent", rating(5, None)),
        ("good", rating(4, None)),
        ("poor", rating(2, None)),
        ("terrible", rating(1, None)),
        (
            "not satisfied, took three days",
            rating(2, Some("took three days")),
        ),
        (
            "The engineer was excellent",
            rating(5, Some("The engineer was excellent")),
        ),
        (
            "Hi,\n\n5\n\nFast and friendly.",
            rating(5, Some("Fast and friendly.")),
        ),
        ("5\n> Please rate 1-5", rating(5, None)),
        ("Could be faster, 3", rating(3, Some("Could be faster"))),
        ("速度有点慢 3分", rating(3, Some("速度有点慢"))),
        ("Thanks!\n4", rating(4, None)),
        // Not ratings
        ("", None),
        ("6", None),
        ("0/5", None),
        ("10", None),
        ("3.5", None),
        ("4/10", None),
        ("☆☆☆☆☆", None),
        ("⭐⭐⭐⭐⭐⭐", None),
        ("thanks", None),
        ("Room 12 printer", None),
        ("> 5", None),
        ("5分钟后又坏了", None),
        ("Good morning", None),
        ("Good morning, the service was fine", None),
        ("not very satisfied", rating(2, None)),
        ("不是很满意", rating(2, None)),
        ("还不错", rating(4, None)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_rating(text), *want, "{text:?}");
    }
}

#[test]
fn withdrawal_table() {
    let cases: &[(&str, bool)] = &[
        ("close", true),
        ("Close.", true),
        ("please close", true),
        ("Please close the ticket, thanks", true),
        ("You can close this.", true),
        ("Never mind, I found it", true),
        ("I fixed it myself, thanks", true),
        ("cancel", true),
        ("关闭", true),
        ("请关闭", true),
        ("不需要了", true),
        ("已自行解决，关闭", true),
        ("问题已解决，可以关闭了", true),
        ("不用了，谢谢", true),
        ("已解决，可关闭", true),
        ("不用关闭，我再试试", false),
        ("＃关闭", true),
        // Not withdrawals
        ("", false),
        ("Don't close it, still broken", false),
        ("please do not close", false),
        ("Why did you close my ticket?", false),
        ("The VPN window closes itself", false),
        ("The app won't close", false),
        ("I can't close Outlook", false),
        ("VPN 连接被关闭了", false),
        ("不要关闭，还没好", false),
        ("为什么关闭了？", false),
        ("无法关闭窗口", false),
        ("> please close\n", false),
        ("thanks", false),
        ("关闭了吗？", false),
        ("Thanks!\nPlease close it.", true),
        ("Works now.\nRegards,\nBob\nclose", false),
    ];
    for (text, want) in cases {
        assert_eq!(is_withdrawal(text), *want, "{text:?}");
    }
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "\u{0}\u{1}\r\r\n",
        "★☆⭐\u{FE0F}🌟*",
        "５／５分星",
        "一二三四五六",
        "/",
        "5/",
        "5.",
        "............",
        "\u{202E}yes",
        "在\n",
        "On\n",
        "From:",
    ];
    for input in inputs {
        let _ = classify_confirmation(input);
        let _ = parse_rating(input);
        let _ = is_withdrawal(input);
        let _ = fresh_lines(input);
    }
    let long = "很".repeat(10_000);
    let _ = classify_confirmation(&long);
    let _ = parse_rating(&long);
}

#[test]
fn phrase_tables_are_folded_and_have_no_empty_entries() {
    let tables: Vec<&str> = CONFIRMATION_PHRASES
        .iter()
        .map(|t| t.0)
        .chain(RATING_WORDS.iter().map(|t| t.0))
        .chain(WITHDRAWAL_PHRASES.iter().map(|t| t.0))
        .chain([RATING_UNITS, RATING_LABELS])
        .collect();
    for table in tables {
        for phrase in table.split('|') {
            let body = phrase.trim_start_matches('^');
            assert!(!body.is_empty(), "empty phrase in {table:?}");
            assert_eq!(body.trim(), body, "{phrase:?} has outer spaces");
            assert!(!body.contains("  "), "{phrase:?} has a double space");
            let folded: String = body.chars().map(fold_char).collect();
            assert_eq!(folded, body, "{phrase:?} is not folded");
        }
    }
}

#[test]
fn read_answer_table_never_closes_or_rates_on_unclear() {
    use Answer::*;
    use AnswerContext::*;
    let cases: &[(AnswerContext, &str, Answer)] = &[
        (Confirmation, "好像好了一点，但是…", Unclear),
        (Confirmation, "I'll check tomorrow", Unclear),
        (Confirmation, "thanks", Unclear),
        (Confirmation, "Can you tell me what the cause was?", Unclear),
        (Confirmation, "暂时好像没问题，再观察几天看看", Unclear),
        (Confirmation, "应该ok了吧？我再观察下", Unclear),
        (
            Confirmation,
            "Who is this? I didn't open a ticket.",
            Unclear,
        ),
        (Confirmation, "Great, still broken.", Rejected),
        (Confirmation, "谁说解决了？根本没人来过", Rejected),
        (Confirmation, "Why did you mark this as resolved?", Rejected),
        (Confirmation, "That did the trick, cheers", Confirmed),
        (Confirmation, "OK了，VPN能连上了 thx", Confirmed),
        (Confirmation, "邮箱可以登录了", Confirmed),
        (
            Confirmation,
            "Yes, fixed. I'll let you know if it comes back.",
            Confirmed,
        ),
        (Confirmation, "不用了，这台电脑下周报废，关闭吧", Withdrawn),
        (
            Confirmation,
            "The monitor is fine now, thanks. But now my keyboard isn't working.",
            NewProblem,
        ),
        (
            Confirmation,
            "邮箱可以登录了。还有个问题，我的电脑开机特别慢",
            NewProblem,
        ),
        (Survey, "5", Rating(5)),
        (Survey, "五星好评", Rating(5)),
        (Survey, "Happy new year to the whole team!", Unclear),
        (Survey, "还没用过，不好评价", Unclear),
        (
            Survey,
            "5 minutes after you closed it, it broke again",
            Rejected,
        ),
        (Survey, "三星显示器又黑屏了", Rejected),
        (
            Survey,
            "Why is this closed? It still doesn't work.",
            Rejected,
        ),
        (Kb, "solved, thanks!", Solved),
        (Kb, "没用，还是不行", NotSolved),
        (Kb, "What article? I don't see a link.", Unclear),
        (Kb, "步骤3在哪里找？", Unclear),
        (Kb, "I'll try later.", Unclear),
    ];
    assert_answers(cases);
}

/// Each text, read in its context, gives the wanted answer (the reason shows on failure).
pub(super) fn assert_answers(cases: &[(AnswerContext, &str, Answer)]) {
    for (context, text, want) in cases {
        let got = read_answer(*context, text);
        assert_eq!(got.answer, *want, "{context:?} {text:?}: {}", got.reason);
    }
}

#[test]
fn kb_reader_is_a_plain_function_of_the_text() {
    assert_eq!(read_kb_answer("解决了"), KbAnswer::Solved);
    assert_eq!(read_kb_answer("That didn't help"), KbAnswer::NotSolved);
    assert_eq!(read_kb_answer("谢谢"), KbAnswer::Unclear);
    // A yes with another matter is no self-service resolution.
    assert_eq!(
        read_kb_answer("Solved, thanks. Also my printer is broken."),
        KbAnswer::Unclear
    );
}

#[test]
fn bottom_posted_answers_and_address_lines_are_read() {
    let bottom = "On Tue, Dec 1, 2026 at 10:02 AM IT <s@x.com> wrote:\n> Is it fixed?\n>\n\nYes, all fine now.\n";
    assert_eq!(
        read_answer(AnswerContext::Confirmation, bottom).answer,
        Answer::Confirmed
    );
    let foxmail = "收到\n\nuser@corp.example\n\n发件人： IT\n发送时间： 2026-12-01\n问题解决了吗？";
    assert_eq!(fresh_lines(foxmail), vec!["收到", ""]);
}

/// The principles added after the fresh `answers-dev2` set (issue 12 §4): each case is a kind of
/// reply, not a phrase tuned for one mail.
#[test]
fn unclear_replies_never_close_or_rate() {
    use Answer::*;
    use AnswerContext::*;
    let cases: &[(AnswerContext, &str, Answer)] = &[
        // Sarcasm and scare quotes: our word quoted back is no yes.
        (Confirmation, "Yeah, sure, \"fixed\".", Unclear),
        (Confirmation, "“解决了”", Unclear),
        (Confirmation, "Fine, whatever.", Unclear),
        // A yes inside a question asks; the rest of the answer decides.
        (Confirmation, "Fixed?", Unclear),
        // Consent to wait is no confirmation of a fix.
        (Confirmation, "No problem for me to wait.", Unclear),
        (Confirmation, "No problem, take your time.", Unclear),
        (Confirmation, "没问题，我可以等", Unclear),
        (Confirmation, "不着急，没问题", Unclear),
        (Confirmation, "你们说解决了？根本没好", Rejected),
        // A-not-A questions (是不是, 能不能) are questions, not 是/不是.
        (Confirmation, "是不是要重启一下电脑？", Unclear),
        (Confirmation, "能不能再看看", Unclear),
        // Hypothetical negations inside an if-clause; courtesy ifs hedge nothing.
        (Kb, "Maybe, I'll see if it drops again.", Unclear),
        (Confirmation, "If the restart fixed it then yes.", Unclear),
        (
            Confirmation,
            "Yes, works now. Let me know if you need anything.",
            Confirmed,
        ),
        // Another ticket's number: the answer may be about that one.
        (Confirmation, "The printer ticket (#2040) is fine.", Unclear),
        (Survey, "工单号 2045 的那个还没处理", Unclear),
        // Another matter opened before any negation is a new problem, not a rejection.
        (
            Confirmation,
            "密码框不弹了，另外我的打印机也连不上了",
            NewProblem,
        ),
        (
            Confirmation,
            "这个问题解决了。不过现在outlook一直闪退",
            NewProblem,
        ),
        (Confirmation, "打印机现在又出现新的报错提示了", Rejected),
        // Thanks for an update is politeness, not a problem described.
        (Confirmation, "Thanks for the update.", Unclear),
        (
            Confirmation,
            "Hard to say, it only happens sometimes.",
            Unclear,
        ),
        // Traditional characters read like simplified ones.
        (Confirmation, "問題已經解決了，辛苦了", Confirmed),
        (Confirmation, "問題仍然存在，請再看一下。", Rejected),
        (Survey, "非常滿意，謝謝！", Rating(5)),
        // Two scores, a range or a condition: no rating.
        (Survey, "4 or 5, hard to say.", Unclear),
        (Survey, "Between 3 and 4.", Unclear),
        (Survey, "3-4", Unclear),
        (Survey, "4到5分吧", Unclear),
        (Survey, "5 if it stays fixed, otherwise 1.", Unclear),
        (Survey, "I'd give it a 4 out of 5.", Rating(4)),
        (Survey, "4 - quick fix, but I waited two days.", Rating(4)),
        // Any hedge stops a rating, digits included.
        (Survey, "5? I haven't tested it yet", Unclear),
        (Survey, "Maybe 4, not sure yet", Unclear),
        // A digit that ends a line after a word names something; set off, it rates.
        (Survey, "The engineer was on floor 3", Unclear),
        (Survey, "See you in room 5", Unclear),
        (Survey, "Great job - 5", Rating(5)),
        (Survey, "Fast and friendly, 4", Rating(4)),
        // A rating word rates near the start of its line, not deep in a sentence.
        (Survey, "I am very satisfied", Rating(5)),
        (Survey, "我对这次服务非常满意", Rating(5)),
        (
            Survey,
            "Thanks and I hope you all have a good weekend",
            Unclear,
        ),
        // A rating word used as an adjective on something else, or a date, rates nothing.
        (Survey, "Good luck getting me to answer surveys", Unclear),
        (Survey, "Bad timing, I'm on leave", Unclear),
        (Survey, "Average response time was 2 days", Unclear),
        (Survey, "Good question, who fixed it?", Unclear),
        (Survey, "Fair enough", Unclear),
        (Survey, "OK, got it", Unclear),
        (Survey, "See you on 12/5", Unclear),
        (Survey, "Excellent service.", Rating(5)),
        (Survey, "Good job, thanks", Rating(4)),
        (Survey, "Very satisfied with the fix", Rating(5)),
        (Survey, "Poor", Rating(2)),
        // Confirmation: an adjective on another noun, an intermittent fix, or a bare yes to
        // something else is no yes.
        (Confirmation, "Good question.", Unclear),
        (
            Confirmation,
            "Perfect timing, I was about to call you",
            Unclear,
        ),
        (Confirmation, "It works sometimes", Unclear),
        (Confirmation, "时好时坏", Unclear),
        (Confirmation, "Yes I received your mail", Unclear),
        (Confirmation, "Yes, please send someone", Unclear),
        (Confirmation, "是我提交的", Unclear),
        (Confirmation, "对，就是这个问题", Unclear),
        (
            Confirmation,
            "Yes. Sorry for the late reply, I was out",
            Confirmed,
        ),
        (Confirmation, "Yes it is, thanks Bob", Confirmed),
        (Confirmation, "Good morning, yes it's fixed", Confirmed),
        (Confirmation, "Perfect, thanks!", Confirmed),
    ];
    assert_answers(cases);
}
