//! Keyword rules → category, priority and language, with the words that decided them.
//! Rules are data (`config/rules.toml`, compiled into the binary as the default); this
//! module only compiles, validates and applies them. Pure: no I/O, no clock.
//!
//! How a decision is made (the labelling guide's procedure, §3 and §4):
//! - every `[[category]]` rule whose patterns match adds its weight to its category,
//!   body matches at full weight, subject matches at `subject_weight`;
//! - `[[signal]]` rules mark facts about the mail: something is `broken`, the sender
//!   `ask`s a question or makes a wish, the impact is wide (`p1_scope`), a core
//!   business stopped (`p1_core`), the sender is `blocked`, a `deadline` is near, a
//!   `workaround` exists, the issue is `cosmetic`;
//! - nothing broken and a question or wish → category `request`; otherwise the best
//!   scoring of the other categories;
//! - priority starts at P3 (or the deciding rule's `priority`), goes to P1 on wide
//!   impact or a stopped core business, to P2 when the sender is blocked or a deadline
//!   is near (a workaround takes one of those back), to P4 for cosmetic issues.
//!   Adjectives such as "urgent" are deliberately not signals.

mod compile;
mod impact;
mod lang;
pub mod lint;
mod rules;
mod score;
#[cfg(test)]
mod tests;

pub use impact::{count_people, zh_number, Counts, Impact};
pub use lang::detect_language;
pub use rules::{Rules, RulesError, Signal, DEFAULT_RULES};

/// How a low-confidence classification is marked in the stored reasons, so mails
/// rendered later (notifications, the acknowledgement) can word it tentatively.
pub const LOW_CONFIDENCE_REASON: &str = "confidence: low";

/// Whether the classifier's reasons mark the classification as low confidence.
pub fn is_low_confidence(reasons: &[String]) -> bool {
    reasons.iter().any(|r| r.starts_with(LOW_CONFIDENCE_REASON))
}
