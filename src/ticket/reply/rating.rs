//! Satisfaction ratings (1–5) from a requester's answer to the survey: digits, stars, Chinese
//! numerals with a unit, or rating words, and the rest of the text as the comment. Pure.

use super::confirmation::{is_filler_only, window};
use super::scan::{match_at, scan, uncovered_weight, Hit};
use super::text::{answer_lines, fold_answer_char, folded, is_blank, is_invisible, mask_prompts};
use super::{MAX_LINE_CHARS, WINDOW_LINES};

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
    |outstanding|very good|very happy|five stars|five star";

const RATED_4: &str =
    "满意|比较满意|还算满意|不错|还不错|satisfied|good|happy|four stars|four star";

const RATED_3: &str = "\
    一般|还行|还可以|neutral|fair|average|not bad|three stars|three star";

const RATED_2: &str = "\
    不太满意|不满意|不大满意|不是很满意|不怎么满意|差|dissatisfied|unsatisfied|not satisfied\
    |not very satisfied|not good|not very good|not happy|unhappy|poor|bad|two stars|two star";

const RATED_1: &str = "\
    非常不满意|很不满意|很差|极差|差评|very dissatisfied|very unsatisfied|very poor\
    |very bad|terrible|awful|one star";

/// Greetings that contain a rating word but rate nothing. ("ok" is no rating at all: after a
/// survey it acknowledges far more often than it rates 3.)
const NOT_RATINGS: &str = "\
    good morning|good afternoon|good evening|good day|good night|happy new year|happy holidays\
    |happy birthday|happy weekend|happy friday|happy to help|not good at|good at|不好评价|不好评\
    |没法评价|无法评价|不便评价|不好说";

/// Score 0 marks [`NOT_RATINGS`]: matched so that they consume their words, then skipped.
pub(super) const RATING_WORDS: &[(&str, u8)] = &[
    (NOT_RATINGS, 0),
    (RATED_5, 5),
    (RATED_4, 4),
    (RATED_3, 3),
    (RATED_2, 2),
    (RATED_1, 1),
];

/// Units after a digit that make it a rating: "4分", "5/5", "5 stars", "3 out of 5".
pub(super) const RATING_UNITS: &str = "\
    /5|/ 5|分|星|颗星|stars|star|points|point|out of 5|of 5";

/// Labels that may precede a score: "rating: 4", "评分：5", "给5分".
pub(super) const RATING_LABELS: &str = "\
    rating|my rating|score|i give|i give it|i give it a|i'd give|i'd give it\
    |i'd give it a|i rate|i rate it|i rate it a|评分|打分|评价|给|打|我选|选";

/// Read a 1–5 rating: digits ("5", "4分", "5/5", full-width "５"), stars ("★★★★☆" counts the
/// filled ones, "⭐⭐⭐⭐⭐"), Chinese numerals with a unit ("五星"), or words (非常满意=5, 满意=4,
/// 一般=3, 不满意=2, 非常不满意=1, very satisfied=5, satisfied=4, neutral/ok=3,
/// dissatisfied/unsatisfied=2, very dissatisfied=1, excellent=5, good=4, poor=2, terrible=1).
/// An English rating word rates only where it stands as the answer: at the end of its clause or
/// before a word about the service ("good job", "satisfied with …"), never as an adjective on
/// something else ("good luck", "bad timing", "average response time").
/// Stars, then digits, then words; the first of the first three lines that has one wins. The rest
/// of the text is the comment. Out-of-range values ("6", "0/5", six stars) give `None`.
pub fn parse_rating(new_text: &str) -> Option<Rating> {
    parse_rating_detailed(new_text).map(|(r, _)| r)
}

/// [`parse_rating`], and whether the score came from a word ("满意") rather than a digit or stars.
pub(super) fn parse_rating_detailed(new_text: &str) -> Option<(Rating, bool)> {
    let lines: Vec<&str> = answer_lines(new_text)
        .into_iter()
        .filter(|l| !is_blank(l))
        .collect();
    for (index, line) in lines.iter().enumerate().take(WINDOW_LINES) {
        let original: Vec<char> = line.chars().take(MAX_LINE_CHARS).collect();
        let mut text: Vec<char> = original.iter().map(|&c| fold_answer_char(c)).collect();
        mask_prompts(&mut text);
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
        let rating = Rating {
            score,
            comment: (!comment.is_empty()).then_some(comment),
        };
        return Some((rating, is_word));
    }
    None
}

/// Conditions and alternatives around a score: "5 if it stays fixed", "depends", 如果, 否则.
/// Courtesy conditions ("let me know if you need anything") are listed with score 0 so that they
/// consume their words and count for nothing.
const CONDITIONS: &[(&str, u8)] = &[
    (
        "if it comes back|if it happens again|if anything changes|if you need|if needed\
        |if there is anything|if anything|如有问题|如果再出现",
        0,
    ),
    (
        "if|unless|otherwise|depends|depending|either|如果|要是|否则|不然|看情况|取决于|或者|或是",
        1,
    ),
];

/// True when the answer holds more than one score ("4 or 5", "between 3 and 4", "3-4", 4或5)
/// or a condition on it: such a reply is no rating, whatever its first digit says.
pub(super) fn has_alternatives(new_text: &str) -> bool {
    let mut scores: Vec<char> = Vec::new();
    for line in window(new_text) {
        if scan(&line, CONDITIONS).iter().any(|h| h.kind > 0) {
            return true;
        }
        let mut i = 0;
        while i < line.len() {
            let start_ok = i == 0 || line.get(i - 1).is_some_and(|p| !p.is_alphanumeric());
            if !(start_ok && line.get(i).is_some_and(char::is_ascii_digit)) {
                i += 1;
                continue;
            }
            let len = line
                .iter()
                .skip(i)
                .take_while(|c| c.is_ascii_digit() || "/-~:.到至或".contains(**c))
                .count();
            let token: String = line.iter().skip(i).take(len).collect();
            let token = token.trim_end_matches(['.', ':', '-', '~']);
            let bytes: Vec<char> = token.chars().collect();
            match bytes.as_slice() {
                // "4 out of 5": the 5 is the scale, not a second score.
                [d] if ('1'..='5').contains(d)
                    && !quantity_follows(&line, i + 1)
                    && !scale_precedes(&line, i) =>
                {
                    scores.push(*d);
                }
                [a, sep, b]
                    if ('1'..='5').contains(a)
                        && ('1'..='5').contains(b)
                        && "-~到至或".contains(*sep) =>
                {
                    return true;
                }
                _ => {}
            }
            i += len.max(1);
        }
    }
    scores.sort_unstable();
    scores.dedup();
    scores.len() > 1
}

/// "out of 5", "of 5", "(1-5)": the digit at `i` names the scale.
fn scale_precedes(line: &[char], i: usize) -> bool {
    let before: String = line.iter().take(i).collect();
    let before = before.trim_end();
    before.ends_with(" of") || before == "of" || before.ends_with("scale")
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
    // "10/10" is the top of a ten-point scale, our 5; other tenths ("8/10") are not guessed.
    for i in [first_slot, last_token_start.saturating_sub(3)] {
        let top = ["10/10", "10 / 10", "10 out of 10"]
            .iter()
            .filter_map(|p| match_at(text, i, p))
            .max();
        if let Some(end) = top {
            if i == first_slot {
                return Some((5, lead, end));
            }
            if set_off(text, i) && text.iter().skip(end).all(|c| !c.is_alphanumeric()) {
                return Some((5, i, end));
            }
        }
    }
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
        // "12/5", "10:5", "2026-12-5": the digit ends a date or a time, it is no score.
        if i > 1
            && text
                .get(i - 1)
                .is_some_and(|p| matches!(p, '/' | ':' | '-'))
            && text.get(i - 2).is_some_and(char::is_ascii_digit)
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
        // "三星显示器" is a Samsung monitor, "5 minutes" a duration, "2 people" a count.
        if is_cjk_numeral(c)
            && unit_end.is_some_and(|e| {
                text.get(e)
                    .is_some_and(|n| is_han(*n) && !"吧啦了呀哦的好满非".contains(*n))
            })
        {
            continue;
        }
        if unit_end.is_none() && quantity_follows(text, i + 1) {
            continue;
        }
        if next.is_some_and(|n| n.is_alphanumeric()) && unit_end.is_none() {
            continue;
        }
        let end = unit_end.unwrap_or(i + 1);
        if i == first_slot {
            return Some((value, lead, end));
        }
        // A bare digit ending a line rates only when punctuation sets it off ("Great job - 5");
        // after a word it names something ("floor 3", "Ext. 4" is set off by the dot though,
        // and "Room 5" is not).
        if unit_end.is_some() || (i == last_token_start && set_off(text, i)) {
            return Some((value, i, end));
        }
    }
    None
}

/// True when the nearest non-space char before `i` is punctuation, not a word or a label-like
/// abbreviation ("Ext.", "No.", "Tel:").
fn set_off(text: &[char], i: usize) -> bool {
    let before: String = text.iter().take(i).collect();
    let before = before.trim_end();
    let Some(last) = before.chars().last() else {
        return true;
    };
    if last.is_alphanumeric() {
        return false;
    }
    let word: String = before
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string();
    !matches!(
        word.as_str(),
        "ext"
            | "no"
            | "tel"
            | "room"
            | "floor"
            | "step"
            | "page"
            | "line"
            | "ticket"
            | "version"
            | "v"
            | "win"
            | "windows"
            | "level"
            | "building"
            | "bldg"
            | "rm"
            | "nr"
            | "number"
    )
}

/// Words after a number that make it a quantity, never a score.
const QUANTITY_WORDS: &str = "\
    min|mins|minute|minutes|hour|hours|hr|hrs|h|day|days|week|weeks|month|months|sec|secs\
    |second|seconds|time|times|people|users|user|person|persons|floor|pm|am|th|st|nd|rd|gb|mb\
    |more|thing|things|question|questions|issue|issues|problem|problems|step|steps\
    |点|个|次|楼|层|号|天|小时|分钟|周|月|年|人|台|遍|秒";

fn quantity_follows(text: &[char], i: usize) -> bool {
    let k = i + text
        .iter()
        .skip(i)
        .take_while(|c| c.is_whitespace())
        .count();
    QUANTITY_WORDS
        .split('|')
        .any(|w| match_at(text, k, w).is_some())
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
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

/// Words (in half-words, see `uncovered_weight`) a rating word may follow on its line: "I am
/// very satisfied", 我对这次服务非常满意. Deeper in a sentence ("have a good weekend") it rates
/// nothing.
const RATING_WORD_DEPTH: usize = 6;

fn find_rating_word(text: &[char]) -> Option<(u8, usize, usize)> {
    let hits = scan(text, RATING_WORDS);
    let hit = hits.iter().find(|h| h.kind > 0)?;
    let before = text.get(..hit.start).unwrap_or_default();
    if negated(before) {
        return None;
    }
    (uncovered_weight(before, &[] as &[Hit<u8>]) <= RATING_WORD_DEPTH && stands_alone(text, hit))
        .then_some((hit.kind, hit.start, hit.end))
}

/// "not excellent", "never satisfied", "isn't good": praise negated (other than the scale's own
/// "not satisfied", matched whole) is an opinion, not a score.
fn negated(before: &[char]) -> bool {
    let before: String = before.iter().collect();
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default()
        .to_string();
    matches!(
        last.as_str(),
        "not" | "never" | "hardly" | "isn't" | "wasn't" | "aren't" | "weren't" | "no"
    ) || last.ends_with("n't")
}

/// Words that may follow an English rating word: what it rates, or how the sentence goes on.
const AFTER_RATING_WORD: &str = "\
    service|services|job|work|support|help|experience|overall|thanks|thank|with|about|by|so\
    |indeed|too|and|but|as|very|really|team|guys|fix|result|everyone|all|from|for";

/// True when the rating word ends its clause or is followed by a word from
/// [`AFTER_RATING_WORD`]. Chinese rating words stand alone by construction (满意, 非常满意).
fn stands_alone(text: &[char], hit: &Hit<u8>) -> bool {
    if !hit.phrase.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return true;
    }
    let k = hit.end
        + text
            .iter()
            .skip(hit.end)
            .take_while(|c| c.is_whitespace())
            .count();
    match text.get(k) {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(_) => AFTER_RATING_WORD
            .split('|')
            .any(|w| match_at(text, k, w).is_some()),
    }
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
