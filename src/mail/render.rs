//! `OutgoingMail` (template + variables) → `RenderedMail` (envelope + bytes). Pure.
//! Templates are minijinja with HTML autoescape; MIME is built by lettre, which encodes
//! headers, so no value can inject a header line.

use crate::ticket::lifecycle::OutgoingMail;
use crate::ticket::model::Timestamp;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use minijinja::{AutoEscape, Environment};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Templates compiled into the binary, as (name, source).
const BUILTIN: &[(&str, &str)] = &[
    (
        "en/ack.txt.j2",
        include_str!("../../templates/en/ack.txt.j2"),
    ),
    (
        "en/ack.html.j2",
        include_str!("../../templates/en/ack.html.j2"),
    ),
    (
        "zh/ack.txt.j2",
        include_str!("../../templates/zh/ack.txt.j2"),
    ),
    (
        "zh/ack.html.j2",
        include_str!("../../templates/zh/ack.html.j2"),
    ),
    (
        "en/notify.txt.j2",
        include_str!("../../templates/en/notify.txt.j2"),
    ),
    (
        "en/notify.html.j2",
        include_str!("../../templates/en/notify.html.j2"),
    ),
    (
        "zh/notify.txt.j2",
        include_str!("../../templates/zh/notify.txt.j2"),
    ),
    (
        "zh/notify.html.j2",
        include_str!("../../templates/zh/notify.html.j2"),
    ),
    (
        "en/update.txt.j2",
        include_str!("../../templates/en/update.txt.j2"),
    ),
    (
        "en/update.html.j2",
        include_str!("../../templates/en/update.html.j2"),
    ),
    (
        "zh/update.txt.j2",
        include_str!("../../templates/zh/update.txt.j2"),
    ),
    (
        "zh/update.html.j2",
        include_str!("../../templates/zh/update.html.j2"),
    ),
    (
        "en/receipt.txt.j2",
        include_str!("../../templates/en/receipt.txt.j2"),
    ),
    (
        "en/receipt.html.j2",
        include_str!("../../templates/en/receipt.html.j2"),
    ),
    (
        "zh/receipt.txt.j2",
        include_str!("../../templates/zh/receipt.txt.j2"),
    ),
    (
        "zh/receipt.html.j2",
        include_str!("../../templates/zh/receipt.html.j2"),
    ),
    (
        "en/confirm.txt.j2",
        include_str!("../../templates/en/confirm.txt.j2"),
    ),
    (
        "en/confirm.html.j2",
        include_str!("../../templates/en/confirm.html.j2"),
    ),
    (
        "zh/confirm.txt.j2",
        include_str!("../../templates/zh/confirm.txt.j2"),
    ),
    (
        "zh/confirm.html.j2",
        include_str!("../../templates/zh/confirm.html.j2"),
    ),
    (
        "en/survey.txt.j2",
        include_str!("../../templates/en/survey.txt.j2"),
    ),
    (
        "en/survey.html.j2",
        include_str!("../../templates/en/survey.html.j2"),
    ),
    (
        "zh/survey.txt.j2",
        include_str!("../../templates/zh/survey.txt.j2"),
    ),
    (
        "zh/survey.html.j2",
        include_str!("../../templates/zh/survey.html.j2"),
    ),
    (
        "en/thanks.txt.j2",
        include_str!("../../templates/en/thanks.txt.j2"),
    ),
    (
        "en/thanks.html.j2",
        include_str!("../../templates/en/thanks.html.j2"),
    ),
    (
        "zh/thanks.txt.j2",
        include_str!("../../templates/zh/thanks.txt.j2"),
    ),
    (
        "zh/thanks.html.j2",
        include_str!("../../templates/zh/thanks.html.j2"),
    ),
    (
        "en/notice.txt.j2",
        include_str!("../../templates/en/notice.txt.j2"),
    ),
    (
        "en/notice.html.j2",
        include_str!("../../templates/en/notice.html.j2"),
    ),
    (
        "zh/notice.txt.j2",
        include_str!("../../templates/zh/notice.txt.j2"),
    ),
    (
        "zh/notice.html.j2",
        include_str!("../../templates/zh/notice.html.j2"),
    ),
    // SLA timer mails to engineers and supervisors (worker/timers.rs).
    (
        "en/reminder.txt.j2",
        include_str!("../../templates/en/reminder.txt.j2"),
    ),
    (
        "en/reminder.html.j2",
        include_str!("../../templates/en/reminder.html.j2"),
    ),
    (
        "en/escalation.txt.j2",
        include_str!("../../templates/en/escalation.txt.j2"),
    ),
    (
        "en/escalation.html.j2",
        include_str!("../../templates/en/escalation.html.j2"),
    ),
    (
        "en/nudge.txt.j2",
        include_str!("../../templates/en/nudge.txt.j2"),
    ),
    (
        "en/nudge.html.j2",
        include_str!("../../templates/en/nudge.html.j2"),
    ),
    (
        "en/digest.txt.j2",
        include_str!("../../templates/en/digest.txt.j2"),
    ),
    (
        "en/digest.html.j2",
        include_str!("../../templates/en/digest.html.j2"),
    ),
    (
        "zh/reminder.txt.j2",
        include_str!("../../templates/zh/reminder.txt.j2"),
    ),
    (
        "zh/reminder.html.j2",
        include_str!("../../templates/zh/reminder.html.j2"),
    ),
    (
        "zh/escalation.txt.j2",
        include_str!("../../templates/zh/escalation.txt.j2"),
    ),
    (
        "zh/escalation.html.j2",
        include_str!("../../templates/zh/escalation.html.j2"),
    ),
    (
        "zh/nudge.txt.j2",
        include_str!("../../templates/zh/nudge.txt.j2"),
    ),
    (
        "zh/nudge.html.j2",
        include_str!("../../templates/zh/nudge.html.j2"),
    ),
    (
        "zh/digest.txt.j2",
        include_str!("../../templates/zh/digest.txt.j2"),
    ),
    (
        "zh/digest.html.j2",
        include_str!("../../templates/zh/digest.html.j2"),
    ),
    // Change approval (ticket/approval.rs).
    (
        "en/approval_request.txt.j2",
        include_str!("../../templates/en/approval_request.txt.j2"),
    ),
    (
        "en/approval_request.html.j2",
        include_str!("../../templates/en/approval_request.html.j2"),
    ),
    (
        "en/approval_notice.txt.j2",
        include_str!("../../templates/en/approval_notice.txt.j2"),
    ),
    (
        "en/approval_notice.html.j2",
        include_str!("../../templates/en/approval_notice.html.j2"),
    ),
    (
        "zh/approval_request.txt.j2",
        include_str!("../../templates/zh/approval_request.txt.j2"),
    ),
    (
        "zh/approval_request.html.j2",
        include_str!("../../templates/zh/approval_request.html.j2"),
    ),
    (
        "zh/approval_notice.txt.j2",
        include_str!("../../templates/zh/approval_notice.txt.j2"),
    ),
    (
        "zh/approval_notice.html.j2",
        include_str!("../../templates/zh/approval_notice.html.j2"),
    ),
];

/// Why a mail could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("invalid address {0:?}")]
    Address(String),
    #[error("building the message failed: {0}")]
    Build(String),
}

/// A mail ready for SMTP: envelope and the exact bytes, stored in the outbox so a retry
/// is byte-identical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMail {
    /// Without angle brackets.
    pub message_id: String,
    /// Envelope sender; empty means the null path `<>` (RFC 3834 §3.3 for auto-replies).
    pub env_from: String,
    pub env_to: Vec<String>,
    pub bytes: Vec<u8>,
}

/// Renders outgoing mails with one set of templates.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
    from: Mailbox,
    domain: String,
}

impl Renderer {
    /// `from` is the From header (`Name <addr>`), `domain` the right side of our Message-IDs,
    /// `custom` an optional folder whose files override the built-in templates.
    pub fn new(from: &str, domain: &str, custom: Option<&Path>) -> Result<Renderer, RenderError> {
        let from: Mailbox = from
            .parse()
            .map_err(|_| RenderError::Address(from.to_string()))?;
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, builtin) in BUILTIN {
            let source = match custom.map(|dir| dir.join(name)) {
                Some(path) if path.is_file() => {
                    std::fs::read_to_string(&path).map_err(|e| RenderError::Template {
                        name: path.display().to_string(),
                        message: e.to_string(),
                    })?
                }
                _ => (*builtin).to_string(),
            };
            env.add_template_owned(name.to_string(), source)
                .map_err(|e| RenderError::Template {
                    name: name.to_string(),
                    message: format!("{e:#}"),
                })?;
        }
        Ok(Renderer {
            env,
            from,
            domain: domain.to_string(),
        })
    }

    /// Names of the built-in templates, for `check-config` and docs.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// The Message-ID an outgoing mail gets: the fixed one the core chose (notifications
    /// carry the reply token), else deterministic in ticket, kind and seed.
    pub fn message_id(&self, out: &OutgoingMail) -> String {
        if let Some(id) = out.message_id.as_deref().and_then(clean_id) {
            return id.to_string();
        }
        let digest = Sha256::digest(out.seed.as_bytes());
        let short = hex::encode(digest.get(..8).unwrap_or_default());
        format!(
            "sb.{}.{}.{}@{}",
            out.ticket,
            out.kind.as_str(),
            short,
            self.domain
        )
    }

    /// Render one mail.
    pub fn render(&self, out: &OutgoingMail, now: Timestamp) -> Result<RenderedMail, RenderError> {
        let text =
            self.render_template(&format!("{}/{}.txt.j2", out.lang, out.template), &out.vars)?;
        // HTML templates may show the text part as `{{ text_body }}`: autoescaped there, which an
        // `{% include %}` of the text template would not be.
        let mut html_vars = out.vars.clone();
        if let serde_json::Value::Object(m) = &mut html_vars {
            m.insert("text_body".into(), serde_json::Value::String(text.clone()));
        }
        let html = self.render_template(
            &format!("{}/{}.html.j2", out.lang, out.template),
            &html_vars,
        )?;
        let message_id = self.message_id(out);
        let date = std::time::UNIX_EPOCH
            + std::time::Duration::from_secs(u64::try_from(now).unwrap_or_default());
        let mut builder = lettre::Message::builder()
            .from(self.from.clone())
            .subject(crate::ticket::lifecycle::clean_subject(&out.subject))
            .message_id(Some(format!("<{message_id}>")))
            .date(date)
            .header(raw_header("Auto-Submitted", out.auto_submitted))
            .header(raw_header("X-Auto-Response-Suppress", "All"))
            .header(raw_header("X-Supportbot-Ticket", &out.ticket.to_string()));
        let mut env_to = Vec::new();
        for to in &out.to {
            let addr: lettre::Address = to
                .email
                .parse()
                .map_err(|_| RenderError::Address(to.email.clone()))?;
            env_to.push(addr.to_string());
            let name = to
                .name
                .as_deref()
                .map(crate::ticket::lifecycle::clean_subject);
            builder = builder.to(Mailbox::new(name, addr));
        }
        if let Some(reply_to) = &out.reply_to {
            let addr: lettre::Address = reply_to
                .email
                .parse()
                .map_err(|_| RenderError::Address(reply_to.email.clone()))?;
            builder = builder.reply_to(Mailbox::new(None, addr));
        }
        if let Some(id) = out.in_reply_to.as_deref().and_then(clean_id) {
            builder = builder.in_reply_to(format!("<{id}>"));
        }
        let refs: Vec<String> = out
            .references
            .iter()
            .filter_map(|r| clean_id(r))
            .map(|r| format!("<{r}>"))
            .collect();
        if !refs.is_empty() {
            builder = builder.references(refs.join(" "));
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(text, html))
            .map_err(|e| RenderError::Build(e.to_string()))?;
        let env_from = if out.auto_submitted == "auto-replied" {
            String::new()
        } else {
            self.from.email.to_string()
        };
        Ok(RenderedMail {
            message_id,
            env_from,
            env_to,
            bytes: message.formatted(),
        })
    }

    fn render_template(&self, name: &str, vars: &serde_json::Value) -> Result<String, RenderError> {
        let err = |e: minijinja::Error| RenderError::Template {
            name: name.to_string(),
            message: format!("{e:#}"),
        };
        self.env
            .get_template(name)
            .map_err(err)?
            .render(vars)
            .map_err(err)
    }
}

/// A header whose value we produce; control characters are dropped so no line break
/// can reach the header block.
fn raw_header(name: &'static str, value: &str) -> RawHeader {
    RawHeader {
        name,
        value: value.chars().filter(|c| !c.is_control()).collect(),
    }
}

#[derive(Clone)]
struct RawHeader {
    name: &'static str,
    value: String,
}

impl lettre::message::header::Header for RawHeader {
    fn name() -> HeaderName {
        // Never called for RawHeader: `display` carries the real name.
        HeaderName::new_from_ascii_str("X-Supportbot")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(RawHeader {
            name: "X-Supportbot",
            value: s.to_string(),
        })
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(
            HeaderName::new_from_ascii_str(self.name),
            self.value.clone(),
        )
    }
}

/// A Message-ID usable in In-Reply-To/References: printable ASCII, no spaces or brackets.
fn clean_id(id: &str) -> Option<&str> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let ok = !id.is_empty()
        && id.len() <= 250
        && id
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>');
    ok.then_some(id)
}

/// Parse the ticket number out of one of our Message-IDs: `sb.N.kind.hash@domain`, or the
/// notification form `tN-<token>.<nonce>@domain` (the token is checked elsewhere).
pub fn ticket_from_message_id(id: &str) -> Option<i64> {
    if let Some((n, _)) = crate::ticket::token::parse_message_id_token(id) {
        return i64::try_from(n).ok();
    }
    let id = id.trim().trim_start_matches('<');
    let rest = id.strip_prefix("sb.")?;
    let (num, _) = rest.split_once('.')?;
    num.parse().ok()
}

/// Where custom templates live, if configured.
pub fn custom_dir(cfg: &crate::config::Config) -> Option<PathBuf> {
    cfg.general.templates.as_ref().map(|t| cfg.resolve(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::Address;
    use crate::ticket::lifecycle::OutKind;
    use serde_json::json;

    fn ack(subject: &str, name: &str, lang: &'static str) -> OutgoingMail {
        OutgoingMail {
            kind: OutKind::Ack,
            ticket: 7,
            to: vec![Address {
                name: Some(name.into()),
                email: "li@example.test".into(),
            }],
            subject: subject.into(),
            template: "ack",
            lang,
            vars: json!({
                "number": 7, "subject": subject, "requester_name": name,
                "category": "network", "category_zh": "网络", "priority": "P1", "priority_zh": "紧急",
                "reasons": ["<script>alert(1)</script>"],
                "category_words": ["<script>alert(1)</script>"], "priority_words": ["40 people"], "respond_by": "2026-11-30 09:15",
                "resolve_by": "2026-11-30 11:00", "respond_within": "15 minutes",
                "resolve_within": "2 hours", "timezone": "Asia/Shanghai", "desk_name": "IT",
                "support_address": "support@example.test",
            }),
            in_reply_to: Some("orig@client".into()),
            references: vec![
                "a@b".into(),
                "bad id\r\nBcc: x".into(),
                "orig@client".into(),
            ],
            auto_submitted: "auto-replied",
            seed: "orig@client|ack".into(),
            reply_to: None,
            message_id: None,
        }
    }

    fn renderer() -> Renderer {
        Renderer::new("IT Desk <support@example.test>", "example.test", None).unwrap()
    }

    #[test]
    fn ack_has_threading_and_loop_headers() {
        let r = renderer()
            .render(&ack("VPN down", "Li", "en"), 1_790_000_000)
            .unwrap();
        let text = String::from_utf8_lossy(&r.bytes);
        assert!(text.contains("Auto-Submitted: auto-replied"), "{text}");
        assert!(text.contains("In-Reply-To: <orig@client>"), "{text}");
        assert!(text.contains("References: <a@b> <orig@client>"), "{text}");
        assert!(
            text.contains(&format!("Message-ID: <{}>", r.message_id)),
            "{text}"
        );
        assert!(r.message_id.ends_with("@example.test"));
        assert!(text.contains("multipart/alternative"));
        assert!(text.contains("Date: "));
        assert_eq!(r.env_from, "", "auto-replies use the null return path");
        assert_eq!(r.env_to, vec!["li@example.test".to_string()]);
        assert_eq!(ticket_from_message_id(&r.message_id), Some(7));
    }

    #[test]
    fn html_part_escapes_and_text_part_does_not_inject() {
        let r = renderer()
            .render(
                &ack("x\r\nBcc: evil@example.test", "Eve\r\nX-Evil: 1", "en"),
                0,
            )
            .unwrap();
        let text = String::from_utf8_lossy(&r.bytes);
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(!headers.contains("\nBcc:"), "{headers}");
        assert!(!headers.contains("\nX-Evil:"), "{headers}");
        let parsed = mail_parser::MessageParser::default()
            .parse(&r.bytes)
            .unwrap();
        let html = parsed.body_html(0).unwrap();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn same_seed_same_message_id() {
        let r = renderer();
        let a = ack("VPN", "Li", "zh");
        assert_eq!(
            r.render(&a, 0).unwrap().message_id,
            r.render(&a, 99).unwrap().message_id
        );
    }

    #[test]
    fn chinese_ack_renders() {
        let r = renderer()
            .render(&ack("打印机卡纸", "李雷", "zh"), 0)
            .unwrap();
        let parsed = mail_parser::MessageParser::default()
            .parse(&r.bytes)
            .unwrap();
        assert_eq!(parsed.subject(), Some("打印机卡纸"));
        let body = parsed.body_text(0).unwrap();
        assert!(body.contains("工单号 #7"), "{body}");
        assert!(body.contains("15 minutes"), "{body}");
    }
}
