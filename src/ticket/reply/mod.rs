//! What a requester's reply means: "is it fixed?" answers, satisfaction ratings, requests to
//! close, answers to a knowledge-base suggestion, in English and Chinese. Also owns the
//! line-level reading of reply text that `command.rs` shares (`text`).
//!
//! Everything here is a pure function of the text, explainable as "these phrases matched": no
//! models, no I/O, no clock. Only the first few meaningful lines are read, because further down a
//! reply holds signatures, disclaimers and quoted history that the caller may not have removed.
//! Seams: `text` (fresh text, folding), `scan` (phrase matching), `phrases` (the "is it fixed?"
//! tables), `confirmation`, `rating`, `withdrawal`, `kb`, and `answer`, the one entry point the
//! daemon and `eval-answers` share.

mod answer;
mod confirmation;
mod kb;
mod phrases;
mod rating;
mod scan;
mod text;
mod withdrawal;

pub use answer::{read_answer, read_answer_by, Answer, AnswerContext, AnswerVerdict, Writer};
pub use confirmation::{
    classify_confirmation, explain_confirmation, Confirmation, ConfirmationVerdict,
};
pub use kb::{read_kb_answer, KbAnswer};
pub use rating::{parse_rating, Rating};
pub use text::fresh_lines;
pub(crate) use text::{fold_char, is_blank, is_invisible, strip_lead};
pub use withdrawal::is_withdrawal;

/// How many non-blank lines of new text are read for a verdict.
const WINDOW_LINES: usize = 3;
/// Longer lines are cut here (in chars) before phrase matching; answers are short.
const MAX_LINE_CHARS: usize = 400;

#[cfg(test)]
mod answer_tests;
#[cfg(test)]
mod tests;
