//! The imperative shell: loops that load, decide (via the pure core), commit, then act.

pub mod inbox;
pub mod knowledge;
pub mod outbox;
pub mod pipeline;
pub mod sweep;

#[cfg(test)]
mod reliability_tests;
#[cfg(test)]
mod story_tests;
pub mod timers;
