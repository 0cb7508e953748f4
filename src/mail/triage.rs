//! One raw mail → what `supportbot classify` prints: the kind (request or which kind
//! of machine mail), and for requests the category, priority and the reasons. Pure:
//! it glues `parse`, `loopguard` and `ticket::classify` together and does no I/O.

use super::loopguard::{detect, MailKind};
use super::parse::{parse_mail, ParseError, ParseLimits};
use super::InboundMail;
use crate::ticket::classify::{detect_language, Rules};
use crate::ticket::model::{Category, Language, Priority};
use serde::Serialize;

/// The triage of one mail. `category` and `priority` are `None` for non-requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triage {
    /// Request, or which kind of machine mail (no ticket, no answer).
    pub kind: MailKind,
    /// What has to be fixed or answered; requests only.
    pub category: Option<Category>,
    /// How fast; requests only.
    pub priority: Option<Priority>,
    /// Language of the sender's newest text.
    pub language: Language,
    /// Why: loop-guard evidence for machine mail, rule ids and matched words for requests.
    pub reasons: Vec<String>,
    /// Requests only: the category was a close call or no rule fired.
    pub low_confidence: bool,
}

impl Triage {
    /// The JSON object `supportbot classify` prints for one file:
    /// `{"file", "kind", "category", "priority", "language", "reasons", "low_confidence"}`.
    pub fn to_json(&self, file: &str) -> serde_json::Value {
        serde_json::json!({
            "file": file,
            "kind": self.kind.as_str(),
            "category": self.category.map(|c| c.as_str()),
            "priority": self.priority.map(|p| p.as_str()),
            "language": self.language.as_str(),
            "reasons": self.reasons,
            "low_confidence": self.low_confidence,
        })
    }
}

/// Parse and triage one raw mail. A mail that cannot be parsed is an `Err`: the caller
/// quarantines it with the error text as the reason.
pub fn triage(
    raw: &[u8],
    rules: &Rules,
    limits: &ParseLimits,
    own_addresses: &[String],
) -> Result<Triage, ParseError> {
    let mail = parse_mail(raw, limits)?;
    Ok(triage_mail(&mail, rules, own_addresses))
}

/// Triage an already parsed mail (the inbox worker parses once and keeps the mail).
pub fn triage_mail(mail: &InboundMail, rules: &Rules, own_addresses: &[String]) -> Triage {
    let verdict = detect(mail, own_addresses);
    if verdict.kind != MailKind::Request {
        return Triage {
            kind: verdict.kind,
            category: None,
            priority: None,
            language: detect_language(&mail.new_text),
            reasons: verdict.reasons,
            low_confidence: false,
        };
    }
    let c = rules.classify(&mail.subject, &mail.new_text);
    Triage {
        kind: MailKind::Request,
        category: Some(c.category),
        priority: Some(c.priority),
        language: c.language,
        reasons: c.reasons,
        low_confidence: c.low_confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_gets_category_and_priority_and_machine_mail_does_not() {
        let rules = Rules::builtin().expect("builtin rules compile");
        let own = vec!["support@example.test".to_string()];
        let human = b"From: a@x.test\nSubject: VPN\n\nThe VPN keeps dropping every few minutes.\n";
        let t = triage(human, &rules, &ParseLimits::default(), &own).expect("parses");
        assert_eq!(t.kind, MailKind::Request);
        assert_eq!(t.category, Some(Category::Network));
        let json = t.to_json("001.eml");
        assert_eq!(json["file"], "001.eml");
        assert_eq!(json["kind"], "request");
        assert_eq!(json["category"], "network");

        let bounce = b"From: MAILER-DAEMON@mx.test\nSubject: Undelivered\n\nfailed\n";
        let t = triage(bounce, &rules, &ParseLimits::default(), &own).expect("parses");
        assert_eq!(t.kind, MailKind::Bounce);
        let json = t.to_json("b.eml");
        assert!(json["category"].is_null() && json["priority"].is_null());
    }

    #[test]
    fn signature_titles_and_disclaimers_do_not_decide_the_category() {
        let rules = Rules::builtin().expect("builtin rules compile");
        let raw = "From: John <j@x.test>\nSubject: screen\n\nMy monitor flickers every few minutes, I can still use the laptop screen.\n\nJohn Smith\nNetwork Operations Engineer\n\nCONFIDENTIALITY NOTICE: this e-mail may contain passwords, viruses and network details.\n";
        let t = triage(raw.as_bytes(), &rules, &ParseLimits::default(), &[]).expect("parses");
        assert_eq!(t.category, Some(Category::Hardware), "{:?}", t.reasons);
        assert_eq!(t.priority, Some(Priority::P3));
    }

    /// Every hand-labelled holdout request, sent as a plain mail, stays a request:
    /// the loop guard and spam check must not eat people's mail.
    #[test]
    fn holdout_requests_are_kept() {
        let rules = Rules::builtin().expect("builtin rules compile");
        let tables = [
            include_str!("../../tests/fixtures/classify/holdout.tsv"),
            include_str!("../../tests/fixtures/classify/holdout2.tsv"),
            include_str!("../../tests/fixtures/classify/holdout3.tsv"),
            include_str!("../../tests/fixtures/classify/holdout4.tsv"),
            include_str!("../../tests/fixtures/classify/holdout5.tsv"),
            include_str!("../../tests/fixtures/classify/holdout6.tsv"),
        ];
        let mut checked = 0;
        for line in tables
            .iter()
            .flat_map(|t| t.lines())
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let body = cols[3].replace("\\n", "\n");
            let raw = format!(
                "From: Someone <someone@example.test>\nTo: support@example.test\nSubject: {}\nMessage-ID: <{checked}@example.test>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n",
                cols[2]
            );
            let t = triage(raw.as_bytes(), &rules, &ParseLimits::default(), &[]).expect("parses");
            assert_eq!(t.kind, MailKind::Request, "{}: {:?}", cols[2], t.reasons);
            checked += 1;
        }
        assert!(checked > 100);
    }

    /// Mutated real mails (truncated, bytes flipped, CR/LF games) never panic anywhere
    /// in parse → loop guard → classify.
    #[test]
    fn mutated_mails_never_panic() {
        let rules = Rules::builtin().expect("builtin rules compile");
        let seeds: [&[u8]; 3] = [
            include_bytes!("../../tests/fixtures/mail/qq_quote_hostile_attachments.eml"),
            include_bytes!("../../tests/fixtures/mail/split_encoded_word_163_quote.eml"),
            include_bytes!("../../tests/fixtures/mail/postfix_dsn.eml"),
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for seed in seeds {
            for round in 0..150 {
                let mut bytes = seed.to_vec();
                let cut = (next() as usize) % (bytes.len() + 1);
                if round % 3 == 0 {
                    bytes.truncate(cut);
                }
                for _ in 0..(round % 20) {
                    if bytes.is_empty() {
                        break;
                    }
                    let i = (next() as usize) % bytes.len();
                    bytes[i] = match next() % 5 {
                        0 => b'\r',
                        1 => b'\n',
                        2 => b'=',
                        3 => b'?',
                        _ => (next() & 0xff) as u8,
                    };
                }
                let _ = triage(&bytes, &rules, &ParseLimits::default(), &[]);
            }
        }
    }

    #[test]
    fn empty_input_is_an_error_not_a_panic() {
        let rules = Rules::builtin().expect("builtin rules compile");
        assert!(triage(b"", &rules, &ParseLimits::default(), &[]).is_err());
    }
}
