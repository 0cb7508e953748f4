//! supportbot: an email-first IT support desk.
//!
//! Architecture (functional core, imperative shell):
//! - `ticket/` is PURE: model, classification, lifecycle decisions, SLA arithmetic.
//! - `mail/parse`, `mail/loopguard`, `mail/render` are pure transformations of mail.
//! - `mail/imap`, `mail/smtp`, `store/`, `clock` are the edges that do I/O.
//! - `eval/` scores triage against a labelled directory (`supportbot eval`).
//! - `worker/` wires them: fetch → parse → decide → one transaction → flag; outbox → send.
//! - `ops/` is for the operator: health, metrics, the HTTP endpoint, sd_notify, status.

pub mod clock;
pub mod config;
pub mod eval;
pub mod eval_answers;
pub mod knowledge;
pub mod mail;
pub mod ops;
pub mod report;
pub mod store;
pub mod ticket;
pub mod view;
pub mod worker;

pub mod app;
pub mod cli;
pub mod telemetry;
