//! Subjects, times and durations as they appear in our mails.

use crate::ticket::model::Timestamp;

/// `[#N] subject`, without stacking reply prefixes or an old tag.
pub fn tagged_subject(number: i64, subject: &str) -> String {
    let base = strip_reply_prefixes(subject);
    let base = strip_tag(&base, number);
    format!("[#{number}] {base}")
}

fn strip_tag(subject: &str, number: i64) -> String {
    let tag = format!("[#{number}]");
    subject.replace(&tag, "").trim().to_string()
}

/// Remove `Re:`, `RE:`, `Fwd:`, `回复:`, `答复:`, `转发:`, `AW:`, `SV:`, `VS:` … prefixes.
pub fn strip_reply_prefixes(subject: &str) -> String {
    static PREFIX: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?i)\s*(re|fwd?|aw|sv|vs|wg|tr|rv|antw|回复|答复|回覆|答覆|转发|轉寄|转寄)\s*(\[\d+\])?\s*[:：]\s*",
        )
        .ok()
    });
    let mut s = subject.trim().to_string();
    if let Some(re) = PREFIX.as_ref() {
        while let Some(m) = re.find(&s) {
            if m.end() == 0 {
                break;
            }
            s = s.get(m.end()..).unwrap_or_default().to_string();
        }
    }
    s.trim().to_string()
}

/// A subject safe for a header: control characters (CR, LF, NUL …) become spaces.
pub fn clean_subject(subject: &str) -> String {
    let cleaned: String = subject
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[#N]` in a subject: the ticket a reply belongs to.
pub fn subject_ticket_number(subject: &str) -> Option<i64> {
    let start = subject.find("[#")?;
    let rest = subject.get(start + 2..)?;
    let end = rest.find(']')?;
    rest.get(..end)?.trim().parse().ok()
}

/// Local time as `2026-11-30 09:15 (Asia/Shanghai)`.
pub fn local_time(ts: Timestamp, tz: chrono_tz::Tz) -> String {
    match chrono::DateTime::from_timestamp(ts, 0) {
        Some(utc) => utc.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
        None => ts.to_string(),
    }
}

/// "15 minutes" / "2 hours" / "15 分钟" / "2 小时".
pub fn human_duration(secs: i64, lang: &str) -> String {
    let (n, unit_en, unit_zh) = if secs % 86_400 == 0 && secs >= 86_400 {
        (secs / 86_400, "day", "天")
    } else if secs % 3600 == 0 && secs >= 3600 {
        (secs / 3600, "hour", "小时")
    } else {
        (secs / 60, "minute", "分钟")
    };
    if lang == "zh" {
        format!("{n} {unit_zh}")
    } else if n == 1 {
        format!("1 {unit_en}")
    } else {
        format!("{n} {unit_en}s")
    }
}
