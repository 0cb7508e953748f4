//! The one integration-test binary (cheap to link on 2 cores); one module per area.
// Test helpers outside #[test] functions may panic: a failed setup is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod approval_e2e;
mod architecture;
mod corpus;
mod corrections_e2e;
mod desk;
mod env;
mod eval;
mod faults;
mod faults_proxy;
mod fleet;
mod hostile;
mod hostile_fuzz;
mod imap_edge;
mod intake_e2e;
mod knowledge_e2e;
mod migration_order;
mod oauth2_e2e;
mod oauth2_server;
mod ops_e2e;
mod organisation_e2e;
mod oversize;
mod recovery;
mod security;
mod sla_e2e;
mod smtp_edge;
mod store_contract;
mod timers_store;
mod transfer;
mod workflow_e2e;
