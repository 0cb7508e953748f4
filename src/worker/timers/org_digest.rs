//! The weekly digest and organisations (issue 11): the desk's digest carries the
//! per-organisation table and the change-approval figures, and every `[[organisations]]`
//! entry with `digest_recipients` gets a digest of its own tickets only, in the same slot
//! and the same transaction as the desk's (so it goes out once, like the desk's).

use super::{digest_mail, DigestSchedule, DigestSlot, TimerSettings};
use crate::report::approval::organisation_report;
use crate::report::{Report, TicketFacts};
use crate::store::Store;
use crate::ticket::lifecycle::OutgoingMail;
use crate::ticket::model::Timestamp;
use crate::ticket::organisation::Organisation;

/// The desk's report and the organisations' own digest mails of one slot.
pub(super) struct Digests {
    pub desk: Report,
    pub organisations: Vec<OutgoingMail>,
}

pub(super) async fn build(
    store: &Store,
    s: &TimerSettings,
    d: &DigestSchedule,
    slot: &DigestSlot,
    facts: &[TicketFacts],
    (since, until): (Timestamp, Timestamp),
) -> anyhow::Result<Digests> {
    let orgs = &s.organisations;
    let org_of = store.organisations_of(orgs, until).await?;
    let plans = store.approvals_between(since, until).await?;
    let names: Vec<String> = orgs.iter().map(|o| o.name.clone()).collect();
    let desk = organisation_report(facts, &plans, &org_of, &names, None, since, until);
    let organisations = orgs
        .iter()
        .filter(|o| !o.digest_recipients.is_empty())
        .map(|o| {
            let r =
                organisation_report(facts, &plans, &org_of, &names, Some(&o.name), since, until);
            organisation_mail(&r, o, slot, d, s)
        })
        .collect();
    Ok(Digests {
        desk,
        organisations,
    })
}

/// An organisation's digest: its own report to its own recipients, named in the subject.
/// Pure.
pub(super) fn organisation_mail(
    r: &Report,
    o: &Organisation,
    slot: &DigestSlot,
    d: &DigestSchedule,
    s: &TimerSettings,
) -> OutgoingMail {
    let own = DigestSchedule {
        recipients: o.digest_recipients.clone(),
        ..d.clone()
    };
    let mut m = digest_mail(r, slot, &own, s);
    m.subject = format!("{} — {}", m.subject, o.name);
    m.seed = format!("{}|{}", m.seed, o.name);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::render::Renderer;
    use chrono::{NaiveTime, Weekday};

    #[test]
    fn an_organisation_digest_goes_to_its_own_recipients_under_its_name() {
        let s = super::super::tests::settings();
        let d = DigestSchedule {
            weekday: Weekday::Mon,
            time: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
            period: 7 * 86_400,
            recipients: vec!["boss@example.test".into()],
        };
        let slot = DigestSlot {
            period: "2026-W49".into(),
            at: 1_795_996_800,
        };
        let o = Organisation {
            name: "acme".into(),
            domains: vec!["acme.com".into()],
            addresses: Vec::new(),
            mailbox: None,
            engineers: Vec::new(),
            language: None,
            calendar: None,
            sla: None,
            digest_recipients: vec!["it-lead@acme.com".into()],
            allow_cc_domains: Vec::new(),
        };
        let r = organisation_report(&[], &[], &Default::default(), &[], Some("acme"), 0, slot.at);
        let m = organisation_mail(&r, &o, &slot, &d, &s);
        assert_eq!(m.to.len(), 1);
        assert_eq!(m.to[0].email, "it-lead@acme.com");
        assert!(m.subject.ends_with("— acme"), "{}", m.subject);
        let desk = digest_mail(&r, &slot, &d, &s);
        assert_ne!(m.seed, desk.seed, "its own Message-ID");
        let renderer = Renderer::new("IT <support@example.test>", "example.test", None);
        let rendered = renderer.and_then(|x| x.render(&m, slot.at));
        assert!(rendered.is_ok_and(|x| x.env_to == vec!["it-lead@acme.com".to_string()]));
    }
}
