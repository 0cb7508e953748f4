//! The auto-close sweep: load the resolved tickets whose reminder or close is due, ask the pure
//! core (`lifecycle::on_timer`) what to do, and commit tickets, events and outbox rows in ONE
//! transaction. The daemon calls it in a loop that sleeps until the next due time (at most 60 s,
//! so config changes and clock offsets are picked up); `once` calls it after fetching.

use super::pipeline::{self, BatchReport, Pipeline};
use crate::store::{Store, StoreError};
use crate::ticket::lifecycle::{self, Decision};
use crate::ticket::model::Timestamp;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// What one sweep did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    /// Tickets the timer acted on (reminded or closed).
    pub tickets: usize,
    pub mails_queued: usize,
}

/// Apply every due auto-close step at `now`.
pub async fn sweep(
    store: &Store,
    pipeline: &Pipeline,
    now: Timestamp,
) -> Result<SweepReport, StoreError> {
    let mut tx = store.begin().await?;
    let due = tx.due_workflow_tickets(now).await?;
    let mut queued = BatchReport::default();
    let mut report = SweepReport::default();
    for t in &due {
        match lifecycle::on_timer(t, &pipeline.policy, now) {
            Some(Decision::Append {
                ticket,
                events,
                outgoing,
                ..
            }) => {
                tx.update_ticket(&ticket).await?;
                tx.insert_events(ticket.number, &events).await?;
                pipeline::queue(&mut tx, pipeline, &outgoing, now, &mut queued).await?;
                tx.set_workflow_due(
                    ticket.number,
                    lifecycle::next_timer(&ticket, &pipeline.policy),
                )
                .await?;
                info!(ticket = ticket.number, status = %ticket.status, "Auto-close step applied.");
                report.tickets += 1;
            }
            // Not due under the current policy (it changed): store the new due time.
            _ => {
                tx.set_workflow_due(t.number, lifecycle::next_timer(t, &pipeline.policy))
                    .await?;
            }
        }
    }
    // Approval requests nobody answered: reminded at 75 % of `approval_timeout`, escalated
    // at the timeout (ticket::approval); the step is stored with its mails, so it goes once.
    for (t, a) in tx.due_approvals(now).await? {
        let Some((next, events, outgoing)) =
            lifecycle::on_approval_timer(&t, &a, &pipeline.policy, now)
        else {
            // Not due under the current policy: store the recomputed due time.
            tx.save_approval(t.number, &a, &pipeline.policy.workflow.approval, now)
                .await?;
            continue;
        };
        tx.insert_events(t.number, &events).await?;
        pipeline::queue(&mut tx, pipeline, &outgoing, now, &mut queued).await?;
        tx.save_approval(t.number, &next, &pipeline.policy.workflow.approval, now)
            .await?;
        info!(
            ticket = t.number,
            plan = a.seq,
            "Approval request reminded or escalated."
        );
        report.tickets += 1;
    }
    tx.commit().await?;
    report.mails_queued = queued.mails_queued;
    Ok(report)
}

/// How long to sleep before the next due step: until `MIN(workflow_due_at)`, capped at `cap`.
pub async fn sleep_hint(store: &Store, now: Timestamp, cap: Duration) -> Duration {
    match store.next_workflow_due().await {
        Ok(Some(due)) => {
            let secs = u64::try_from(due.saturating_sub(now)).unwrap_or(0);
            Duration::from_secs(secs).min(cap)
        }
        Ok(None) => cap,
        Err(e) => {
            warn!(error = %e, "Next auto-close time unknown; checking again later.");
            cap
        }
    }
}

/// The daemon loop: sweep, wake the outbox when mail was queued, sleep until the next due time.
pub async fn run(
    store: Store,
    pipeline: &Pipeline,
    wake: &tokio::sync::Notify,
    cancel: CancellationToken,
) {
    while !cancel.is_cancelled() {
        let now = crate::clock::now();
        match sweep(&store, pipeline, now).await {
            Ok(r) if r.mails_queued > 0 => wake.notify_one(),
            Ok(_) => {}
            Err(e) => warn!(error = %e, "Auto-close sweep failed; retrying."),
        }
        let nap = sleep_hint(&store, crate::clock::now(), Duration::from_secs(60))
            .await
            .max(Duration::from_millis(500));
        tokio::select! {
            _ = cancel.cancelled() => return,
            _ = tokio::time::sleep(nap) => {}
        }
    }
}
