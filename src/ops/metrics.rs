//! The Prometheus metrics of one daemon: a `Registry` per [`Metrics`] (no globals, so
//! tests running several daemons in one process do not see each other's counts).
//! Counters are incremented by the workers at the edges; the outbox and OAuth2 gauges
//! are refreshed when `/metrics` is scraped.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::{Metric, Registry, Unit};
use std::sync::Arc;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
    pub reason: String,
}
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct TicketLabels {
    pub category: String,
    pub priority: String,
}
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabel {
    pub kind: String,
}
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MailboxLabel {
    pub mailbox: String,
}
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabel {
    pub outcome: String,
}

/// Every metric the daemon exports. Cheap to clone (an `Arc`).
#[derive(Clone, Debug)]
pub struct Metrics(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    registry: Registry,
    pub mails_received: Counter,
    pub mails_processed: Counter,
    pub mails_quarantined: Counter,
    pub mails_ignored: Family<ReasonLabel, Counter>,
    pub mails_duplicate: Counter,
    pub tickets_opened: Family<TicketLabels, Counter>,
    pub mails_sent: Family<KindLabel, Counter>,
    pub delivery_failures: Family<OutcomeLabel, Counter>,
    pub imap_reconnects: Family<MailboxLabel, Counter>,
    pub sla_breaches: Counter,
    pub arrival_to_commit: Histogram,
    pub commit_to_sent: Histogram,
    pub outbox_depth: Gauge,
    pub outbox_oldest_age: Gauge,
    pub outbox_failed: Gauge,
    pub mailbox_up: Family<MailboxLabel, Gauge>,
    pub oauth2_token_age: Family<MailboxLabel, Gauge>,
    pub oauth2_refresh_ok: Family<MailboxLabel, Gauge>,
    pub oauth2_refresh_failures: Family<MailboxLabel, Counter>,
    pub oauth2_warnings: Counter,
}

impl std::ops::Deref for Metrics {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

/// Register `metric` as `supportbot_<field>` (the field's name in [`Inner`]).
fn add(
    r: &mut Registry,
    field: &str,
    help: &str,
    unit: Option<Unit>,
    metric: &(impl Metric + Clone),
) {
    let name = format!("supportbot_{field}");
    match unit {
        Some(unit) => r.register_with_unit(name, help, unit, metric.clone()),
        None => r.register(name, help, metric.clone()),
    }
}

/// One line per metric: `field (Unit): "help"` registers `m.field` as `supportbot_field`.
macro_rules! metric_table {
    ($r:ident, $m:ident; $($field:ident $(($unit:ident))?: $help:literal,)*) => {
        $(add(&mut $r, stringify!($field), $help, metric_table!(@unit $($unit)?), &$m.$field);)*
    };
    (@unit) => { None };
    (@unit $unit:ident) => { Some(Unit::$unit) };
}

fn latency() -> Histogram {
    // 10 ms … ~20 min.
    Histogram::new(exponential_buckets(0.01, 2.0, 18))
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut r = Registry::default();
        let m = Inner {
            mails_received: Counter::default(),
            mails_processed: Counter::default(),
            mails_quarantined: Counter::default(),
            mails_ignored: Family::default(),
            mails_duplicate: Counter::default(),
            tickets_opened: Family::default(),
            mails_sent: Family::default(),
            delivery_failures: Family::default(),
            imap_reconnects: Family::default(),
            sla_breaches: Counter::default(),
            arrival_to_commit: latency(),
            commit_to_sent: latency(),
            outbox_depth: Gauge::default(),
            outbox_oldest_age: Gauge::default(),
            outbox_failed: Gauge::default(),
            mailbox_up: Family::default(),
            oauth2_token_age: Family::default(),
            oauth2_refresh_ok: Family::default(),
            oauth2_refresh_failures: Family::default(),
            oauth2_warnings: Counter::default(),
            registry: Registry::default(),
        };
        // prometheus-client appends `_total` to counters and the unit to the name.
        metric_table! { r, m;
            mails_received: "Mails fetched from the mailboxes",
            mails_processed: "Mails that opened or updated a ticket",
            mails_quarantined: "Mails quarantined (unparseable, too large)",
            mails_ignored: "Machine mails recorded without a ticket, by reason",
            mails_duplicate: "Mails seen before (same Message-ID)",
            tickets_opened: "Tickets opened, by category and priority",
            mails_sent: "Mails accepted by the SMTP server, by kind (ack, notify, notice, ...)",
            delivery_failures: "Failed deliveries: outcome retry or failed (given up)",
            imap_reconnects: "IMAP reconnections after an error, by mailbox",
            sla_breaches: "SLA breach escalations queued",
            arrival_to_commit (Seconds): "From the daemon seeing a mail (IDLE or poll) to its batch commit",
            commit_to_sent (Seconds): "From an outbox row's commit to its acceptance by SMTP",
            outbox_depth: "Outbox rows waiting to be sent",
            outbox_oldest_age (Seconds): "Age of the oldest queued outbox row",
            outbox_failed: "Outbox rows given up on",
            mailbox_up: "1 while the mailbox connection is logged in",
            oauth2_token_age (Seconds): "Age of the current OAuth2 access token",
            oauth2_refresh_ok: "1 when the last OAuth2 refresh worked, 0 while it fails",
            oauth2_refresh_failures: "Failed OAuth2 token refreshes",
            oauth2_warnings: "OAuth2 outage warnings mailed to the supervisors",
        }
        Metrics(Arc::new(Inner { registry: r, ..m }))
    }

    /// Count what an inbox batch did.
    pub fn record_batch(
        &self,
        r: &crate::worker::pipeline::BatchReport,
        seen_for: std::time::Duration,
    ) {
        let n = |v: usize| u64::try_from(v).unwrap_or(u64::MAX);
        self.mails_received.inc_by(n(r.fetched));
        self.mails_processed.inc_by(n(r.new_tickets + r.follow_ups));
        self.mails_quarantined.inc_by(n(r.quarantined));
        self.mails_duplicate.inc_by(n(r.duplicates));
        for (reason, count) in &r.ignored {
            self.mails_ignored
                .get_or_create(&ReasonLabel {
                    reason: reason.clone(),
                })
                .inc_by(n(*count));
        }
        for (category, priority) in &r.opened {
            self.tickets_opened
                .get_or_create(&TicketLabels {
                    category: category.clone(),
                    priority: priority.clone(),
                })
                .inc();
        }
        let secs = seen_for.as_secs_f64();
        for _ in 0..r.fetched.saturating_sub(r.duplicates) {
            self.arrival_to_commit.observe(secs);
        }
    }

    /// The text exposition format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::pipeline::BatchReport;

    #[test]
    fn names_follow_prometheus_conventions_and_counts_add_up() {
        let m = Metrics::new();
        let mut r = BatchReport {
            fetched: 5,
            new_tickets: 2,
            follow_ups: 1,
            quarantined: 1,
            opened: vec![
                ("network".into(), "P1".into()),
                ("network".into(), "P1".into()),
            ],
            ..Default::default()
        };
        r.ignored.insert("autoreply".into(), 1);
        m.record_batch(&r, std::time::Duration::from_millis(300));
        m.mails_sent
            .get_or_create(&KindLabel { kind: "ack".into() })
            .inc();
        let text = m.encode();
        for line in [
            "supportbot_mails_received_total 5",
            "supportbot_mails_processed_total 3",
            "supportbot_mails_quarantined_total 1",
            "supportbot_mails_ignored_total{reason=\"autoreply\"} 1",
            "supportbot_tickets_opened_total{category=\"network\",priority=\"P1\"} 2",
            "supportbot_mails_sent_total{kind=\"ack\"} 1",
            "supportbot_arrival_to_commit_seconds_count 5",
            "# TYPE supportbot_outbox_oldest_age_seconds gauge",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "{line:?} missing in:\n{text}"
            );
        }
        // A second registry starts from zero: no globals.
        assert!(Metrics::new()
            .encode()
            .contains("supportbot_mails_received_total 0"));
    }
}
