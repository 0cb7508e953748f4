//! The one reading of a requester's answer that both the daemon (`lifecycle::requester`) and
//! `supportbot eval-answers` use: given what we asked (confirmation, survey, KB suggestion) and
//! the fresh text, what did they answer? Pure. The safety rule lives here: only a clear answer
//! may close a ticket or give a rating; anything else is `Unclear` and goes to a human.

use super::confirmation::{asks_back, explain_confirmation, has_hedge, Confirmation};
use super::kb::{read_kb_answer_explained, KbAnswer};
use super::rating::{has_alternatives, parse_rating_detailed};
use super::withdrawal::is_withdrawal;
use std::fmt;
use std::str::FromStr;

/// What the requester was answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnswerContext {
    /// "Is it fixed?" after a resolution.
    Confirmation,
    /// "How satisfied are you?" after the close.
    Survey,
    /// "Did this knowledge-base article solve it?"
    Kb,
}

impl AnswerContext {
    /// Every context, in report order.
    pub const ALL: [AnswerContext; 3] = [
        AnswerContext::Confirmation,
        AnswerContext::Survey,
        AnswerContext::Kb,
    ];

    /// The label used in `labels.csv`.
    pub fn label(self) -> &'static str {
        match self {
            AnswerContext::Confirmation => "confirmation",
            AnswerContext::Survey => "survey",
            AnswerContext::Kb => "kb",
        }
    }
}

impl FromStr for AnswerContext {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AnswerContext::ALL
            .into_iter()
            .find(|c| c.label() == s.trim())
            .ok_or_else(|| format!("unknown context {s:?} (confirmation, survey or kb)"))
    }
}

/// What the requester answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    /// "Yes, it is fixed": the ticket closes.
    Confirmed,
    /// "No, still broken": the ticket reopens.
    Rejected,
    /// Nothing to act on: the ticket stays as it is and the engineer is told.
    Unclear,
    /// A satisfaction rating 1..=5.
    Rating(u8),
    /// "Please close / never mind": the ticket closes.
    Withdrawn,
    /// The old problem is fixed but the reply describes another one: nothing closes, the
    /// engineer is told.
    NewProblem,
    /// The KB article solved it.
    Solved,
    /// The KB article did not help.
    NotSolved,
}

impl Answer {
    /// True for answers that close a ticket.
    pub fn closes(self) -> bool {
        matches!(self, Answer::Confirmed | Answer::Withdrawn | Answer::Solved)
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Confirmed => f.write_str("confirmed"),
            Answer::Rejected => f.write_str("rejected"),
            Answer::Unclear => f.write_str("unclear"),
            Answer::Rating(n) => write!(f, "rating:{n}"),
            Answer::Withdrawn => f.write_str("withdrawn"),
            Answer::NewProblem => f.write_str("new_problem"),
            Answer::Solved => f.write_str("solved"),
            Answer::NotSolved => f.write_str("not_solved"),
        }
    }
}

impl FromStr for Answer {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Some(n) = s.strip_prefix("rating:") {
            return match n.trim().parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Answer::Rating(n)),
                _ => Err(format!("rating {n:?} is not 1..=5")),
            };
        }
        Ok(match s {
            "confirmed" => Answer::Confirmed,
            "rejected" => Answer::Rejected,
            "unclear" => Answer::Unclear,
            "withdrawn" => Answer::Withdrawn,
            "new_problem" => Answer::NewProblem,
            "solved" => Answer::Solved,
            "not_solved" => Answer::NotSolved,
            _ => return Err(format!("unknown answer {s:?}")),
        })
    }
}

/// An answer with the phrases that decided it and, for a rating, the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerVerdict {
    pub answer: Answer,
    /// E.g. `negative: "still"`; goes to the ticket history.
    pub reason: String,
    /// The rating comment, if any.
    pub comment: Option<String>,
}

fn verdict(answer: Answer, reason: String) -> AnswerVerdict {
    AnswerVerdict {
        answer,
        reason,
        comment: None,
    }
}

/// Who wrote the answer, as far as the ticket knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// The ticket's requester (the address compared without regard to case).
    Requester,
    /// Anybody else: a colleague, the requester's private address, a forward.
    Other,
}

impl Writer {
    /// `Requester` when `from` is `requester`'s address (ASCII case ignored), else `Other`.
    pub fn of(from: &str, requester: &str) -> Writer {
        if from.trim().eq_ignore_ascii_case(requester.trim()) {
            Writer::Requester
        } else {
            Writer::Other
        }
    }
}

/// [`read_answer`] for an answer by `writer`. Only the requester may close or rate a ticket: from
/// anybody else a yes, a request to close or a score is `Unclear` (the engineer reads it); what
/// does not close (a "still broken", a new problem) keeps its reading.
pub fn read_answer_by(context: AnswerContext, new_text: &str, writer: Writer) -> AnswerVerdict {
    let v = read_answer(context, new_text);
    match (writer, v.answer) {
        (Writer::Other, a) if a.closes() || matches!(a, Answer::Rating(_)) => AnswerVerdict {
            answer: Answer::Unclear,
            reason: format!("unclear: {a} from someone other than the requester"),
            comment: None,
        },
        _ => v,
    }
}

/// Read the requester's fresh text (`InboundMail::new_text`) as an answer to `context`.
pub fn read_answer(context: AnswerContext, new_text: &str) -> AnswerVerdict {
    match context {
        AnswerContext::Confirmation => read_confirmation(new_text),
        AnswerContext::Survey => read_survey(new_text),
        AnswerContext::Kb => {
            let (kb, reason) = read_kb_answer_explained(new_text);
            let answer = match kb {
                KbAnswer::Solved => Answer::Solved,
                KbAnswer::NotSolved => Answer::NotSolved,
                KbAnswer::Unclear => Answer::Unclear,
            };
            verdict(answer, reason)
        }
    }
}

fn read_confirmation(new_text: &str) -> AnswerVerdict {
    let v = explain_confirmation(new_text);
    match v.confirmation {
        Confirmation::Affirmative => verdict(Answer::Confirmed, v.reason),
        _ if is_withdrawal(new_text) => {
            verdict(Answer::Withdrawn, "withdrawal: asked to close".to_string())
        }
        Confirmation::Negative => verdict(Answer::Rejected, v.reason),
        Confirmation::NewProblem => verdict(Answer::NewProblem, v.reason),
        Confirmation::Unclear => verdict(Answer::Unclear, v.reason),
    }
}

fn read_survey(new_text: &str) -> AnswerVerdict {
    // A rating must be the one clear score: a hedge ("I'll rate it later", 还没用过, "hard to
    // say"), two scores ("4 or 5", "5 if it stays fixed, otherwise 1") or a question back
    // ("4? Is that the highest?") rate nothing.
    let rating = parse_rating_detailed(new_text)
        .filter(|_| !has_hedge(new_text) && !has_alternatives(new_text) && !asks_back(new_text))
        .map(|(r, _)| r);
    if let Some(r) = rating {
        return AnswerVerdict {
            answer: Answer::Rating(r.score),
            reason: format!("rating: {}", r.score),
            comment: r.comment,
        };
    }
    let v = explain_confirmation(new_text);
    match v.confirmation {
        // "Tell us what is still wrong" was not asked here: words without a cue reopen nothing.
        Confirmation::Negative if v.cued => verdict(Answer::Rejected, v.reason),
        Confirmation::NewProblem => verdict(Answer::NewProblem, v.reason),
        Confirmation::Negative | Confirmation::Affirmative | Confirmation::Unclear => {
            verdict(Answer::Unclear, v.reason)
        }
    }
}
