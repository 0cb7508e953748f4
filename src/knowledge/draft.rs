//! Drafts: a solved ticket turned into an article — symptom from the request, cause from
//! the engineer's notes, fix from the resolution, category and keywords from the
//! classification — with the requester's personal data scrubbed out (names, e-mail
//! addresses, phone numbers, postal addresses). Pure: the shell writes the text to
//! `kb/drafts/`, where it is never suggested until published.

use crate::ticket::model::{Language, Ticket};
use regex::Regex;
use std::sync::LazyLock;

/// What a draft is made from.
#[derive(Debug, Clone)]
pub struct Material<'a> {
    pub ticket: &'a Ticket,
    /// The text of the mail that opened the ticket.
    pub request: &'a str,
    /// The engineers' internal notes, oldest first.
    pub notes: &'a [String],
    /// Names to remove besides the requester's (the engineers').
    pub names: &'a [String],
}

struct Scrub {
    re: Option<Regex>,
    with: &'static str,
}

fn rule(pattern: &str, with: &'static str) -> Scrub {
    Scrub {
        re: Regex::new(pattern).ok(),
        with,
    }
}

static SCRUBS: LazyLock<Vec<Scrub>> = LazyLock::new(|| {
    vec![
        rule(r"(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", "[email]"),
        rule(r"(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}", "[phone]"),
        rule(
            r"(?i)(?:\b(?:ext\.?|extension|tel\.?|phone|mobile|cell)\s*[:#]?\s*|分机\s*[:：]?\s*|电话\s*[:：]?\s*|手机\s*[:：]?\s*)\+?\d[\d\s-]{2,}\d",
            "[phone]",
        ),
        rule(
            r"\+\d{1,3}[\s-]?\d{1,4}[\s-]?\d{3,4}[\s-]?\d{3,4}",
            "[phone]",
        ),
        rule(
            r"[\p{Han}\d]{2,12}(?:省|市)[\p{Han}\d]{0,12}(?:区|县)?[\p{Han}\d]{1,20}(?:路|街|道|巷|弄)[\d一二三四五六七八九十]+号(?:[\p{Han}\d]{0,10}(?:室|楼|单元))?",
            "[address]",
        ),
        rule(
            r"(?i)\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|court|ct)\b\.?",
            "[address]",
        ),
        rule(r"(?:我是|我叫|本人)[\p{Han}]{2,3}", "[name]"),
        rule(
            r"(?i)\b(?:my name is|this is|i am|i'm)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?",
            "[name]",
        ),
    ]
});

static GREETING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:hi|hello|dear|hey|good (?:morning|afternoon))\b[^\n]{0,40}$|^[^\n]{0,12}(?:您好|你好)[，,：:！!]?\s*$|^\s*(?:regards|best|thanks|thank you|cheers|谢谢|此致|敬礼)[^\n]{0,40}$").ok()
});

/// Remove personal data from `text`: every name in `names` (whole, case-insensitive),
/// e-mail addresses, phone numbers, postal addresses, greeting and sign-off lines, and
/// everything after a signature separator (`-- `).
pub fn scrub(text: &str, names: &[String]) -> String {
    let mut kept = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let last_content = lines.iter().rposition(|l| !l.trim().is_empty());
    for (i, line) in lines.iter().enumerate() {
        if line.trim_end() == "--" || line.starts_with("-- ") {
            break;
        }
        if GREETING.as_ref().is_some_and(|g| g.is_match(line)) {
            continue;
        }
        // A short last line after a sign-off is usually the signature name.
        if Some(i) == last_content && i > 0 && line.trim().chars().count() <= 12 {
            let prev_signoff = lines
                .get(i.wrapping_sub(1))
                .is_some_and(|p| GREETING.as_ref().is_some_and(|g| g.is_match(p)));
            if prev_signoff {
                continue;
            }
        }
        kept.push(*line);
    }
    let mut s = kept.join("\n");
    for r in SCRUBS.iter() {
        if let Some(re) = &r.re {
            s = re.replace_all(&s, r.with).into_owned();
        }
    }
    for n in names
        .iter()
        .map(|n| n.trim())
        .filter(|n| n.chars().count() >= 2)
    {
        if let Ok(re) = Regex::new(&format!("(?i){}", regex::escape(n))) {
            s = re.replace_all(&s, "[name]").into_owned();
        }
        // "Zhang Wei" → also "Zhang" and "Wei" alone.
        for part in n.split_whitespace().filter(|p| p.chars().count() >= 3) {
            if let Ok(re) = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(part))) {
                s = re.replace_all(&s, "[name]").into_owned();
            }
        }
    }
    s.trim().to_string()
}

/// The draft article for a solved ticket, as Markdown with front matter.
pub fn render_draft(m: &Material<'_>) -> String {
    let t = m.ticket;
    let zh = t.language.template_lang() == "zh";
    let mut names: Vec<String> = m.names.to_vec();
    names.extend(t.requester_name.clone());
    if let Some(local) = t.requester.split('@').next() {
        names.push(local.to_string());
    }
    let clean = |s: &str| scrub(s, &names);
    let mut keywords: Vec<String> = crate::ticket::lifecycle::reason_words(&t.reasons, "category");
    keywords.extend(crate::ticket::lifecycle::reason_words(
        &t.reasons, "priority",
    ));
    keywords.retain(|k| !k.contains(',') && k.chars().count() <= 30);
    keywords.dedup();
    let title = clean(&crate::ticket::lifecycle::strip_reply_prefixes(&t.subject));
    let title = if title.is_empty() {
        format!("Ticket {}", t.number)
    } else {
        title
    };
    let symptom = clean(m.request);
    let cause = if m.notes.is_empty() {
        if zh {
            "（请工程师补充原因）"
        } else {
            "(engineer: please add the cause)"
        }
        .to_string()
    } else {
        clean(&m.notes.join("\n\n"))
    };
    let fix = t
        .solution
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            if zh {
                "（请工程师补充处理方法）"
            } else {
                "(engineer: please add the fix)"
            }
            .to_string()
        });
    let (h_symptom, h_cause, h_fix) = if zh {
        ("**现象**", "**原因**", "**处理方法**")
    } else {
        ("**Symptom.**", "**Cause.**", "**Fix.**")
    };
    let lang = match t.language {
        Language::En => "en",
        Language::Zh | Language::Mixed => "zh",
    };
    format!(
        "---\ncategory: {}\nkeywords: {}\nlanguage: {lang}\n---\n# {title}\n\n{h_symptom}\n{symptom}\n\n{h_cause}\n{cause}\n\n{h_fix}\n{fix}\n\n<!-- Draft from ticket #{}. Review, then `supportbot kb publish` it. -->\n",
        t.category.as_str(),
        keywords.join(", "),
        t.number,
    )
}

/// The draft's file name for a ticket: `ticket-42.zh.md`.
pub fn draft_file_name(t: &Ticket) -> String {
    format!("ticket-{}.{}.md", t.number, t.language.template_lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubber_removes_personal_data() {
        let names = vec!["Zhang Wei".to_string(), "李娜".to_string()];
        let cases = [
            (
                "Hi team,\nVPN drops. Call me on ext. 4410 or 138 1234 5678.\nRegards,\nZhang Wei",
                &["4410", "138", "Zhang", "Regards", "Hi team"][..],
            ),
            (
                "我是李娜，手机 13812345678，邮箱 lina@example.com",
                &["李娜", "13812345678", "lina@"][..],
            ),
            (
                "地址：上海市浦东新区张江路88号3号楼201室",
                &["张江路88号"][..],
            ),
            (
                "I live at 221 Baker Street, my name is John Smith",
                &["221 Baker", "John Smith"][..],
            ),
            (
                "printer jam\n-- \nWang Fang\nSales, +86 21 5555 1234",
                &["Wang Fang", "5555"][..],
            ),
            (
                "zhang.wei@corp.example.com cannot log in",
                &["zhang.wei"][..],
            ),
        ];
        for (text, gone) in cases {
            let s = scrub(text, &names);
            for g in gone {
                assert!(!s.contains(g), "{g:?} left in {s:?}");
            }
        }
        let kept = scrub(
            "Printer on floor 3 shows error 0x80070005 since 9am",
            &names,
        );
        assert_eq!(kept, "Printer on floor 3 shows error 0x80070005 since 9am");
    }
}
