//! What a requester's reply means: "is it fixed?" answers, satisfaction ratings and requests to
//! close, in English and Chinese. Also owns the line-level reading of reply text that
//! `command.rs` shares: where the new text ends (quoted history, signature) and how full-width
//! and invisible characters are folded.
//!
//! Everything here is a pure function of the text, explainable as "these phrases matched": no
//! models, no I/O, no clock. Only the first few meaningful lines are read, because further down a
//! reply holds signatures, disclaimers and quoted history that the caller may not have removed.

use std::fmt;

/// How many non-blank lines of new text are read for a verdict.
const WINDOW_LINES: usize = 3;
/// Longer lines are cut here (in chars) before phrase matching; answers are short.
const MAX_LINE_CHARS: usize = 400;

// ---------------------------------------------------------------------------------------------
// Text reading shared with command.rs

/// Zero-width and directional characters that HTML→text conversions and some clients leave in.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Fold one char for matching: full-width ASCII (`＃`, `１`, `：`, `Ｐ`) to ASCII, the ideographic
/// space to a space, typographic apostrophes to `'`, ASCII to lower case. Always one char for one
/// char, so positions in the folded text are positions in the original.
pub(crate) fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The line without leading whitespace (NBSP included) and invisible characters.
pub(crate) fn strip_lead(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// True when the line holds nothing visible.
pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

fn folded(line: &str) -> String {
    strip_lead(line)
        .trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .chars()
        .map(fold_char)
        .collect()
}

/// The lines of a reply's new text: everything before the first quoted-history or signature
/// marker. Markers recognised: `>` quotes, `-- ` signature separators, Outlook's underscore rule,
/// `-----Original Message-----` / `-----原始邮件-----` / `原始信息` / forwarded-message rules,
/// `On … wrote:` (also wrapped over two lines), `… 写道：` (Gmail, Thunderbird, Foxmail in Chinese),
/// `发件人:` / `寄件者:` header blocks, `From:` followed by `Sent:`/`Date:`, and mobile footers
/// (`Sent from my …`, `发自我的…`).
pub fn fresh_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if is_boundary(&lines, i) {
            break;
        }
        out.push(*line);
    }
    out
}

fn is_boundary(lines: &[&str], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let f = folded(line);
    let next = |k: usize| lines.get(i + k).map(|l| folded(l)).unwrap_or_default();
    if f.starts_with('>') || f == "--" || f == "—" {
        return true;
    }
    if f.chars().count() >= 10 && f.chars().all(|c| c == '_') {
        return true;
    }
    const RULE_WORDS: [&str; 8] = [
        "original",
        "forwarded message",
        "原始邮件",
        "原始信息",
        "原邮件",
        "转发邮件",
        "转发的邮件",
        "邮件原文",
    ];
    if f.starts_with("--") && RULE_WORDS.iter().any(|w| f.contains(w)) {
        return true;
    }
    if f.starts_with("on ") && (f.ends_with("wrote:") || next(1).ends_with("wrote:")) {
        return true;
    }
    if f.ends_with("写道:") || (f.starts_with('在') && next(1).ends_with("写道:")) {
        return true;
    }
    if f.starts_with("发件人:") || f.starts_with("寄件者:") || f.starts_with("发件人 :") {
        return true;
    }
    if f.starts_with("from:") {
        let header = |l: &str| {
            ["sent:", "date:", "发送时间:", "to:"]
                .iter()
                .any(|h| l.starts_with(h))
        };
        if f.contains(" sent:") || f.contains(" date:") || (1..=4).any(|k| header(&next(k))) {
            return true;
        }
    }
    ["sent from my ", "发自我的", "get outlook for "]
        .iter()
        .any(|p| f.starts_with(p))
}

// ---------------------------------------------------------------------------------------------
// Phrase matching

/// A phrase found in folded text, as a char range.
#[derive(Debug, Clone, Copy)]
struct Hit<K> {
    kind: K,
    phrase: &'static str,
    start: usize,
    end: usize,
}

/// Leftmost-longest phrase matching over folded chars. Tables hold `|`-separated phrase lists
/// (so they stay compact) of folded text; a space matches one or more whitespace chars; a leading
/// `^` means "only at the start of a sentence"; ASCII words only match whole words. Longest-first is what makes "not solved" and "没有解决" win over
/// "solved" and "解决": the negation starts earlier and is consumed first.
fn scan<K: Copy>(text: &[char], table: &[(&'static str, K)]) -> Vec<Hit<K>> {
    let phrases: Vec<(&'static str, K)> = table
        .iter()
        .flat_map(|&(list, kind)| list.split('|').map(move |p| (p, kind)))
        .collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let mut best: Option<(usize, &'static str, K)> = None;
        for &(phrase, kind) in &phrases {
            if let Some(end) = match_at(text, i, phrase) {
                if best.is_none_or(|(e, _, _)| end > e) {
                    best = Some((end, phrase, kind));
                }
            }
        }
        match best {
            Some((end, phrase, kind)) => {
                hits.push(Hit {
                    kind,
                    phrase: phrase.trim_start_matches('^'),
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

fn match_at(text: &[char], i: usize, phrase: &str) -> Option<usize> {
    let (anchored, phrase) = match phrase.strip_prefix('^') {
        Some(p) => (true, p),
        None => (false, phrase),
    };
    // Cheap rejection first: this runs for every phrase at every position.
    if phrase.chars().next() != text.get(i).copied() {
        return None;
    }
    if anchored && !at_sentence_start(text, i) {
        return None;
    }
    let word_char = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if phrase.starts_with(|c: char| c.is_ascii_alphanumeric())
        && i > 0
        && word_char(text.get(i - 1))
    {
        return None;
    }
    let mut j = i;
    for pc in phrase.chars() {
        if pc == ' ' {
            if !text.get(j).is_some_and(|c| c.is_whitespace()) {
                return None;
            }
            while text.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
        } else {
            if text.get(j) != Some(&pc) {
                return None;
            }
            j += 1;
        }
    }
    if phrase.ends_with(|c: char| c.is_ascii_alphanumeric()) && word_char(text.get(j)) {
        return None;
    }
    Some(j)
}

fn at_sentence_start(text: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && text.get(k - 1).is_some_and(|c| c.is_whitespace()) {
        k -= 1;
    }
    k == 0 || text.get(k - 1).is_some_and(|c| !c.is_alphanumeric())
}

/// Content not explained by any phrase, in half-words: an ASCII word is 2, a CJK char is 1.
fn uncovered_weight<K>(text: &[char], hits: &[Hit<K>]) -> usize {
    let covered = |i: usize| hits.iter().any(|h| h.start <= i && i < h.end);
    let mut weight = 0;
    let mut in_word = false;
    for (i, c) in text.iter().enumerate() {
        if covered(i) {
            in_word = false;
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if !in_word {
                weight += 2;
            }
            in_word = true;
        } else {
            in_word = false;
            if c.is_alphabetic() {
                weight += 1;
            }
        }
    }
    weight
}

/// The lines that carry the answer: up to three non-blank lines of new text, folded and cut to a
/// sane length. Greeting-like lines ("Hi Alice,", "谢谢") before the answer do not use up the
/// three; one after it is a sign-off ("Thanks,", "Bob") and ends the answer, so a job title in
/// the signature ("Head of Not-for-profit") is never read.
fn window(text: &str) -> Vec<Vec<char>> {
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
fn is_filler_only(line: &[char]) -> bool {
    let hits = scan(line, CONFIRMATION_PHRASES);
    hits.iter().all(|h| h.kind == Cue::Filler) && uncovered_weight(line, &hits) <= 4
}

// ---------------------------------------------------------------------------------------------
// Confirmation

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
enum Cue {
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

const CONFIRMATION_PHRASES: &[(&str, Cue)] = &[
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

// ---------------------------------------------------------------------------------------------
// Rating

/// A satisfaction rating from a requester's reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// 1 (very dissatisfied) ..= 5 (very satisfied).
    pub score: u8,
    /// What else the requester wrote, if anything.
    pub comment: Option<String>,
}

/// Rating words, folded. `^` = only at the start of a sentence ("ok" deep in a sentence is no
/// rating). Negated forms are listed so that longest-match reads "not satisfied" as 2.
const RATED_5: &str = "\
    非常满意|很满意|十分满意|好评|满分|very satisfied|extremely satisfied|excellent\
    |outstanding|very good|very happy";

const RATED_4: &str = "满意|比较满意|还算满意|不错|还不错|satisfied|good|happy";

const RATED_3: &str = "\
    一般|还行|还可以|neutral|^ok|^okay|fair|average|not bad";

const RATED_2: &str = "\
    不太满意|不满意|不大满意|不是很满意|不怎么满意|差|dissatisfied|unsatisfied|not satisfied\
    |not very satisfied|not good|not very good|not happy|unhappy|poor|bad";

const RATED_1: &str = "\
    非常不满意|很不满意|很差|极差|差评|very dissatisfied|very unsatisfied|very poor\
    |very bad|terrible|awful";

/// Greetings that contain a rating word but rate nothing.
const NOT_RATINGS: &str = "good morning|good afternoon|good evening|good day|good night";

/// Score 0 marks [`NOT_RATINGS`]: matched so that they consume their words, then skipped.
const RATING_WORDS: &[(&str, u8)] = &[
    (NOT_RATINGS, 0),
    (RATED_5, 5),
    (RATED_4, 4),
    (RATED_3, 3),
    (RATED_2, 2),
    (RATED_1, 1),
];

/// Units after a digit that make it a rating: "4分", "5/5", "5 stars", "3 out of 5".
const RATING_UNITS: &str = "\
    /5|/ 5|分|星|颗星|stars|star|points|point|out of 5|of 5";

/// Labels that may precede a score: "rating: 4", "评分：5", "给5分".
const RATING_LABELS: &str = "\
    rating|my rating|score|i give|i give it|i give it a|i'd give|i'd give it\
    |i'd give it a|i rate|i rate it|i rate it a|评分|打分|评价|给|打";

/// Read a 1–5 rating: digits ("5", "4分", "5/5", full-width "５"), stars ("★★★★☆" counts the
/// filled ones, "⭐⭐⭐⭐⭐"), Chinese numerals with a unit ("五星"), or words (非常满意=5, 满意=4,
/// 一般=3, 不满意=2, 非常不满意=1, very satisfied=5, satisfied=4, neutral/ok=3,
/// dissatisfied/unsatisfied=2, very dissatisfied=1, excellent=5, good=4, poor=2, terrible=1).
/// Stars, then digits, then words; the first of the first three lines that has one wins. The rest
/// of the text is the comment. Out-of-range values ("6", "0/5", six stars) give `None`.
pub fn parse_rating(new_text: &str) -> Option<Rating> {
    let lines: Vec<&str> = fresh_lines(new_text)
        .into_iter()
        .filter(|l| !is_blank(l))
        .collect();
    for (index, line) in lines.iter().enumerate().take(WINDOW_LINES) {
        let original: Vec<char> = line.chars().take(MAX_LINE_CHARS).collect();
        let text: Vec<char> = original.iter().map(|&c| fold_char(c)).collect();
        let (found, is_word) = match find_stars(&text) {
            Stars::Found(r) => (Some(r), false),
            Stars::Invalid => return None,
            Stars::None => match find_number(&text) {
                Some(r) => (Some(r), false),
                None => (find_rating_word(&text), true),
            },
        };
        let Some((score, start, end)) = found else {
            continue;
        };
        if !(1..=5).contains(&score) {
            return None;
        }
        let mut parts: Vec<String> = Vec::new();
        for before in lines.iter().take(index) {
            let f: Vec<char> = folded(before).chars().collect();
            if !is_filler_only(&f) {
                parts.push(before.trim().to_string());
            }
        }
        // A score is cut out of its line; a rating word inside a sentence stays part of it.
        let leading = text.iter().take(start).all(|c| !c.is_alphanumeric());
        let before: String = original.iter().take(start).collect();
        let after: String = original.iter().skip(end).collect();
        let after = after.trim_start_matches(is_separator).trim_end();
        let rest = if leading {
            after.to_string()
        } else if is_word {
            original.iter().collect::<String>().trim().to_string()
        } else {
            format!("{} {after}", before.trim_end_matches(is_separator))
        };
        parts.push(rest.trim().to_string());
        parts.extend(lines.iter().skip(index + 1).map(|l| l.trim().to_string()));
        let comment = parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let comment = comment.trim().to_string();
        return Some(Rating {
            score,
            comment: (!comment.is_empty()).then_some(comment),
        });
    }
    None
}

enum Stars {
    None,
    Invalid,
    Found((u8, usize, usize)),
}

fn find_stars(text: &[char]) -> Stars {
    let is_filled = |c: char| matches!(c, '★' | '⭐' | '🌟');
    let is_star = |c: char| is_filled(c) || c == '☆' || c == '\u{FE0F}';
    let Some(start) = text.iter().position(|&c| is_filled(c) || c == '☆') else {
        return leading_asterisks(text);
    };
    let mut end = text
        .iter()
        .rposition(|&c| is_filled(c) || c == '☆')
        .map_or(start + 1, |e| e + 1);
    // Emoji stars often carry a variation selector (U+FE0F) after them.
    while text.get(end) == Some(&'\u{FE0F}') {
        end += 1;
    }
    let span = text.get(start..end).unwrap_or_default();
    if !span.iter().all(|&c| is_star(c) || c.is_whitespace()) {
        return Stars::Invalid;
    }
    let filled = span.iter().filter(|&&c| is_filled(c)).count();
    match u8::try_from(filled) {
        Ok(n @ 1..=5) => Stars::Found((n, start, end)),
        _ => Stars::Invalid,
    }
}

/// "***" at the start of a line, as typed on keyboards without a star.
fn leading_asterisks(text: &[char]) -> Stars {
    let start = text.iter().take_while(|c| c.is_whitespace()).count();
    let count = text.iter().skip(start).take_while(|&&c| c == '*').count();
    let after = text.get(start + count);
    if count == 0 || after.is_some_and(|c| c.is_alphanumeric()) {
        return Stars::None;
    }
    match u8::try_from(count) {
        Ok(n @ 1..=5) => Stars::Found((n, start, start + count)),
        _ => Stars::Invalid,
    }
}

/// A standalone digit at the start (after an optional label such as "评分：" or "I give it a"),
/// followed by a unit, or as the last token of the line. Returns (score, start, end); when the
/// score leads the line the span starts at the label so the comment drops it too.
fn find_number(text: &[char]) -> Option<(u8, usize, usize)> {
    let lead = text.iter().take_while(|c| !c.is_alphanumeric()).count();
    let label_end = RATING_LABELS
        .split('|')
        .filter_map(|label| match_at(text, lead, label))
        .max()
        .unwrap_or(lead);
    let first_slot = label_end
        + text
            .iter()
            .skip(label_end)
            .take_while(|c| !c.is_alphanumeric())
            .count();
    let last_token_start = text
        .iter()
        .rposition(|c| c.is_alphanumeric())
        .map(|e| {
            text.iter()
                .take(e + 1)
                .rposition(|c| !c.is_alphanumeric())
                .map_or(0, |s| s + 1)
        })
        .unwrap_or(0);
    for (i, &c) in text.iter().enumerate() {
        let Some(value) = digit_value(c) else {
            continue;
        };
        if i > 0
            && text
                .get(i - 1)
                .is_some_and(|p| p.is_ascii_alphanumeric() || *p == '.')
        {
            continue;
        }
        let next = text.get(i + 1);
        if next.is_some_and(|n| n.is_ascii_digit())
            || (next == Some(&'.') && text.get(i + 2).is_some_and(|n| n.is_ascii_digit()))
        {
            // "10", "3.5": not a 1–5 score, and not worth guessing.
            if i == first_slot {
                return None;
            }
            continue;
        }
        let unit_end = unit_after(text, i + 1);
        if next == Some(&'/') && unit_end.is_none() {
            return None;
        }
        if is_cjk_numeral(c) && unit_end.is_none() {
            continue;
        }
        if next.is_some_and(|n| n.is_alphanumeric()) && unit_end.is_none() {
            continue;
        }
        let end = unit_end.unwrap_or(i + 1);
        if i == first_slot {
            return Some((value, lead, end));
        }
        if unit_end.is_some() || i == last_token_start {
            return Some((value, i, end));
        }
    }
    None
}

fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => u8::try_from(u32::from(c) - u32::from('0')).ok(),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        _ => None,
    }
}

fn is_cjk_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '两' | '三' | '四' | '五')
}

fn unit_after(text: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    while text.get(k).is_some_and(|c| *c == ' ') {
        k += 1;
    }
    RATING_UNITS
        .split('|')
        .filter_map(|u| match_at(text, k, u))
        .max()
        // "5/50" is no rating; "5分钟" is five minutes and "5星期" five weeks.
        .filter(|&e| {
            !text
                .get(e)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '钟' | '期'))
        })
}

fn find_rating_word(text: &[char]) -> Option<(u8, usize, usize)> {
    scan(text, RATING_WORDS)
        .into_iter()
        .find(|h| h.kind > 0)
        .map(|h| (h.kind, h.start, h.end))
}

/// What separates a score from the comment ("5, …", "4分：…", "… – 3").
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || is_invisible(c)
        || matches!(
            c,
            ',' | '，'
                | '.'
                | '。'
                | '!'
                | '！'
                | ':'
                | '：'
                | ';'
                | '；'
                | '-'
                | '—'
                | '–'
                | '、'
                | '~'
        )
}

// ---------------------------------------------------------------------------------------------
// Withdrawal

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Close,
    Keep,
}

const CLOSE_PHRASES: &str = "\
    ^close|please close|pls close|plz close|kindly close|can close|could close|may close\
    |close the ticket|close this ticket|close my ticket|close the request\
    |close this request|close the case|close it|close this|^cancel|cancel the ticket\
    |cancel my request|cancel this request|never mind|nevermind|no longer needed\
    |no longer need|not needed anymore|not needed any more|no need anymore\
    |don't need it anymore|fixed it myself|solved it myself|resolved it myself\
    |sorted it myself|figured it out|withdraw|^关闭|请关闭|可关闭|麻烦关闭|关闭即可\
    |可以结束|可以关闭|帮忙关闭|帮我关闭|关闭工单|关闭此工单|关闭这个工单|关闭吧|关掉吧\
    |关了吧|关单|结单|^取消|取消工单|取消申请|撤销|撤回|不需要了|不用了|不需要处理\
    |不用处理|自行解决|自己解决了|自己搞定了|自己弄好了";

// Requests to keep it open, or complaints about it being closed, win.
const KEEP_PHRASES: &str = "\
    don't close|dont close|do not close|not close|can't close|cannot close\
    |unable to close|why|reopen|still|不要关闭|别关闭|不要关|不用关|别关|先别|先不要\
    |暂时不要|无法关闭|不能关闭|关闭不了|为什么|重新打开|还是不行|没有解决|没解决|未解决\
    |关闭了吗";

const WITHDRAWAL_PHRASES: &[(&str, Ask)] =
    &[(CLOSE_PHRASES, Ask::Close), (KEEP_PHRASES, Ask::Keep)];

/// True when the requester asks us to close or cancel the ticket ("please close", "never mind",
/// "关闭", "不需要了", "已自行解决，关闭"). A bare "close"/"关闭"/"cancel"/"取消" counts only at
/// the start of a sentence, so "the VPN window closes" or "连接被关闭" do not; "don't close",
/// "为什么关闭" and "still …" veto it.
pub fn is_withdrawal(new_text: &str) -> bool {
    let hits: Vec<Hit<Ask>> = window(new_text)
        .iter()
        .flat_map(|line| scan(line, WITHDRAWAL_PHRASES))
        .collect();
    !hits.iter().any(|h| h.kind == Ask::Keep) && hits.iter().any(|h| h.kind == Ask::Close)
}

#[cfg(test)]
#[path = "reply_tests.rs"]
mod tests;
