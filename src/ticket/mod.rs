//! PURE ticket logic. Nothing here does I/O, reads the clock or knows about tokio,
//! sqlx, lettre or async-imap: values in, values out (tests/it/architecture.rs checks it).

pub mod approval;
pub mod calendar;
pub mod classify;
pub mod command;
pub mod correction;
pub mod facts;
pub mod lifecycle;
pub mod loop_budget;
pub mod model;
pub mod organisation;
pub mod reply;
pub mod rule_suggest;
pub mod sla;
pub mod sla_pause;
pub mod token;
