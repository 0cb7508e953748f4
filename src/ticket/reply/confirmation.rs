//! The answer to "is this fixed?": yes, no (or a new problem described), or unclear, with the
//! phrases that decided it. Negations and contrast win over yes, hedges over yes, and an answer
//! with no cue stays unclear: a wrong "yes" closes a ticket that is still broken. Pure.

use super::scan::{scan, uncovered_weight};
use super::text::{folded, fresh_lines, is_blank};
use super::{MAX_LINE_CHARS, WINDOW_LINES};
use std::fmt;

/// The lines that carry the answer: up to three non-blank lines of new text, folded and cut to a
/// sane length. Greeting-like lines ("Hi Alice,", "谢谢") before the answer do not use up the
/// three; one after it is a sign-off ("Thanks,", "Bob") and ends the answer, so a job title in
/// the signature ("Head of Not-for-profit") is never read.
pub(super) fn window(text: &str) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    let mut content_lines = 0;
    for line in fresh_lines(text).into_iter().filter(|l| !is_blank(l)) {
        let line: Vec<char> = folded(line).chars().take(MAX_LINE_CHARS).collect();
        let filler = is_filler_only(&line);
        if filler && content_lines > 0 {
            break;
        }
        out.push(line);
        if !filler {
            content_lines += 1;
            if content_lines == WINDOW_LINES {
                break;
            }
        }
        if out.len() >= 2 * WINDOW_LINES {
            break;
        }
    }
    out
}

/// Politeness and at most two unexplained words: a greeting, a sign-off or a name.
pub(super) fn is_filler_only(line: &[char]) -> bool {
    let hits = scan(line, CONFIRMATION_PHRASES);
    hits.iter().all(|h| h.kind == Cue::Filler) && uncovered_weight(line, &hits) <= 4
}

/// The requester's answer to "is this fixed?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Fixed: the ticket may be resolved/closed.
    Affirmative,
    /// Not fixed, or a new problem described: the ticket goes back to the engineer.
    Negative,
    /// Nothing we can act on ("thanks", "ok", "not sure yet").
    Unclear,
}

/// A confirmation verdict with the phrases that decided it, for logs and the ticket history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationVerdict {
    pub confirmation: Confirmation,
    /// E.g. `negative: "still"`, or `negative: new text without a yes`.
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Yes,
    No,
    Hedge,
    Filler,
}

impl fmt::Display for Cue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Cue::Yes => "affirmative",
            Cue::No => "negative",
            Cue::Hedge => "unclear",
            Cue::Filler => "filler",
        })
    }
}

// Bare 是/对 count only when they open a sentence: 可是, 就是, 不对 are no answers.
const YES_PHRASES: &str = "\
    不错|还不错|yes|yep|yeah|yup|fixed|works|working|worked|solved|resolved|sorted|all good|all set\
    |good now|good|fine|smooth|smoothly|normal|normally|fine now|ok now|okay now\
    |looks good|perfect|great|awesome|excellent|confirmed|i confirm|no problem\
    |no problems|no issue|no issues|no more|up and running|back to normal|^是|是的|^对\
    |对的|没错|好了|好啦|已解决|解决了|已经解决|可以了|没问题|没有问题|没事了|正常了\
    |正常|顺利|恢复正常|恢复了|已修复|修好了|搞定|能用了|可以用了|好用了|没有再|没再\
    |确认";

// Negations, relapses and contrast ("works, but …" describes what is still wrong). Bare
// "again" is no cue: "works again" is a yes, "broke again" a no.
const NO_PHRASES: &str = "\
    no|nope|nah|not|not yet|not fixed|not solved|not resolved|not working|doesn't\
    |does not|didn't|did not|don't|isn't|is not|wasn't|won't|can't|cannot|couldn't\
    |unable|still|broken|stopped|fail|fails|failed|failing|broke|came back|comes back\
    |problem is back|issue is back|error is back|happened again|happens again\
    |happening again|same problem|same issue|same error|but|however|though|unfortunately\
    |没有|不行|还是不行|还不行|未解决|没解决|没有解决|没修好|没好|还没|不是|不对|仍然\
    |仍旧|依旧|依然|还是|不能|不正常|不好|不可以|无法|失败|有问题|又|再次|但是|不过|可是|是否";

const HEDGE_PHRASES: &str = "\
    not sure|don't know|do not know|dunno|maybe|will check|will test|will try\
    |let you know|can't tell|no longer|not anymore|anymore|不确定|不知道|不清楚|也许\
    |可能|稍后|再看看|再试试|试试看|不再|better";

// Politeness carries no answer, but is not "new text" either.
const FILLER_PHRASES: &str = "\
    thanks|thank you|thank u|thx|ty|cheers|regards|best regards|kind regards|hi|hello\
    |hey|dear|team|very much|so much|a lot|for your help|for the help|appreciate it\
    |no worries|have a nice day|have a good day|ok|okay|谢谢|谢谢你|谢谢您|感谢|多谢\
    |辛苦了|麻烦了|您好|你好|嗯|哦|好的|收到|没关系|对不起|对了";

pub(super) const CONFIRMATION_PHRASES: &[(&str, Cue)] = &[
    (YES_PHRASES, Cue::Yes),
    (NO_PHRASES, Cue::No),
    (HEDGE_PHRASES, Cue::Hedge),
    (FILLER_PHRASES, Cue::Filler),
];

/// Words beyond this (in half-words, see `uncovered_weight`) on one line without any cue are read
/// as a description of a problem: three English words or six CJK characters.
const NEW_PROBLEM_WEIGHT: usize = 6;

/// Classify the reply to "is this fixed? reply yes (是 / 已解决) or tell us what is still wrong".
pub fn classify_confirmation(new_text: &str) -> Confirmation {
    explain_confirmation(new_text).confirmation
}

/// [`classify_confirmation`] with its reason. Rules, in order, over the first three non-blank
/// lines of new text: any negative phrase (negations, "still", "but", 没有, 还是, 不是 …) →
/// Negative; else any hedge ("not sure", 不确定) → Unclear; else any affirmative phrase →
/// Affirmative; else a line with three or more unexplained words (a new problem described) →
/// Negative; else Unclear. Bare thanks or "ok" stay Unclear on purpose.
pub fn explain_confirmation(new_text: &str) -> ConfirmationVerdict {
    let mut all_hits = Vec::new();
    let mut new_problem: Option<String> = None;
    for line in window(new_text) {
        let hits = scan(&line, CONFIRMATION_PHRASES);
        let cued = hits.iter().any(|h| h.kind != Cue::Filler);
        if !cued && new_problem.is_none() && uncovered_weight(&line, &hits) >= NEW_PROBLEM_WEIGHT {
            new_problem = Some(line.iter().take(40).collect());
        }
        all_hits.extend(hits);
    }
    let first = |cue: Cue| all_hits.iter().find(|h| h.kind == cue).map(|h| h.phrase);
    let verdict = |confirmation, reason: String| ConfirmationVerdict {
        confirmation,
        reason,
    };
    if let Some(p) = first(Cue::No) {
        return verdict(Confirmation::Negative, format!("{}: {p:?}", Cue::No));
    }
    if let Some(p) = first(Cue::Hedge) {
        return verdict(Confirmation::Unclear, format!("{}: {p:?}", Cue::Hedge));
    }
    if let Some(p) = first(Cue::Yes) {
        return verdict(Confirmation::Affirmative, format!("{}: {p:?}", Cue::Yes));
    }
    if let Some(line) = new_problem {
        return verdict(
            Confirmation::Negative,
            format!("negative: new text without a yes: {line:?}"),
        );
    }
    verdict(
        Confirmation::Unclear,
        "unclear: no answer found".to_string(),
    )
}
