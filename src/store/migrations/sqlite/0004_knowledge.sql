-- Knowledge base, first-contact resolution and missing facts (issue 10). Keep in step
-- with ../postgres/0004_knowledge.sql. New tables only: existing inserts are untouched.

-- The facts of a request: found in the request, asked for in the acknowledgement, or
-- answered by a later reply. One row per ticket and fact; `asked` becomes `answered`.
CREATE TABLE ticket_facts (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    fact       TEXT    NOT NULL,               -- start_time, symptom, impact, contact, asset
    state      TEXT    NOT NULL,               -- found, asked, answered
    rule       TEXT    NOT NULL DEFAULT '',    -- the rule id that found it
    value      TEXT    NOT NULL DEFAULT '',    -- the words it matched (≤ 80 chars)
    updated_at INTEGER NOT NULL,
    UNIQUE (ticket_id, fact)
) STRICT;

-- Articles suggested in acknowledgements and what became of them: `pending` until the
-- requester answers, then `solved` (the ticket closed as self-service) or `not_solved`.
-- Scores are stored ×100 as integers (every column is integer, text or bytes: export).
CREATE TABLE kb_suggestions (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    article      TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    score_x100   INTEGER NOT NULL,
    place        INTEGER NOT NULL,               -- 1 = first suggestion
    outcome      TEXT    NOT NULL DEFAULT 'pending',
    suggested_at INTEGER NOT NULL,
    answered_at  INTEGER,
    UNIQUE (ticket_id, article)
) STRICT;

CREATE INDEX kb_suggestions_time ON kb_suggestions (suggested_at);
