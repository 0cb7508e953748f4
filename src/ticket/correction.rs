//! Triage corrections: which of a decision's events are an engineer overriding the
//! classifier (`#category`, `#priority`), as rows to record with the classifier's reasons.
//! Pure; the store writes them, `report` and `rules suggest` read them back.

use super::model::{Category, Event, EventKind, Priority, Timestamp};

/// The field an engineer corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Category,
    Priority,
}

impl Field {
    /// The name stored in `corrections.field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Category => "category",
            Field::Priority => "priority",
        }
    }
}

/// One `#category` / `#priority` change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub ticket: i64,
    pub field: Field,
    /// What the ticket said before (the classifier's guess, or an earlier correction).
    pub old_value: String,
    pub new_value: String,
    /// The engineer's address.
    pub actor: String,
    pub at: Timestamp,
    /// The classifier's reasons: the words and rule ids that had decided.
    pub reasons: Vec<String>,
}

/// A past ticket as triage saw it and as engineers left it: for the production accuracy in
/// the report and for mining rule suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageTicket {
    pub number: i64,
    pub subject: String,
    /// The request's text (first inbound mail, quoted history removed).
    pub text: String,
    /// What the classifier said at intake (the first correction's old value, if any).
    pub classified_category: Category,
    pub classified_priority: Priority,
    /// What the ticket says now.
    pub category: Category,
    pub priority: Priority,
    pub category_corrected: bool,
    pub priority_corrected: bool,
}

/// The corrections among `events` (just decided for ticket number `ticket`, classified for
/// `reasons`): category and priority changes with both values, made by anybody but the bot.
pub fn corrections_from(ticket: i64, reasons: &[String], events: &[Event]) -> Vec<Correction> {
    events
        .iter()
        .filter_map(|e| {
            let field = match e.kind {
                EventKind::CategoryChanged => Field::Category,
                EventKind::PriorityChanged => Field::Priority,
                _ => return None,
            };
            let (Some(old), Some(new)) = (&e.from_value, &e.to_value) else {
                return None;
            };
            (old != new && e.actor != "supportbot").then(|| Correction {
                ticket,
                field,
                old_value: old.clone(),
                new_value: new.clone(),
                actor: e.actor.clone(),
                at: e.at,
                reasons: reasons.to_vec(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EventKind, from: &str, to: &str, actor: &str) -> Event {
        Event {
            at: 100,
            actor: actor.into(),
            kind,
            from_value: Some(from.into()),
            to_value: Some(to.into()),
            detail: None,
            message_id: None,
        }
    }

    #[test]
    fn only_category_and_priority_changes_by_people_are_corrections() {
        let reasons = vec!["category network: \"VPN\" (+3)".to_string()];
        let events = [
            ev(EventKind::PriorityChanged, "P3", "P1", "bob@x"),
            ev(EventKind::CategoryChanged, "network", "account", "bob@x"),
            ev(EventKind::StatusChanged, "new", "open", "bob@x"),
            ev(EventKind::PriorityChanged, "P3", "P3", "bob@x"),
            ev(EventKind::PriorityChanged, "P3", "P2", "supportbot"),
        ];
        let got = corrections_from(7, &reasons, &events);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].field, Field::Priority);
        assert_eq!(
            (got[0].old_value.as_str(), got[0].new_value.as_str()),
            ("P3", "P1")
        );
        assert_eq!(got[1].field, Field::Category);
        assert_eq!(got[1].reasons, reasons);
        assert_eq!(got[1].ticket, 7);
    }
}
