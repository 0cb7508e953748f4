//! Is this mail written by a person asking for help, or by a machine (auto-reply,
//! bounce, bulk, spam)? Pure. RFC 3834 and the labelling guide decide; answering a
//! machine is how mail loops start.
//!
//! Evidence is graded as in the guide's §2: one *strong* signal decides; *medium*
//! signals need a second signal; *weak* ones (subject prefixes, body phrases) need a
//! second hint and never beat a person's own question. Headers and MIME shape are read
//! first, words last. Spam is flagged only on combined evidence, because a false spam
//! verdict silently loses a real request.

use super::InboundMail;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// The kind of an inbound mail, as printed by `supportbot classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    Request,
    Autoreply,
    Bounce,
    Bulk,
    Spam,
}

impl MailKind {
    /// The name printed by `supportbot classify` and stored with ignored mail.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Request => "request",
            MailKind::Autoreply => "autoreply",
            MailKind::Bounce => "bounce",
            MailKind::Bulk => "bulk",
            MailKind::Spam => "spam",
        }
    }
}

/// The decision and the evidence for it (empty for requests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Request, or which kind of machine mail.
    pub kind: MailKind,
    /// Short human strings naming the evidence, e.g. "Auto-Submitted: auto-replied".
    pub reasons: Vec<String>,
}

impl Verdict {
    fn new(kind: MailKind, reasons: Vec<String>) -> Verdict {
        Verdict { kind, reasons }
    }
}

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

fn is_match(re: &LazyLock<Option<Regex>>, text: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(text))
}

fn first_match<'t>(re: &LazyLock<Option<Regex>>, text: &'t str) -> Option<&'t str> {
    re.as_ref().and_then(|r| r.find(text)).map(|m| m.as_str())
}

/// Local parts that only machines send from.
static MACHINE_SENDER: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?i)^(?:mailer-daemon|postmaster|mail-daemon|maildelivery)$"));

static NOREPLY_SENDER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:no-?reply|do-?not-?reply|donotreply|noreply-[\w.-]+|[\w.-]+-noreply|notifications?|auto-?reply|autoresponder|bounces?(?:[+-][\w.=-]*)?)$",
    )
});

static BOUNCE_DISPLAY_NAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:mail delivery (?:system|subsystem|service)|mail administrator|mailer-daemon|postmaster|系统退信|退信服务|邮件投递系统)",
    )
});

/// Subjects of delivery status notifications, from many MTAs and providers.
static BOUNCE_SUBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:",
        r"undeliver(?:ed|able)(?: mail)?|delivery status notification|mail delivery (?:failed|failure|subsystem)",
        r"|delivery (?:failure|failed|has failed|delayed|notification|report)|returned mail|failure notice",
        r"|warning: (?:could not send|message .{0,40}delayed)|message (?:not delivered|delayed|delivery failed)",
        r"|non-?delivery report|nicht zustellbar|non remis|无法送达|未能送达|退信|系统退信|邮件投递失败|投递失败|發送失敗|无法投递|延迟投递|邮件延迟",
        r")"
    ))
});

/// DSN wording in the body (weak: a person may paste it).
static BOUNCE_BODY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:could not be delivered|couldn't be delivered|wasn't delivered|was not delivered|delivery (?:to the following recipients? )?(?:has )?failed",
        r"|permanent (?:error|failure)|this is an automatically generated delivery status|created automatically by mail delivery software",
        r"|delivery has been delayed|will retry|recipient address rejected|user unknown|mailbox unavailable",
        r"|(?-u:\b)5\.\d\.\d{1,3}(?-u:\b)|无法将邮件传递|无法送达|投递失败|退信|未能成功发送|收件人地址不存在)"
    ))
});

/// Localized auto-reply subject prefixes (Exchange, Gmail, QQ, 163, Lotus, …).
static AUTOREPLY_SUBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^\s*(?:",
        r"automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|auto:|out of (?:the )?office|ooo(?-u:\b)|on vacation|vacation reply|away from (?:the )?office",
        r"|absence|abwesenheit|réponse automatique|respuesta automática|risposta automatica|resposta automática|automatisch antwoord",
        r"|自动回复|自动答复|自動回覆|自動回復|自动应答|自動答覆|休假|不在办公室|外出|請假|请假",
        r"|(?:request|ticket|case) (?:received|created|logged|acknowledg)|we(?:'ve| have) received your|已收到|已受理|工单已",
        r")"
    ))
});

/// Out-of-office and acknowledgement wording in the body.
static AUTOREPLY_BODY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        // First-person absence statements, not the words alone: "my out of office
        // reply won't turn off" is a person's problem.
        r"(?i)(?:(?:i am|i.m|i will be|i.ll be|currently|i have been) (?:out of (?:the )?office|on (?:annual |parental |sick )?leave|on vacation|on holiday|away|travell?ing)|away from (?:the|my) (?:office|desk) until|limited access to (?:e-?mail|my mail)",
        r"|will (?:be back|return|reply|respond) (?:on|when|after|as soon)|back (?:in the office )?on \w+|this is an automatic(?:ally generated)? (?:reply|response|message)",
        r"|(?:your|the) (?:request|ticket|case|message|e-?mail) (?:has been|was|is) (?:received|created|logged|opened)|thank you for contacting",
        r"|这是一封自动回复|此为自动回复|(?:本|此)邮件(?:为|是)自动|我(?:正在|目前|现在)?(?:在)?(?:休假|出差|外出|请假|休年假)|休假中|不在办公室|期间(?:不方便|无法)?(?:查看|回复)?邮件|延迟回复|回复可能延迟|尽快(?:给您)?回复|已收到您的|工单已(?:受理|创建|提交)|您的(?:请求|工单|邮件)已)"
    ))
});

/// A sender's own ask: wins over weak auto-reply/bounce words (guide §2 rule 1).
static HUMAN_ASK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"(?i)[?？]|请问|怎么|如何|为什么|为啥|能否|能不能|可以帮|麻烦|帮忙|请帮|求助|关不掉|取消不了|停不了|不工作|坏了|故障|报错|打不开",
        r"|how (?:do|can|to)|why (?:is|was|did|does)|what does|can you|could you|please (?:help|check|advise|fix)|is there a way",
        r"|doesn.t (?:work|stop|turn off)|won.t (?:stop|turn off)|not working|broken|keeps? (?:sending|replying)"
    ))
});

/// Mailing-list subject tag such as `[sysadmins]` (weak).
static LIST_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^\s*(?:(?i:re|aw|回复|答复):\s*)?\[[A-Za-z][\w.-]{1,30}\]"));

static LIST_FOOTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)(?:you (?:are receiving|received) this (?:e-?mail|message)? ?because|to unsubscribe|unsubscribe from this list|mailing list|取消订阅|退订|您收到此邮件是因为)",
    )
});

/// Ticket numbers in our own style are fine in subjects; a ticket tag is not a list tag.
static TICKET_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"(?i)\[(?:it|ticket|case|req|inc)[-#: ]?\d+\]"));

/// Spam evidence groups: (reason, pattern). Counted once per group.
static SPAM_GROUPS: LazyLock<Vec<(&'static str, Option<Regex>)>> = LazyLock::new(|| {
    vec![
        (
            "sales pitch",
            re(
                r"(?i)(?:本公司专业|我司专业|专业(?:供应|提供|生产|代理)|厂家直销|批发|全场\s*\d+\s*折|\d+\s*折(?:起|优惠)|包邮|低价(?:处理|出售|转让)|特价|优惠活动|促销|代开|(?:增值税)?发票(?:代开|开具|优惠)|(?:we|i) help (?:companies|businesses|brands) like yours|companies like yours|special offer|limited[- ]time offer|\d+\s*% off|best price|wholesale|cheap(?:est)?|discount|free (?:seo )?(?:audit|trial|quote|consultation|demo)|guaranteed|get (?:you )?to #?1|first page of google|seo(?-u:\b)|increase your (?:traffic|sales|ranking)|boost your)",
            ),
        ),
        (
            "contact-me call to action",
            re(
                r"(?i)(?:联系人\s*[:：]|(?:电话|手机)\s*/\s*微信|加微信|微信\s*[:：]|QQ\s*[:：]\s*\d|咨询热线|欢迎(?:来电|咨询|订购)|can i send you|book a (?:call|demo)|reply (?:yes|with)|schedule a (?:call|meeting) with (?:me|us)|let me know if you(?:'re| are) interested|hop on a (?:quick )?call)",
            ),
        ),
        (
            "credential lure",
            re(
                r"(?i)(?:verify your (?:account|password|mailbox|identity)|(?:mailbox|inbox) (?:is|has) (?:full|exceeded|almost full|reached)|(?:account|mailbox) will be (?:suspended|deactivated|closed|deleted|disabled)|click (?:here|the link|below) to (?:verify|validate|confirm|upgrade|keep|restore)|within 24 hours|邮箱(?:容量)?已满|账(?:户|号)将被(?:停用|冻结|注销|关闭)|点击(?:下方|以下)?链接(?:验证|升级|确认)|立即验证)",
            ),
        ),
        (
            "mass salutation",
            re(
                r"(?i)^(?:尊敬的(?:客户|采购负责人|负责人|用户|先生/女士|老板)|dear (?:sir|madam|customer|user|business owner|friend|valued)|hi there|hello there|greetings)",
            ),
        ),
    ]
});

/// A person reporting junk they received: never spam themselves.
static SPAM_REPORTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)(?:phishing|suspicious|scam|spam|fraud|i (?:received|got) an? (?:e-?mail|message)|did(?: not|n't) click|钓鱼|可疑|诈骗|冒充|收到一封|垃圾邮件|转发给你们|我的电脑|我的账号|my (?:laptop|computer|pc|account|printer))",
    )
});

/// Decide the kind of a mail. `own_addresses` are the bot's own addresses: mail from
/// them is a loop and counts as an auto-reply.
pub fn detect(mail: &InboundMail, own_addresses: &[String]) -> Verdict {
    let from_email = mail.from.email.as_str();
    if own_addresses
        .iter()
        .any(|a| a.trim().eq_ignore_ascii_case(from_email))
    {
        return Verdict::new(
            MailKind::Autoreply,
            vec![format!("From our own address {from_email}")],
        );
    }
    let local_part = from_email.split('@').next().unwrap_or_default();
    let display_name = mail.from.name.as_deref().unwrap_or_default();
    let report_type = mail
        .content_type_params
        .iter()
        .find(|(n, _)| n == "report-type")
        .map(|(_, v)| v.to_ascii_lowercase());
    let is_report = mail.content_type == "multipart/report";
    let has_part = |t: &str| mail.part_types.iter().any(|p| p == t);
    let header_lc = |name: &str| mail.header(name).map(|v| v.trim().to_ascii_lowercase());

    // Strong bounce evidence: the shape and the sender of a DSN.
    let mut bounce = Vec::new();
    if is_report && report_type.as_deref() == Some("delivery-status") {
        bounce.push("multipart/report; report-type=delivery-status".to_string());
    }
    if has_part("message/delivery-status") || has_part("message/global-delivery-status") {
        bounce.push("message/delivery-status part".to_string());
    }
    if is_match(&MACHINE_SENDER, local_part) {
        bounce.push(format!("From {}", local_part.to_ascii_uppercase()));
    }
    if mail.has_header("x-failed-recipients") {
        bounce.push("X-Failed-Recipients present".to_string());
    }
    if mail.has_header("x-ms-exchange-message-is-ndr") {
        bounce.push("X-MS-Exchange-Message-Is-Ndr present".to_string());
    }
    if !bounce.is_empty() {
        return Verdict::new(MailKind::Bounce, bounce);
    }

    // Strong auto-reply evidence (RFC 3834 and vendor headers).
    let mut auto = Vec::new();
    let auto_submitted = header_lc("auto-submitted").filter(|v| !v.is_empty() && v != "no");
    if let Some(v) = auto_submitted
        .as_deref()
        .filter(|v| v.starts_with("auto-replied"))
    {
        auto.push(format!("Auto-Submitted: {v}"));
    }
    if header_lc("x-autoreply").is_some_and(|v| v != "no" && v != "false") {
        auto.push("X-Autoreply: yes".to_string());
    }
    if mail.has_header("x-autorespond") {
        auto.push("X-Autorespond present".to_string());
    }
    if header_lc("x-autogenerated").is_some_and(|v| v.contains("reply")) {
        auto.push("X-Autogenerated: Reply".to_string());
    }
    let precedence = header_lc("precedence").unwrap_or_default();
    if precedence == "auto_reply" || precedence == "auto-reply" {
        auto.push(format!("Precedence: {precedence}"));
    }
    if is_report && report_type.as_deref() == Some("disposition-notification")
        || has_part("message/disposition-notification")
    {
        auto.push("read receipt (disposition-notification)".to_string());
    }
    if !auto.is_empty() {
        return Verdict::new(MailKind::Autoreply, auto);
    }

    // Bulk: list headers and bulk precedence.
    let mut bulk = Vec::new();
    for (header, label) in [
        ("list-id", "List-Id present"),
        ("list-unsubscribe", "List-Unsubscribe present"),
        ("list-post", "List-Post present"),
        ("mailing-list", "Mailing-List present"),
        ("x-beenthere", "X-BeenThere present"),
        ("x-mailman-version", "X-Mailman-Version present"),
    ] {
        if mail.has_header(header) {
            bulk.push(label.to_string());
        }
    }
    if matches!(precedence.as_str(), "bulk" | "list" | "junk") {
        bulk.push(format!("Precedence: {precedence}"));
    }
    if !bulk.is_empty() {
        return Verdict::new(MailKind::Bulk, bulk);
    }

    // A no-reply sender declares itself a machine: nobody reads an answer, and answering
    // is how loops start. Tool notifications are bulk in the labelling guide.
    if is_match(&NOREPLY_SENDER, local_part) {
        return Verdict::new(
            MailKind::Bulk,
            vec![format!("From {local_part}@ (no-reply sender)")],
        );
    }

    // Tool notifications: Auto-Submitted: auto-generated without a reply is still a machine.
    if let Some(v) = auto_submitted {
        return Verdict::new(MailKind::Autoreply, vec![format!("Auto-Submitted: {v}")]);
    }

    // Medium evidence: alone it is not enough, two of them or one plus a weak hint is.
    let mut medium = Vec::new();
    if mail.has_header("x-auto-response-suppress") {
        medium.push("X-Auto-Response-Suppress present".to_string());
    }
    if header_lc("return-path").is_some_and(|v| v.trim_matches(['<', '>', ' ']).is_empty()) {
        medium.push("Return-Path: <>".to_string());
    }
    if mail.has_header("x-loop") {
        medium.push("X-Loop present".to_string());
    }
    for header in [
        "rt-ticket",
        "x-rt-loop-prevention",
        "x-otrs-loop",
        "x-zendesk-from-account-id",
        "x-freshdesk-ticket-id",
    ] {
        if mail.has_header(header) {
            medium.push(format!("{header} (helpdesk) present"));
        }
    }
    if is_match(&NOREPLY_SENDER, local_part) {
        medium.push(format!("From {local_part}@"));
    }
    if is_match(&BOUNCE_DISPLAY_NAME, display_name) {
        medium.push(format!("From \"{display_name}\""));
    }

    // Weak evidence: words. Body words are read on the sender's newest text only.
    let subject = mail.subject.as_str();
    let body = mail.new_text.as_str();
    let mut weak_bounce = Vec::new();
    if let Some(m) = first_match(&BOUNCE_SUBJECT, subject) {
        weak_bounce.push(format!("bounce subject \"{m}\""));
    }
    if let Some(m) = first_match(&BOUNCE_BODY, body) {
        weak_bounce.push(format!("delivery-failure wording \"{m}\""));
    }
    let mut weak_auto = Vec::new();
    if let Some(m) = first_match(&AUTOREPLY_SUBJECT, subject) {
        weak_auto.push(format!("auto-reply subject \"{}\"", m.trim()));
    }
    if let Some(m) = first_match(&AUTOREPLY_BODY, body) {
        weak_auto.push(format!("auto-reply wording \"{m}\""));
    }
    let mut weak_bulk = Vec::new();
    if is_match(&LIST_TAG, subject) && !is_match(&TICKET_TAG, subject) {
        weak_bulk.push("list tag in subject".to_string());
    }
    if let Some(m) = first_match(&LIST_FOOTER, body) {
        weak_bulk.push(format!("list footer \"{m}\""));
    }

    let human_ask = is_match(&HUMAN_ASK, body);
    let bounce_name = medium.iter().any(|r| r.starts_with("From \""));
    // A DSN-looking sender name plus DSN wording is a bounce even without headers.
    if bounce_name && !weak_bounce.is_empty() {
        return Verdict::new(MailKind::Bounce, [medium, weak_bounce].concat());
    }
    if !medium.is_empty() {
        // One medium header plus words is enough, unless the sender asks something
        // of their own: Outlook stamps X-Auto-Response-Suppress on people's mail too.
        let words = !weak_auto.is_empty() || !weak_bounce.is_empty() || !weak_bulk.is_empty();
        let enough = medium.len() >= 2 || (words && !human_ask);
        if enough {
            let kind = if !weak_bounce.is_empty() {
                MailKind::Bounce
            } else if !weak_bulk.is_empty() && weak_auto.is_empty() {
                MailKind::Bulk
            } else {
                MailKind::Autoreply
            };
            return Verdict::new(kind, [medium, weak_bounce, weak_auto, weak_bulk].concat());
        }
    }
    // Only words: two hints of the same kind, and no question of the sender's own.
    if !human_ask {
        if weak_bounce.len() >= 2 {
            return Verdict::new(MailKind::Bounce, weak_bounce);
        }
        if weak_auto.len() >= 2 {
            return Verdict::new(MailKind::Autoreply, weak_auto);
        }
        if weak_bulk.len() >= 2 {
            return Verdict::new(MailKind::Bulk, weak_bulk);
        }
    }

    if let Some(reasons) = spam_evidence(mail) {
        return Verdict::new(MailKind::Spam, reasons);
    }
    Verdict::new(MailKind::Request, Vec::new())
}

/// Unsolicited marketing or credential lures: at least two independent groups of
/// evidence, one of them a pitch or a lure, and no sign of a person reporting junk.
fn spam_evidence(mail: &InboundMail) -> Option<Vec<String>> {
    // Signatures stay in: a marketer's contact block is part of the pitch.
    let own_text = super::quote::without_history(&mail.text);
    let text = format!("{}\n{}", mail.subject, own_text);
    if is_match(&SPAM_REPORTER, &text) {
        return None;
    }
    let mut reasons = Vec::new();
    let mut core = false;
    for (label, pattern) in SPAM_GROUPS.iter() {
        let found = pattern.as_ref().and_then(|p| {
            // Salutations are only evidence on the first line.
            if *label == "mass salutation" {
                own_text
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .and_then(|l| p.find(l.trim()).map(|m| m.as_str().to_string()))
            } else {
                p.find(&text).map(|m| m.as_str().to_string())
            }
        });
        if let Some(m) = found {
            core |= matches!(*label, "sales pitch" | "credential lure");
            reasons.push(format!("{label}: \"{m}\""));
        }
    }
    (core && reasons.len() >= 2).then_some(reasons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::parse::{parse_mail, ParseLimits};

    fn mail(raw: &str) -> InboundMail {
        parse_mail(raw.as_bytes(), &ParseLimits::default()).expect("test mail parses")
    }

    const HUMAN: &str = "From: Ann <ann@example.test>\nTo: support@example.test\nSubject: Printer jams\nMessage-ID: <1@x>\n\nThe printer on 3F jams every page.\n";

    #[test]
    fn table_of_kinds() {
        let own = vec!["support@example.test".to_string()];
        let cases: &[(&str, &str, MailKind)] = &[
            ("plain human request", HUMAN, MailKind::Request),
            (
                "auto-submitted auto-replied",
                "From: a@x.test\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away.\n",
                MailKind::Autoreply,
            ),
            (
                "auto-submitted no is human",
                "From: a@x.test\nSubject: VPN down\nAuto-Submitted: no\n\nVPN fails.\n",
                MailKind::Request,
            ),
            (
                "precedence auto_reply only",
                "From: a@x.test\nSubject: =?UTF-8?B?6Ieq5Yqo5Zue5aSN?=\nPrecedence: auto_reply\n\n我正在休假\n",
                MailKind::Autoreply,
            ),
            (
                "x-autoreply",
                "From: a@x.test\nSubject: hi\nX-Autoreply: yes\n\nthanks\n",
                MailKind::Autoreply,
            ),
            (
                "read receipt",
                "From: a@x.test\nSubject: Read: VPN\nContent-Type: multipart/report; report-type=disposition-notification; boundary=b\n\n--b\nContent-Type: text/plain\n\nread\n--b\nContent-Type: message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n--b--\n",
                MailKind::Autoreply,
            ),
            (
                "dsn shape",
                "From: Mail Delivery System <MAILER-DAEMON@mx.test>\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nfailed\n--b\nContent-Type: message/delivery-status\n\nAction: failed\n--b--\n",
                MailKind::Bounce,
            ),
            (
                "delay notice is a bounce",
                "From: postmaster@mx.test\nSubject: Delivery delayed\n\nAction: delayed\n",
                MailKind::Bounce,
            ),
            (
                "exim plain bounce",
                "From: Mail Delivery System <Mailer-Daemon@mx.test>\nSubject: Mail delivery failed\nX-Failed-Recipients: b@y.test\n\nA message could not be delivered.\n",
                MailKind::Bounce,
            ),
            (
                "list id is bulk",
                "From: it@x.test\nSubject: Maintenance\nList-Id: <all.x.test>\n\nNetwork down Saturday.\n",
                MailKind::Bulk,
            ),
            (
                "precedence bulk",
                "From: news@x.test\nSubject: Digest\nPrecedence: bulk\n\nVPN flaws.\n",
                MailKind::Bulk,
            ),
            (
                "human asks about auto replies",
                "From: a@x.test\nSubject: 请问怎么关闭自动回复\n\n我休假回来了，自动回复还在发，请问怎么关？\n",
                MailKind::Request,
            ),
            (
                "forwarded bounce with a question",
                "From: a@x.test\nSubject: Fwd: Undelivered Mail Returned to Sender\n\nWhy was my mail rejected?\n\n---------- Forwarded message ---------\nFrom: MAILER-DAEMON@mx.test\nDate: x\n\ncould not be delivered\n",
                MailKind::Request,
            ),
            (
                "subject prefix and vacation text",
                "From: a@x.test\nSubject: Automatic reply: VPN\n\nI am out of the office until Monday.\n",
                MailKind::Autoreply,
            ),
            (
                "exchange suppress plus subject prefix",
                "From: a@x.test\nSubject: Automatic reply: hello\nX-Auto-Response-Suppress: All\n\nAway.\n",
                MailKind::Autoreply,
            ),
            (
                "exchange suppress alone is human",
                "From: a@x.test\nSubject: Laptop\nX-Auto-Response-Suppress: All\n\nMy laptop is dead.\n",
                MailKind::Request,
            ),
            (
                "own address is a loop",
                "From: support@example.test\nSubject: [IT-1] received\n\nWe got it.\n",
                MailKind::Autoreply,
            ),
            (
                "chinese marketing",
                "From: shop@x.cn\nSubject: 硒鼓批发\n\n尊敬的采购负责人：您好！\n本公司专业供应打印机硒鼓，全场5折。\n联系人：王经理\n",
                MailKind::Spam,
            ),
            (
                "seo pitch",
                "From: s@seo.test\nSubject: Quick question\n\nHi there,\nWe help companies like yours rank. Can I send you a free SEO audit?\n",
                MailKind::Spam,
            ),
            (
                "phishing report stays a request",
                "From: a@x.test\nSubject: Phishing\n\nI received an email asking me to verify your password within 24 hours. I did not click.\n",
                MailKind::Request,
            ),
            (
                "one marketing word is not spam",
                "From: a@x.test\nSubject: monitors\n\nCan we get a discount on monitors for the team?\n",
                MailKind::Request,
            ),
            (
                "person on outlook announcing leave and asking",
                "From: a@x.test\nSubject: laptop before my trip\nX-Auto-Response-Suppress: All\n\nI am out of the office next week, could you set up the VPN on my laptop before Friday?\n",
                MailKind::Request,
            ),
            (
                "person whose out-of-office will not stop",
                "From: a@x.test\nSubject: Out of office keeps replying\n\nMy out of office reply is still on although I am back, it won't turn off.\n",
                MailKind::Request,
            ),
            (
                "chinese person whose auto reply keeps sending",
                "From: a@x.test\nSubject: 自动回复一直在发\n\n我休假回来了，Outlook 的自动回复还在发，关不掉。\n",
                MailKind::Request,
            ),
            (
                "words-only vacation notice",
                "From: a@x.test\nSubject: Out of Office: budget\n\nI am on annual leave until 3 May with no access to email.\n",
                MailKind::Autoreply,
            ),
            (
                "rt helpdesk ack with x-loop and return-path",
                "From: helpdesk@vendor.test\nSubject: [vendor #4411] AutoReply: VPN issue\nReturn-Path: <>\nRT-Ticket: vendor #4411\nX-Loop: helpdesk@vendor.test\n\nThis message has been automatically generated in response to the creation of a trouble ticket.\n",
                MailKind::Autoreply,
            ),
            (
                "zendesk style acknowledgement",
                "From: Support <support@saas.test>\nSubject: Request received: printer\nX-Auto-Response-Suppress: All\n\nYour request (#123) has been received and is being reviewed by our support staff.\n",
                MailKind::Autoreply,
            ),
            (
                "chinese qq bounce",
                "From: =?UTF-8?B?57O757uf6YCA5L+h?= <postmaster@qq.test>\nSubject: =?UTF-8?B?6YCA5L+h?=\n\n很抱歉您的邮件没有发送成功\n",
                MailKind::Bounce,
            ),
            (
                "jira notification is bulk",
                "From: Jira <jira@example.test>\nSubject: [JIRA] (IT-12) Printer jam\nAuto-Submitted: auto-generated\nPrecedence: bulk\n\nAlex updated IT-12.\n",
                MailKind::Bulk,
            ),
            (
                "noreply monitoring digest with unsubscribe",
                "From: monitor <no-reply@monitor.test>\nSubject: Daily digest: 3 hosts down\nList-Unsubscribe: <https://monitor.test/u>\n\nhost1 down\n",
                MailKind::Bulk,
            ),
            (
                "mailbox full lure",
                "From: Mail Admin <admin@mai1box.test>\nSubject: Your mailbox is full\n\nDear user,\nYour mailbox is full. Click here to verify your account within 24 hours or it will be deleted.\n",
                MailKind::Spam,
            ),
            (
                "invoice offer spam",
                "From: a@fapiao.test\nSubject: 代开各类发票\n\n您好！本公司代开增值税发票，点数优惠。\n联系人：李经理 电话/微信：13800000000\n",
                MailKind::Spam,
            ),
            (
                "user asks about a mailbox full warning",
                "From: bob@example.test\nSubject: mailbox full?\n\nI got a message that my mailbox is full and must verify my account within 24 hours. Is this real?\n",
                MailKind::Request,
            ),
            (
                "human reply quoting an out-of-office",
                "From: bob@example.test\nSubject: Re: Automatic reply: laptop\n\nMy laptop still does not boot, can you help?\n\nOn Mon, 3 Mar 2025 Ann <ann@x.test> wrote:\n> I am out of the office until Monday.\n",
                MailKind::Request,
            ),
        ];
        for (name, raw, want) in cases {
            let verdict = detect(&mail(raw), &own);
            assert_eq!(verdict.kind, *want, "case {name}: {:?}", verdict.reasons);
            if *want != MailKind::Request {
                assert!(!verdict.reasons.is_empty(), "case {name} has reasons");
            }
        }
    }
}
