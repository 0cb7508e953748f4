//! The answer to a knowledge-base suggestion ("did this article solve it? reply 'solved'"):
//! solved, not solved, or unclear. For the self-service resolution: only a clear "solved"
//! may close the ticket. Pure; the signature stays `fn(&str) -> KbAnswer` on purpose.

use super::confirmation::{explain_confirmation, Confirmation};

/// What the requester said about a suggested article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KbAnswer {
    /// The article solved it: the ticket may be resolved as self-service.
    Solved,
    /// It did not help: the ticket stays with the engineer.
    NotSolved,
    /// Anything else ("thanks", "I'll try later", a question): nothing changes.
    Unclear,
}

/// Read the requester's fresh text (`InboundMail::new_text`) as an answer to a KB suggestion.
pub fn read_kb_answer(fresh_text: &str) -> KbAnswer {
    read_kb_answer_explained(fresh_text).0
}

/// [`read_kb_answer`] with the phrases that decided it.
pub(super) fn read_kb_answer_explained(fresh_text: &str) -> (KbAnswer, String) {
    let v = explain_confirmation(fresh_text);
    let kb = match v.confirmation {
        Confirmation::Affirmative => KbAnswer::Solved,
        Confirmation::Negative => KbAnswer::NotSolved,
        Confirmation::NewProblem | Confirmation::Unclear => KbAnswer::Unclear,
    };
    (kb, v.reason)
}
