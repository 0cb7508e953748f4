//! One desk for several customer organisations: which organisation a requester belongs to
//! (the first `[[organisations]]` entry whose `addresses`, `domains` or `mailbox` match, else
//! the desk default), and the organisation's own service levels, calendar and engineers.
//! Also the two isolation rules: a reply from organisation A never threads into B's ticket,
//! and `#cc` of an address outside the ticket's organisation needs `allow_cc_domains`.
//! Pure: the shell builds [`Organisation`]s from the config once and passes them in.

use super::calendar::Calendar;
use super::lifecycle::SlaTargets;

/// An organisation as the core sees it (addresses and domains lower-case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    /// Requester address domains (`acme.com`); a subdomain does not match.
    pub domains: Vec<String>,
    /// Exact requester addresses.
    pub addresses: Vec<String>,
    /// Key of the mailbox (`user@host/folder`) whose mail belongs to it.
    pub mailbox: Option<String>,
    /// Names of the engineers allowed to take its tickets (empty: every engineer).
    pub engineers: Vec<String>,
    /// `zh` or `en` for its requesters' mails, when set.
    pub language: Option<&'static str>,
    /// Its own working time; `None`: the desk's calendar.
    pub calendar: Option<Calendar>,
    /// Its own respond/resolve targets; `None`: the desk's.
    pub sla: Option<SlaTargets>,
    /// Weekly digest recipients of its own.
    pub digest_recipients: Vec<String>,
    /// Domains that may be copied (`#cc`) on its tickets besides its own.
    pub allow_cc_domains: Vec<String>,
}

fn domain_of(address: &str) -> Option<String> {
    address
        .trim()
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('>').to_ascii_lowercase())
}

impl Organisation {
    /// Whether a requester address (or the mailbox the mail came in through) belongs here.
    pub fn matches(&self, address: &str, mailbox: Option<&str>) -> bool {
        let address = address.trim().to_ascii_lowercase();
        if self.addresses.contains(&address) {
            return true;
        }
        if let Some(d) = domain_of(&address) {
            if self.domains.contains(&d) {
                return true;
            }
        }
        matches!((&self.mailbox, mailbox), (Some(m), Some(b)) if m == b)
    }

    /// Whether `address` is one of this organisation's own (address or domain).
    pub fn owns(&self, address: &str) -> bool {
        self.matches(address, None)
    }

    /// Whether the engineer named `name` may take this organisation's tickets.
    pub fn allows_engineer(&self, name: &str) -> bool {
        self.engineers.is_empty()
            || self
                .engineers
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(name.trim()))
    }
}

/// The organisation of a requester: the first that matches, `None` = the desk default.
pub fn organisation_of<'o>(
    orgs: &'o [Organisation],
    address: &str,
    mailbox: Option<&str>,
) -> Option<&'o Organisation> {
    orgs.iter().find(|o| o.matches(address, mailbox))
}

/// The name shown for the desk default in reports and lists.
pub const DESK_DEFAULT: &str = "(desk)";

/// `Ok` when `name` is a configured organisation or [`DESK_DEFAULT`]; else the reason,
/// naming the ones there are (for `--organisation`).
pub fn known(orgs: &[Organisation], name: &str) -> Result<(), String> {
    if name == DESK_DEFAULT || orgs.iter().any(|o| o.name == name) {
        return Ok(());
    }
    let mut names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
    names.push(DESK_DEFAULT);
    Err(format!(
        "unknown organisation {name:?}; configured: {}",
        names.join(", ")
    ))
}

/// The organisation name of a ticket, [`DESK_DEFAULT`] for the desk's own requesters.
pub fn name_of(orgs: &[Organisation], requester: &str, mailbox: Option<&str>) -> String {
    organisation_of(orgs, requester, mailbox)
        .map_or_else(|| DESK_DEFAULT.to_string(), |o| o.name.clone())
}

/// A reply from `sender` on ticket of `requester` may be threaded into it only when both belong
/// to the same organisation. `Err` carries the two names for the log and the timeline.
pub fn may_thread(
    orgs: &[Organisation],
    sender: &str,
    requester: &str,
    ticket_mailbox: Option<&str>,
) -> Result<(), (String, String)> {
    if orgs.is_empty() {
        return Ok(());
    }
    if sender.trim().eq_ignore_ascii_case(requester.trim()) {
        return Ok(());
    }
    let ticket_org = organisation_of(orgs, requester, ticket_mailbox);
    let sender_org = organisation_of(orgs, sender, None);
    let name =
        |o: Option<&Organisation>| o.map_or_else(|| DESK_DEFAULT.to_string(), |o| o.name.clone());
    match (sender_org, ticket_org) {
        (None, None) => Ok(()),
        (Some(a), Some(b)) if a.name == b.name => Ok(()),
        // A ticket that belongs to an organisation only through its mailbox: a sender of no
        // organisation wrote to that mailbox too.
        (None, Some(b)) if !b.owns(requester) => Ok(()),
        (a, b) => Err((name(a), name(b))),
    }
}

/// Whether `#cc address` may be added to a ticket of organisation `org`: its own addresses and
/// domains, and the `allow_cc_domains`, are fine; anything else is outside. Desk-default
/// tickets (`None`) take any address.
pub fn cc_allowed(org: Option<&Organisation>, address: &str) -> Result<(), String> {
    let Some(o) = org else { return Ok(()) };
    if o.owns(address) {
        return Ok(());
    }
    let d = domain_of(address).unwrap_or_default();
    if o.allow_cc_domains.contains(&d) {
        return Ok(());
    }
    Err(format!(
        "{address} is outside organisation {}: only its own addresses{} may be copied \
         (allow_cc_domains)",
        o.name,
        if o.allow_cc_domains.is_empty() {
            String::new()
        } else {
            format!(" and {}", o.allow_cc_domains.join(", "))
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str, domains: &[&str], addresses: &[&str]) -> Organisation {
        Organisation {
            name: name.into(),
            domains: domains.iter().map(|s| s.to_string()).collect(),
            addresses: addresses.iter().map(|s| s.to_string()).collect(),
            mailbox: None,
            engineers: Vec::new(),
            language: None,
            calendar: None,
            sla: None,
            digest_recipients: Vec::new(),
            allow_cc_domains: Vec::new(),
        }
    }

    fn orgs() -> Vec<Organisation> {
        let mut beta = org("beta", &["beta.cn"], &[]);
        beta.mailbox = Some("beta@imap/INBOX".into());
        vec![
            org("vip", &[], &["ceo@acme.com"]),
            org("acme", &["acme.com", "acme.cn"], &[]),
            beta,
            org("acme-too", &["acme.com"], &[]),
        ]
    }

    #[test]
    fn first_matching_organisation_wins_else_desk_default() {
        let o = orgs();
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("li@acme.com", None, "acme"),
            ("LI@ACME.CN", None, "acme"),
            ("ceo@acme.com", None, "vip"),
            ("wang@beta.cn", None, "beta"),
            ("someone@gmail.com", Some("beta@imap/INBOX"), "beta"),
            ("someone@gmail.com", Some("other@imap/INBOX"), DESK_DEFAULT),
            ("li@sub.acme.com", None, DESK_DEFAULT),
            ("li@notacme.com", None, DESK_DEFAULT),
            ("not an address", None, DESK_DEFAULT),
            ("", None, DESK_DEFAULT),
        ];
        for (addr, mailbox, want) in cases {
            assert_eq!(name_of(&o, addr, *mailbox), *want, "{addr} {mailbox:?}");
        }
        assert_eq!(name_of(&[], "li@acme.com", None), DESK_DEFAULT);
    }

    #[test]
    fn only_configured_names_and_the_desk_are_known() {
        let o = orgs();
        assert!(known(&o, "acme").is_ok());
        assert!(known(&o, DESK_DEFAULT).is_ok());
        assert!(known(&[], DESK_DEFAULT).is_ok());
        let why = known(&o, "Acme").unwrap_err();
        assert!(
            why.contains("\"Acme\"") && why.contains("vip, acme, beta, acme-too, (desk)"),
            "{why}"
        );
    }

    #[test]
    fn replies_thread_only_within_one_organisation() {
        let o = orgs();
        assert!(may_thread(&o, "li@acme.com", "zhang@acme.cn", None).is_ok());
        assert!(may_thread(&o, "li@acme.com", "li@acme.com", None).is_ok());
        assert!(may_thread(&o, "x@gmail.com", "y@hotmail.com", None).is_ok());
        assert_eq!(
            may_thread(&o, "li@acme.com", "wang@beta.cn", None),
            Err(("acme".into(), "beta".into()))
        );
        assert_eq!(
            may_thread(&o, "x@gmail.com", "li@acme.com", None),
            Err((DESK_DEFAULT.into(), "acme".into()))
        );
        assert!(may_thread(&[], "li@acme.com", "wang@beta.cn", None).is_ok());
    }

    #[test]
    fn cc_outside_the_organisation_needs_allow_cc_domains() {
        let mut acme = org("acme", &["acme.com"], &["boss@partner.com"]);
        assert!(cc_allowed(Some(&acme), "it@acme.com").is_ok());
        assert!(cc_allowed(Some(&acme), "boss@partner.com").is_ok());
        let err = cc_allowed(Some(&acme), "rival@beta.cn").unwrap_err();
        assert!(err.contains("outside organisation acme"), "{err}");
        acme.allow_cc_domains = vec!["vendor.com".into()];
        assert!(cc_allowed(Some(&acme), "support@vendor.com").is_ok());
        assert!(cc_allowed(None, "anyone@anywhere.org").is_ok());
    }

    #[test]
    fn engineers_list_limits_who_takes_tickets() {
        let mut acme = org("acme", &["acme.com"], &[]);
        assert!(acme.allows_engineer("Bob"));
        acme.engineers = vec!["Alice".into()];
        assert!(acme.allows_engineer("alice"));
        assert!(!acme.allows_engineer("Bob"));
    }
}
