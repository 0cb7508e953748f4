-- Triage corrections (issue 12 §3). Keep in step with ../postgres/0006_corrections.sql.
-- One row per #category / #priority change an engineer made: what the classifier had said
-- (old_value), what the engineer set (new_value), who and when, and the classifier's
-- reasons at that moment (the words and rule ids that had decided), as a JSON array.
-- `supportbot report` counts tickets never corrected; `rules suggest` mines these rows.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    field      TEXT    NOT NULL,               -- 'category' | 'priority'
    old_value  TEXT    NOT NULL,
    new_value  TEXT    NOT NULL,
    actor      TEXT    NOT NULL,               -- the engineer's address
    at         INTEGER NOT NULL,
    reasons    TEXT    NOT NULL DEFAULT '[]'   -- JSON array of strings
) STRICT;
CREATE INDEX corrections_ticket ON corrections (ticket_id);
CREATE INDEX corrections_at ON corrections (at);
