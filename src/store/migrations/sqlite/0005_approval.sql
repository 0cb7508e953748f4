-- Change approval for risky work (issue 11). Keep in step with ../postgres/0005_approval.sql.

-- The plans of a ticket and their sign-off, one row per plan (seq 1, 2 … on the ticket; the
-- highest is the current one). `state` is the JSON of ticket::approval::Approval: the plan,
-- the addressed approvers and every vote with who, when and how it was authenticated.
-- `risk`, `outcome`, `requested_at` and `decided_at` are copies for the report; `due_at` is
-- the next reminder/escalation of a pending request (NULL = nothing due) for the timer.
CREATE TABLE approvals (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    seq          INTEGER NOT NULL,
    risk         TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    requested_at INTEGER NOT NULL,
    decided_at   INTEGER,
    due_at       INTEGER,
    state        TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (ticket_id, seq)
) STRICT;

CREATE INDEX approvals_due ON approvals (due_at);
CREATE INDEX approvals_requested ON approvals (requested_at);
