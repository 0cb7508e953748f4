//! The sender's newest text: quoted history, forwarded headers, signatures and legal
//! disclaimers removed. Pure string work, no MIME. Conservative by design: when a
//! marker is ambiguous the text stays, because losing the sender's words loses the
//! request while keeping a quote only adds noise.

use regex::Regex;
use std::sync::LazyLock;

/// A line that starts quoted history or a forward: everything from it on is old.
static CUT_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        // -----Original Message----- / -----原始邮件----- / QQ's long dashes / forwards
        r"[-—_=\s]{2,}\s*(?:original message|原始邮件|原始郵件|原邮件|forwarded message|转发邮件|轉寄郵件|转发的邮件|邮件原文)\s*[-—_=\s]{2,}",
        r"|begin forwarded message\s*:?",
        // Mobile client footers: nothing of the sender's follows them.
        r"|sent from my \w+.{0,30}|get outlook for (?:ios|android)(?:\s*<https?://\S+>)?|发自我的\s*\S+|从我的\s*\S+\s*发送|來自我的\s*\S+|发自网易邮箱.{0,20}|发自\s*(?:QQ|企业微信|钉钉).{0,20}",
        r"|.{0,300}(?:写道|寫道)\s*[:：]",
        r"|在\s*.{2,200}(?:写道|寫道)\s*[:：]?",
        r"|on\s.{6,300}\swrote\s*:",
        // Lotus Notes: -----"Name" <addr> wrote: -----
        r"|-{3,}\s*.{2,200}\swrote\s*:\s*-{3,}",
        r"|.{2,300}<[^>\s]+@[^>\s]+>\s*wrote\s*:",
        r"|le\s.{6,200}\sa écrit\s*:",
        r"|am\s.{6,200}\sschrieb\s.{0,100}:",
        r")\s*$"
    ))
    .ok()
});

/// `From:`-style header line that opens a quoted header block (Outlook, Foxmail, 163).
static HEADER_FROM: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\*?(?:from|发件人|發件人|寄件者|寄件人)\s*\*?\s*[:：]").ok()
});

/// The line that proves a header block: Sent/Date/To/Subject in the next few lines.
static HEADER_SECOND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\*?(?:sent|date|to|subject|cc|发送时间|發送時間|时间|時間|日期|寄件日期|收件人|主题|主旨|主題|抄送)\s*\*?\s*[:：]").ok()
});

/// Outlook's separator line above a quoted header block.
static SEPARATOR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:_{10,}|-{10,}|={10,}|—{5,})$").ok());

/// A confidentiality notice or legal disclaimer: never the sender's request.
static DISCLAIMER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\W{0,3}(?:(?:注意|声明|聲明|重要|important|notice|note|legal)\s*[:：]?\s*)?(?:",
        r"confidential(?:ity)?(?: notice| note)?\s*[:：]",
        r"|disclaimer\s*[:：]",
        r"|(?:this|the information in this) (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]{0,40})? (?:is|are|may be|may contain|contains)[^.]{0,40}(?:confidential|privileged|intended (?:solely|only))",
        r"|if you (?:are not|have received this)[^.]{0,40}(?:intended recipient|in error)",
        r"|(?:本|此)(?:邮件|郵件|电子邮件|電子郵件)[^。]{0,40}(?:保密|机密|機密|仅供|僅供|指定收件人|免责|免責)",
        r"|(?:免责声明|免責聲明|保密声明|保密聲明|法律声明)",
        r")"
    ))
    .ok()
});

/// A sign-off line after which only a short signature block may follow.
static SIGN_OFF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:best regards|kind regards|warm regards|regards|best wishes|best|cheers|many thanks|thanks(?: and regards| & regards| in advance| a lot)?|thank you(?: very much)?|sincerely|yours sincerely|br",
        r"|此致|此致敬礼|祝好|顺祝商祺|順祝商祺|祝工作顺利|谢谢|謝謝|多谢|多謝|感谢|感謝|辛苦了|麻烦了)[,，.。!！\s]*$"
    ))
    .ok()
});

fn is_match(re: &LazyLock<Option<Regex>>, line: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(line))
}

/// Longest signature block (in non-empty lines) a sign-off may be followed by.
const MAX_SIGNATURE_LINES: usize = 6;
/// Longest line (in chars) that still looks like part of a signature block.
const MAX_SIGNATURE_LINE_CHARS: usize = 80;

/// The sender's text with quoted history and forwards cut but signatures kept: for
/// checks where a sign-off block is evidence (a marketer's contact line).
pub fn without_history(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.lines().collect();
    let cut = cut_index(&lines);
    let kept: Vec<&str> = lines
        .iter()
        .take(cut)
        .copied()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect();
    trim_blank_lines(&kept)
}

/// The newest text the sender wrote, from a decoded plain-text body.
pub fn newest_text(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.lines().collect();
    let cut = cut_index(&lines);
    let kept_lines: Vec<&str> = lines
        .iter()
        .take(cut)
        .copied()
        // Inline replies: quoted lines go, the sender's lines between them stay.
        .filter(|l| !l.trim_start().starts_with('>'))
        // A gateway's banner is not the sender's, and would pass for the text above a name.
        .filter(|l| !is_external_banner(l))
        .collect();
    let kept_lines = strip_signature(&kept_lines);
    let kept_lines = strip_trailing_name_block(&kept_lines);
    let joined = trim_blank_lines(&kept_lines);
    if joined.trim().is_empty() {
        // Nothing of the sender's own: a bare forward. Its content is all we have.
        return trim_blank_lines(&lines);
    }
    joined
}

/// Banners that mail gateways put at the top of a message from outside (lower case, `：` read
/// as `:`).
const BANNERS: &[&str] = &[
    "caution: this email originated from outside",
    "caution: this e-mail originated from outside",
    "caution: external email",
    "[external]",
    "external email:",
    "this email originated from outside",
    "this message originated from outside",
    "【外部邮件】",
    "[外部邮件]",
    "外部邮件:",
];

/// True for a mail gateway's external-mail banner line ("CAUTION: This email originated from
/// outside …", 【外部邮件】…).
pub fn is_external_banner(line: &str) -> bool {
    let l = line
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}')
        .to_lowercase()
        .replace('：', ":");
    BANNERS.iter().any(|b| l.starts_with(b))
}

/// Index of the first line of quoted history, forwarded headers, signature or
/// disclaimer; `lines.len()` when there is none.
fn cut_index(lines: &[&str]) -> usize {
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line == "--" || raw.trim_end_matches(['\r', '\n']) == "-- " {
            return i;
        }
        if is_match(&CUT_LINE, line) {
            return i;
        }
        // "On Mon, 10 Mar 2025 at 09:00, Someone <x@y>" wrapped onto the next line.
        if (line.starts_with("On ") || line.starts_with('在')) && i + 1 < lines.len() {
            let joined = format!(
                "{line} {}",
                lines.get(i + 1).map(|l| l.trim()).unwrap_or_default()
            );
            if is_match(&CUT_LINE, &joined) {
                return i;
            }
        }
        if is_match(&HEADER_FROM, line) && header_block_follows(lines, i) {
            return i;
        }
        if is_match(&SEPARATOR, line) {
            let next_from = lines
                .iter()
                .skip(i + 1)
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .take(2)
                .any(|l| is_match(&HEADER_FROM, l) || is_match(&HEADER_SECOND, l));
            if next_from {
                return i;
            }
        }
        if is_match(&DISCLAIMER, line) {
            return i;
        }
    }
    lines.len()
}

/// A `From:` line opens a quote only when a Sent/Date/To/Subject line follows closely.
fn header_block_follows(lines: &[&str], from_index: usize) -> bool {
    lines
        .iter()
        .skip(from_index + 1)
        .take(4)
        .any(|l| is_match(&HEADER_SECOND, l.trim()))
}

/// Drop a sign-off and the short block after it ("Thanks,\nAnna\nFinance").
fn strip_signature<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let last_text = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .unwrap_or(0);
    for (i, line) in lines.iter().enumerate() {
        if !is_match(&SIGN_OFF, line.trim()) {
            continue;
        }
        let tail: Vec<&&str> = lines
            .iter()
            .skip(i + 1)
            .take(last_text.saturating_sub(i))
            .filter(|l| !l.trim().is_empty())
            .collect();
        // A signature is short lines of names and numbers, not sentences.
        let short = tail.len() <= MAX_SIGNATURE_LINES
            && tail.iter().all(|l| {
                let l = l.trim();
                l.chars().count() <= MAX_SIGNATURE_LINE_CHARS
                    && !l.contains('。')
                    && !l.ends_with(['？', '！', '?', '!'])
            });
        let has_text_before = lines.iter().take(i).any(|l| !l.trim().is_empty());
        if short && has_text_before {
            return lines.iter().take(i).copied().collect();
        }
    }
    lines.to_vec()
}

/// Most senders sign without a sign-off: "Tom Walsh / Account Manager", "罗琳 采购部
/// 分机 5120". Department and job titles ("Network Operations", "信息安全组") would
/// otherwise count as evidence. Only a block of at most three short, name- or
/// title-like lines at the very end, after a finished sentence or a blank line, goes.
fn strip_trailing_name_block<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let Some(last) = lines.iter().rposition(|l| !l.trim().is_empty()) else {
        return lines.to_vec();
    };
    let mut start = last + 1;
    let mut count = 0;
    while start > 0 {
        let Some(line) = lines.get(start - 1) else {
            break;
        };
        let line = line.trim();
        if line.is_empty() || count == 3 || !is_name_or_title_line(line) {
            break;
        }
        start -= 1;
        count += 1;
    }
    if count == 0 {
        return lines.to_vec();
    }
    // What precedes must be a finished sentence or a blank line, and must exist.
    let before: Vec<&str> = lines.iter().take(start).copied().collect();
    let Some(prev) = before.iter().rev().find(|l| !l.trim().is_empty()) else {
        return lines.to_vec();
    };
    let prev_line = lines
        .get(start.saturating_sub(1))
        .map(|l| l.trim())
        .unwrap_or_default();
    let finished = prev
        .trim_end()
        .ends_with(['。', '！', '？', '.', '!', '?', '~', '）', ')']);
    if prev_line.is_empty() || finished {
        before
    } else {
        lines.to_vec()
    }
}

fn is_name_or_title_line(line: &str) -> bool {
    if line.chars().count() > 40
        || line.ends_with(['。', '！', '？', '.', '!', '?', '：', ':', '，', ';', '；'])
        || line.contains(['，', '。', '？', '！'])
    {
        return false;
    }
    let cjk = line
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    if cjk > 0 {
        const TITLE_WORDS: [&str; 16] = [
            "部",
            "组",
            "中心",
            "经理",
            "主管",
            "工程师",
            "总监",
            "助理",
            "分机",
            "电话",
            "手机",
            "科",
            "处",
            "值班",
            "专员",
            "主任",
        ];
        cjk <= 4
            || line.contains([' ', '|', '｜', '/', '·'])
            || TITLE_WORDS.iter().any(|w| line.contains(w))
    } else {
        // English: a few capitalised words (names, titles), digits or phone characters.
        let words: Vec<&str> = line.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                let w = w.trim_matches(|c: char| c == ',' || c == '|' || c == '(' || c == ')');
                w.is_empty()
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '+')
                    || matches!(w, "of" | "and" | "&" | "-" | "|" | "at")
            })
    }
}

fn trim_blank_lines(lines: &[&str]) -> String {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        (Some(s), Some(e)) if s <= e => lines
            .iter()
            .skip(s)
            .take(e - s + 1)
            .map(|l| l.trim_end())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::newest_text;

    #[test]
    fn cuts_quoted_history_and_signatures() {
        let cases: &[(&str, &str, &str)] = &[
            ("plain text stays", "Printer jams.\nPlease help.", "Printer jams.\nPlease help."),
            (
                "outlook separator block",
                "Mail is broken.\n\nJames\n\n________________________________\nFrom: Anna <a@x>\nSent: Monday\nTo: James\nSubject: hi\n\nold text",
                "Mail is broken.",
            ),
            (
                "original message dashes",
                "VPN drops.\n-----Original Message-----\nFrom: x\nold",
                "VPN drops.",
            ),
            (
                "external banner above a short answer",
                "CAUTION: This email originated from outside of the organization.\n\n5",
                "5",
            ),
            (
                "zh banner above a short answer",
                "【外部邮件】此邮件来自公司外部，请勿点击不明链接。\n\n解决了\n\n发自网易邮箱大师",
                "解决了",
            ),
            (
                "outlook mobile footer with its link",
                "Works now\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n____\nFrom: IT",
                "Works now",
            ),
            (
                "lotus notes attribution",
                "Not tested yet.\n\n-----\"IT Desk\" <s@x.com> wrote: -----\nTo: me\nold",
                "Not tested yet.",
            ),
            (
                "qq style",
                "电脑锁定了\n\n------------------ 原始邮件 ------------------\n发件人: \"IT\"<s@x>;\n发送时间: 2025年\n旧内容",
                "电脑锁定了",
            ),
            (
                "chinese outlook header block",
                "打印机卡纸。\n\n发件人: 张三\n发送时间: 2025年3月10日 9:00\n收件人: IT\n主题: 旧\n旧内容",
                "打印机卡纸。",
            ),
            (
                "163 style wrote",
                "资产已归还。\n\n在 2025-03-10 09:00:00，\"张三\" <z@x> 写道：\n> 请归还",
                "资产已归还。",
            ),
            (
                "gmail wrote wrapped",
                "Thanks, it works now.\n\nOn Mon, Mar 10, 2025 at 9:00 AM Support <\nsupport@example.test> wrote:\n> Try again",
                "Thanks, it works now.",
            ),
            (
                "dash dash signature",
                "Laptop will not charge.\n\n-- \nBob Smith\nSales",
                "Laptop will not charge.",
            ),
            (
                "disclaimer",
                "Need access to the share.\n\nCONFIDENTIALITY NOTICE: This e-mail may contain viruses and passwords.",
                "Need access to the share.",
            ),
            (
                "prefixed chinese disclaimer",
                "VPN 连不上。\n\n注意：本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人。",
                "VPN 连不上。",
            ),
            (
                "english attachments disclaimer",
                "Printer is jammed.\n\nThis email and any attachments are confidential and intended solely for the addressee.",
                "Printer is jammed.",
            ),
            (
                "sign-off with short block",
                "The monitor flickers.\n\nBest regards,\nAnna Lee\nFinance\n",
                "The monitor flickers.",
            ),
            (
                "inline reply keeps own lines",
                "> Which printer?\nThe one on floor 3.\n> Since when?\nToday.",
                "The one on floor 3.\nToday.",
            ),
            (
                "bare forward keeps content",
                "-----Original Message-----\nFrom: x\nSent: y\n\nDisk failure on NAS",
                "-----Original Message-----\nFrom: x\nSent: y\n\nDisk failure on NAS",
            ),
            (
                "forward with a line on top",
                "why was my mail rejected?\n\n---------- Forwarded message ---------\nFrom: MAILER-DAEMON\nDate: x\nUndelivered",
                "why was my mail rejected?",
            ),
            (
                "mobile footer",
                "Projector is dead in room 5.\n\nSent from my iPhone\n\nOn Mon wrote:",
                "Projector is dead in room 5.",
            ),
            (
                "chinese mobile footer",
                "投影仪坏了\n\n发自我的 iPhone",
                "投影仪坏了",
            ),
            (
                "full-width colon outlook block",
                "VPN 又断了\n\n发件人：张三\n发送时间：2025年3月1日\n收件人：IT\n主题：VPN\n旧",
                "VPN 又断了",
            ),
            (
                "sentence after thanks is kept",
                "打印机卡纸。\n谢谢！\n另外三楼的投影仪也坏了，能一起看看吗？",
                "打印机卡纸。\n谢谢！\n另外三楼的投影仪也坏了，能一起看看吗？",
            ),
            (
                "trailing name and title block",
                "My monitor flickers.\n\nJohn Smith\nNetwork Operations Engineer",
                "My monitor flickers.",
            ),
            (
                "chinese name and department",
                "麻烦尽快处理，谢谢！\n罗琳 采购部 分机 5120",
                "麻烦尽快处理，谢谢！",
            ),
            (
                "short last line of content stays",
                "你好。\n打印机坏了",
                "你好。\n打印机坏了",
            ),
            (
                "lowercase last line stays",
                "Hello.\n\nprinter on 3F broken",
                "Hello.\n\nprinter on 3F broken",
            ),
            (
                "from line in prose is not a quote",
                "From: the finance team we heard the printer is broken.\nIt jams daily.",
                "From: the finance team we heard the printer is broken.\nIt jams daily.",
            ),
            (
                "thanks mid-text with long tail is kept",
                "Thanks\nThe VPN disconnects every ten minutes when I am on the hotel wifi and I cannot finish the upload of the quarterly report that is due.",
                "Thanks\nThe VPN disconnects every ten minutes when I am on the hotel wifi and I cannot finish the upload of the quarterly report that is due.",
            ),
        ];
        for (name, input, want) in cases {
            assert_eq!(newest_text(input), *want, "case {name}");
        }
    }

    #[test]
    fn crlf_input_gives_same_result_as_lf() {
        let lf = "VPN drops.\n-----Original Message-----\nold";
        assert_eq!(newest_text(&lf.replace('\n', "\r\n")), newest_text(lf));
    }
}
