//! The requester's answer to the suggested articles: did one solve it? A stand-in with the
//! shape of `ticket::reply::read_kb_answer` (being written by another change): the lead
//! switches the caller over when both are merged. Pure. An unclear answer never resolves.

use regex::Regex;
use std::sync::LazyLock;

/// What the requester said about the suggested article(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KbAnswer {
    /// The article solved it: the ticket resolves as self-service.
    Solved,
    /// It did not help: the ticket stays open for an engineer.
    NotSolved,
    /// Neither, both, or a question: leave it to the engineer.
    Unclear,
}

static NEGATIVE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)没(有)?(解决|好|用|帮助|效果)|未解决|还是(不行|不能|没|一样|老样子|有问题)|依然|仍然|不行|不管用|没用|无效|不起作用|不好使|",
        r"\b(?:not|isn.?t|wasn.?t) (?:solved|fixed|resolved|working|helpful)\b|",
        r"\b(?:did ?n.?t|does ?n.?t|did not|does not|won.?t|can.?t|cannot) (?:help|work|fix|solve|resolve)\b|",
        r"\bstill (?:not|broken|failing|doesn.?t|does not|can.?t|cannot|the same|happening|down)\b|",
        r"\bno luck\b|\bsame (?:problem|error|issue)\b|\bno change\b|\bnope\b"
    ))
    .ok()
});

static POSITIVE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)解决了|已解决|已经解决|搞定|好了|可以了|行了|没问题了|正常了|恢复了|能用了|成功了|弄好了|管用|有用|有效|",
        r"\b(?:solved|fixed|resolved|sorted|works?(?:ing)? (?:now|again|fine)|that (?:did it|worked|helped)|it worked|all good|problem gone)\b"
    ))
    .ok()
});

/// Read the first lines of the requester's new text (quotes already removed).
pub fn read_kb_answer(text: &str) -> KbAnswer {
    let head: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let head: String = head.chars().take(300).collect();
    let found = |re: &LazyLock<Option<Regex>>| re.as_ref().is_some_and(|r| r.is_match(&head));
    let negative = found(&NEGATIVE);
    let positive = found(&POSITIVE);
    let question = head.contains('?') || head.contains('？') || head.contains('吗');
    match (positive, negative) {
        (true, false) if !question => KbAnswer::Solved,
        (false, true) => KbAnswer::NotSolved,
        _ => KbAnswer::Unclear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_table() {
        let cases = [
            ("解决了", KbAnswer::Solved),
            ("按照文章操作已经好了，谢谢", KbAnswer::Solved),
            ("谢谢，可以了", KbAnswer::Solved),
            ("solved, thanks", KbAnswer::Solved),
            ("That worked, thank you!", KbAnswer::Solved),
            ("It works now.", KbAnswer::Solved),
            ("还是不行", KbAnswer::NotSolved),
            ("没解决，还是连不上", KbAnswer::NotSolved),
            ("文章没用", KbAnswer::NotSolved),
            ("It did not help", KbAnswer::NotSolved),
            ("didn't work, same error", KbAnswer::NotSolved),
            ("still not working", KbAnswer::NotSolved),
            ("解决了吗？", KbAnswer::Unclear),
            ("VPN 好了，但是打印机还是不行", KbAnswer::Unclear),
            ("I will try tomorrow", KbAnswer::Unclear),
            ("我在三楼，电话 8021", KbAnswer::Unclear),
            ("", KbAnswer::Unclear),
        ];
        for (text, want) in cases {
            assert_eq!(read_kb_answer(text), want, "{text}");
        }
    }
}
