//! The answer to "is this fixed?": yes, no (or a new problem described), or unclear, with the
//! phrases that decided it. Negations and contrast win over yes, hedges over yes, and an answer
//! with no cue stays unclear: a wrong "yes" closes a ticket that is still broken. Pure.

use super::scan::{match_at, scan, uncovered_weight, Hit};
use super::text::{answer_lines, folded, is_blank, mask_prompts};
use super::{MAX_LINE_CHARS, WINDOW_LINES};
use std::fmt;

/// The lines that carry the answer: up to three non-blank lines of new text, folded and cut to a
/// sane length. Greeting-like lines ("Hi Alice,", "谢谢") before the answer do not use up the
/// three; one after it is a sign-off ("Thanks,", "Bob") and ends the answer, so a job title in
/// the signature ("Head of Not-for-profit") is never read.
pub(super) fn window(text: &str) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    let mut content_lines = 0;
    for line in answer_lines(text).into_iter().filter(|l| !is_blank(l)) {
        let mut line: Vec<char> = folded(line).chars().take(MAX_LINE_CHARS).collect();
        mask_prompts(&mut line);
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
    /// Not fixed, or a problem described without a yes: the ticket goes back to the engineer.
    Negative,
    /// Fixed, and then another problem or request ("works now, thanks. Also my printer …"):
    /// nothing closes, a human reads it.
    NewProblem,
    /// Nothing we can act on ("thanks", "ok", "not sure yet", a question).
    Unclear,
}

/// A confirmation verdict with the phrases that decided it, for logs and the ticket history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationVerdict {
    pub confirmation: Confirmation,
    /// E.g. `negative: "still"`, or `negative: new text without a yes`.
    pub reason: String,
    /// True when a phrase decided it; false when it rests on unexplained words or on nothing.
    pub cued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Yes,
    No,
    /// "but", 但是: a weak negative, beaten by a hedge.
    Contrast,
    Hedge,
    /// "also", 另外: what follows is another matter.
    Topic,
    Filler,
}

impl fmt::Display for Cue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Cue::Yes => "affirmative",
            Cue::No | Cue::Contrast => "negative",
            Cue::Hedge => "unclear",
            Cue::Topic => "new problem",
            Cue::Filler => "filler",
        })
    }
}

pub(super) use super::phrases::CONFIRMATION_PHRASES;

/// A no that is only a no: beside a yes it contradicts rather than reports a fault.
const BARE_NO: &[&str] = &["no", "nope", "nah", "否"];

/// Words beyond this (in half-words, see `uncovered_weight`) on one line without any cue are read
/// as a description of a problem: three English words or six CJK characters.
const NEW_PROBLEM_WEIGHT: usize = 6;

/// Classify the reply to "is this fixed? reply yes (是 / 已解决) or tell us what is still wrong".
pub fn classify_confirmation(new_text: &str) -> Confirmation {
    explain_confirmation(new_text).confirmation
}

/// [`classify_confirmation`] with its reason. Rules, in order, over the first three non-blank
/// lines of new text: a yes followed by another matter ("also", 另外) with every negation after
/// it → NewProblem; any negative phrase (negations, "still", 没有, 还是, 不是 …) → Negative;
/// any hedge ("not sure", "I'll check", 好像, 不确定) → Unclear; a yes followed by another matter
/// → NewProblem; another matter with no yes → NewProblem; a contrast ("but", 但是) → Negative;
/// a yes with a question anywhere in the answer → Unclear; a yes → Affirmative; a question
/// without any cue → Unclear; a line with three or more unexplained words (a problem described) →
/// Negative; else Unclear. Bare thanks or "ok" stay Unclear on purpose.
pub fn explain_confirmation(new_text: &str) -> ConfirmationVerdict {
    // (line, start, cue, phrase) in reading order.
    let mut cues: Vec<(usize, usize, Cue, &'static str)> = Vec::new();
    let mut new_problem: Option<String> = None;
    let mut question = false;
    for (n, line) in window(new_text).into_iter().enumerate() {
        let mut hits = scan(&line, CONFIRMATION_PHRASES);
        hits.extend(can_now(&line, &hits));
        doubt_quoted_yes(&line, &mut hits);
        doubt_asked_yes(&line, &mut hits);
        doubt_adjective_yes(&line, &mut hits);
        doubt_bare_yes(&line, &mut hits);
        drop_hypothetical(&line, &mut hits);
        hits.extend(ticket_reference(&line));
        let cued = hits.iter().any(|h| h.kind != Cue::Filler);
        question |= line.contains(&'?');
        if !cued && new_problem.is_none() && uncovered_weight(&line, &hits) >= NEW_PROBLEM_WEIGHT {
            new_problem = Some(line.iter().take(40).collect());
        }
        cues.extend(hits.iter().map(|h| (n, h.start, h.kind, h.phrase)));
    }
    cues.sort_by_key(|&(n, start, _, _)| (n, start));
    let pos = |cue: Cue| cues.iter().position(|c| c.2 == cue);
    let phrase = |i: usize| cues.get(i).map_or("", |c| c.3);
    let verdict = |confirmation, reason: String| ConfirmationVerdict {
        confirmation,
        reason,
        cued: true,
    };
    let first_yes = pos(Cue::Yes);
    // A topic switch after a yes: what follows is another matter.
    let topic_after_yes = first_yes.and_then(|y| {
        cues.iter()
            .enumerate()
            .skip(y)
            .find(|c| c.1 .2 == Cue::Topic)
            .map(|c| c.0)
    });
    let new_matter = |t: usize| {
        verdict(
            Confirmation::NewProblem,
            format!(
                "{}: {:?} after {:?}",
                Cue::Topic,
                phrase(t),
                phrase(first_yes.unwrap_or(t))
            ),
        )
    };
    // Another matter opened before any negation ("…不弹了，另外我的打印机也连不上了"): the
    // negations belong to the new matter; a human reads it, nothing reopens or closes.
    let first_no = cues
        .iter()
        .position(|c| matches!(c.2, Cue::No | Cue::Contrast));
    if let (Some(t), Some(no)) = (pos(Cue::Topic), first_no) {
        if t < no && topic_after_yes.is_none() && cues.get(t).is_some_and(|c| c.0 > 0 || c.1 > 0) {
            return new_matter(t);
        }
    }
    // Another ticket named: the answer may not be about this one.
    if let Some(c) = cues.iter().find(|c| c.3 == TICKET_REFERENCE) {
        return verdict(Confirmation::Unclear, format!("{}: {:?}", Cue::Hedge, c.3));
    }
    // "Nope, all good", "No, it works now": a bare no and a yes contradict each other.
    let only_bare_no = cues
        .iter()
        .filter(|c| c.2 == Cue::No)
        .all(|c| BARE_NO.contains(&c.3));
    if let (Some(no), Some(y), true) = (pos(Cue::No), first_yes, only_bare_no) {
        if no < y && pos(Cue::Contrast).is_none() {
            return verdict(
                Confirmation::Unclear,
                format!("{}: {:?} and {:?}", Cue::Hedge, phrase(no), phrase(y)),
            );
        }
    }
    if let Some(no) = pos(Cue::No) {
        return match topic_after_yes {
            Some(t) if t < no => new_matter(t),
            _ => verdict(
                Confirmation::Negative,
                format!("{}: {:?}", Cue::No, phrase(no)),
            ),
        };
    }
    if let Some(h) = pos(Cue::Hedge) {
        return verdict(
            Confirmation::Unclear,
            format!("{}: {:?}", Cue::Hedge, phrase(h)),
        );
    }
    if let Some(t) = topic_after_yes {
        return new_matter(t);
    }
    // "1 more thing: my printer jams": another matter opened with no answer to ours.
    if let (Some(t), None, false) = (pos(Cue::Topic), first_yes, question) {
        return new_matter(t);
    }
    if let Some(c) = pos(Cue::Contrast) {
        return verdict(
            Confirmation::Negative,
            format!("{}: {:?}", Cue::Contrast, phrase(c)),
        );
    }
    // "Yes it works. Do I need to do the same on my laptop?": a question back wants an answer
    // from us, so the ticket must not close on the yes beside it.
    if let (Some(y), true) = (first_yes, question) {
        return verdict(
            Confirmation::Unclear,
            format!("{}: a question back after {:?}", Cue::Hedge, phrase(y)),
        );
    }
    if let Some(y) = first_yes {
        return verdict(
            Confirmation::Affirmative,
            format!("{}: {:?}", Cue::Yes, phrase(y)),
        );
    }
    if question {
        return verdict(
            Confirmation::Unclear,
            "unclear: a question, not an answer".to_string(),
        );
    }
    let uncued = |confirmation, reason: String| ConfirmationVerdict {
        confirmation,
        reason,
        cued: false,
    };
    if let Some(line) = new_problem {
        return uncued(
            Confirmation::Negative,
            format!("negative: new text without a yes: {line:?}"),
        );
    }
    uncued(
        Confirmation::Unclear,
        "unclear: no answer found".to_string(),
    )
}

/// A yes in a sentence that ends in a question mark ("Fixed?", "Is it working now?") asks rather
/// than answers: it stops counting (as politeness does), so the rest of the answer decides. So
/// does a "but" that opens a question, and a "why did …?" asks rather than complains ("It worked, but do I have to do this every time?"): it
/// leads to something asked, not to something still wrong.
fn doubt_asked_yes(line: &[char], hits: &mut [Hit<Cue>]) {
    let sentence_end = |from: usize| {
        line.iter()
            .enumerate()
            .skip(from)
            .find(|(_, c)| matches!(c, '.' | '!' | '?' | '。' | '！' | '？'))
    };
    let asked = |h: &Hit<Cue>| matches!(sentence_end(h.end), Some((_, '?' | '？')));
    // "Why did it happen in the first place?" asks about the cause: a hedge, so that neither a
    // yes nor a reopen rests on it. "Why did you mark it resolved?" disputes the fix: a no.
    let disputes = |h: &Hit<Cue>| {
        let end = sentence_end(h.end).map_or(line.len(), |(e, _)| e);
        hits.iter()
            .any(|y| y.kind == Cue::Yes && h.end <= y.start && y.start < end)
    };
    let change: Vec<(usize, &'static str, Cue)> = hits
        .iter()
        .enumerate()
        .filter(|(_, h)| asked(h))
        .filter_map(|(i, h)| match h.kind {
            Cue::Yes => Some((i, "a yes in a question", Cue::Filler)),
            Cue::Contrast => Some((i, "a but in a question", Cue::Filler)),
            Cue::No if h.phrase.starts_with("why ") && !disputes(h) => {
                Some((i, "a why-question", Cue::Hedge))
            }
            _ => None,
        })
        .collect();
    for (i, phrase, kind) in change {
        if let Some(hit) = hits.get_mut(i) {
            hit.phrase = phrase;
            hit.kind = kind;
        }
    }
}

/// "I'll see if it drops again", "如果再断就告诉你们": a negation inside an if-clause is a
/// hypothesis, not a report. From "if" to the end of its sentence, negations count for nothing;
/// an if-clause about the fix ("if the restart fixed it") is a hedge.
fn drop_hypothetical(line: &[char], hits: &mut Vec<Hit<Cue>>) {
    let Some(start) = (0..line.len()).find(|&i| {
        [
            "if",
            "如果",
            "要是",
            "万一",
            "as long as",
            "unless",
            "只要",
            "除非",
        ]
        .iter()
        .any(|w| match_at(line, i, w).is_some())
            && !hits.iter().any(|h| h.start <= i && i < h.end)
    }) else {
        return;
    };
    let end = line
        .iter()
        .skip(start)
        .position(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | ',' | '，'))
        .map_or(line.len(), |p| start + p);
    let before = hits.len();
    hits.retain(|h| !(h.kind == Cue::No && start <= h.start && h.start < end));
    let yes_inside = hits
        .iter()
        .any(|h| h.kind == Cue::Yes && start <= h.start && h.start < end);
    // "Let me know if you need anything" is courtesy: only an if-clause about the fix hedges.
    if yes_inside || hits.len() < before {
        hits.push(Hit {
            kind: Cue::Hedge,
            phrase: "if",
            start,
            end: start + 1,
        });
    }
}

/// Yes words that are adjectives: they answer only when they stand alone ("Perfect!", "good
/// now"), not on another noun ("good question", "perfect timing", "great news").
const ADJECTIVE_YES: &[&str] = &["good", "great", "perfect", "awesome", "excellent", "fine"];
const AFTER_ADJECTIVE_YES: &str = "\
    now|again|thanks|thank|so|and|here|too|today|since|after|on|with|job|work|from|indeed|as\
    |all|everything";

fn doubt_adjective_yes(line: &[char], hits: &mut [Hit<Cue>]) {
    for hit in hits
        .iter_mut()
        .filter(|h| h.kind == Cue::Yes && ADJECTIVE_YES.contains(&h.phrase))
    {
        let k = hit.end + line.iter().skip(hit.end).take_while(|c| **c == ' ').count();
        let stands = match line.get(k) {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            Some(_) => AFTER_ADJECTIVE_YES
                .split('|')
                .any(|w| match_at(line, k, w).is_some()),
        };
        if !stands {
            hit.kind = Cue::Hedge;
            hit.phrase = "an adjective on something else";
        }
    }
}

/// A bare yes ("yes", 是, 对) answers only when nothing but politeness stands with it in its
/// sentence: "Yes I received your mail", "是我提交的", "对，就是这个问题", "Yes, please send someone"
/// say yes to something else. A line that also says what works ("Yes, it works now") keeps it.
const BARE_YES: &[&str] = &[
    "yes", "yep", "yeah", "yup", "是", "是的", "对", "对的", "没错",
];
/// What echoes a yes without adding to it: "Yes it is", "yes it does".
const YES_ECHO: &str = "it is|it does|it has|it did|it was|it is now|they are|they do";
/// Unexplained words (half-words) a bare yes may stand with: a name, "Bob".
const BARE_YES_COMPANY: usize = 2;

fn doubt_bare_yes(line: &[char], hits: &mut [Hit<Cue>]) {
    let yes = |h: &Hit<Cue>| h.kind == Cue::Yes;
    let bare = |h: &Hit<Cue>| yes(h) && BARE_YES.contains(&h.phrase);
    if !hits.iter().any(bare) || hits.iter().any(|h| yes(h) && !bare(h)) {
        return;
    }
    let ends = |c: &char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
    for hit in hits.iter_mut().filter(|h| bare(h)) {
        // Only the yes's own sentence counts: "Yes. Sorry for the late reply" is a yes.
        let end = line
            .iter()
            .skip(hit.end)
            .position(ends)
            .map_or(line.len(), |p| hit.end + p);
        let sentence = line.get(hit.end..end).unwrap_or_default();
        let mut inner: Vec<Hit<Cue>> = scan(sentence, CONFIRMATION_PHRASES);
        inner.extend(scan(sentence, &[(YES_ECHO, Cue::Filler)]));
        if uncovered_weight(sentence, &inner) > BARE_YES_COMPANY {
            hit.kind = Cue::Hedge;
            hit.phrase = "a yes to something else";
        }
    }
}

/// Quotation marks around a yes ("resolved", “解决了”) are the requester quoting us, often in
/// sarcasm: not an answer. Such a yes becomes a hedge.
fn doubt_quoted_yes(line: &[char], hits: &mut [Hit<Cue>]) {
    let is_quote = |c: Option<&char>| {
        c.is_some_and(|c| matches!(c, '"' | '\'' | '“' | '”' | '「' | '」' | '『' | '』'))
    };
    for hit in hits.iter_mut().filter(|h| h.kind == Cue::Yes) {
        let before = hit.start.checked_sub(1).and_then(|i| line.get(i));
        let after = line
            .iter()
            .skip(hit.end)
            .find(|c| !matches!(c, '.' | ',' | '!' | '。' | '，' | '！'));
        if is_quote(before) && is_quote(after) {
            hit.kind = Cue::Hedge;
            hit.phrase = "a quoted yes";
        }
    }
}

const TICKET_REFERENCE: &str = "a ticket number";

/// A ticket number in the answer ("#2040", "ticket 2051", "工单号 2045") means it may be about
/// another ticket: a hedge, so nothing is closed, rated or reopened on it.
fn ticket_reference(line: &[char]) -> Option<Hit<Cue>> {
    const LABELS: &str = "#|ticket|ticket #|ticket no.|ticket number|工单|工单号|单号|工单 #";
    (0..line.len()).find_map(|i| {
        let end = LABELS
            .split('|')
            .filter_map(|l| match_at(line, i, l))
            .max()?;
        let k = end + line.iter().skip(end).take_while(|c| **c == ' ').count();
        let digits = line
            .iter()
            .skip(k)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (digits >= 3).then_some(Hit {
            kind: Cue::Hedge,
            phrase: TICKET_REFERENCE,
            start: i,
            end: k + digits,
        })
    })
}

/// True when the answer asks something back ("4? Is that the highest?"): it wants a human, so
/// no score or close rests on it.
pub(super) fn asks_back(new_text: &str) -> bool {
    window(new_text)
        .iter()
        .any(|line| line.iter().any(|c| matches!(c, '?' | '？')))
}

/// True when the text hedges ("not sure", "I'll rate it later", 不好说): no verdict may rest on
/// a bare word then.
pub(super) fn has_hedge(new_text: &str) -> bool {
    window(new_text).iter().any(|line| {
        let mut hits = scan(line, CONFIRMATION_PHRASES);
        doubt_quoted_yes(line, &mut hits);
        doubt_asked_yes(line, &mut hits);
        hits.iter().any(|h| h.kind == Cue::Hedge) || ticket_reference(line).is_some()
    })
}

/// "能连上了", "可以登录了", "可以打印了": 能/可以 + a verb + 了 within a few chars is "it works
/// now", unless negated (不能, 没能) or already explained by a phrase.
fn can_now(line: &[char], hits: &[Hit<Cue>]) -> Vec<Hit<Cue>> {
    let covered = |i: usize| hits.iter().any(|h| h.start <= i && i < h.end);
    let mut out = Vec::new();
    for (i, &c) in line.iter().enumerate() {
        let len = match (c, line.get(i + 1)) {
            ('能', _) => 1,
            ('可', Some('以')) => 2,
            _ => continue,
        };
        if covered(i)
            || i.checked_sub(1)
                .and_then(|p| line.get(p))
                .is_some_and(|p| matches!(p, '不' | '没' | '未' | '否'))
        {
            continue;
        }
        let Some(le) = line
            .iter()
            .enumerate()
            .skip(i + len)
            .take(8)
            .take_while(|(_, c)| !matches!(c, ',' | '.' | '，' | '。' | '?' | '!' | '？' | '！'))
            .find(|(_, c)| **c == '了')
            .map(|(k, _)| k)
        else {
            continue;
        };
        out.push(Hit {
            kind: Cue::Yes,
            phrase: "能…了",
            start: i,
            end: le + 1,
        });
    }
    out
}
