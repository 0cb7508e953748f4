-- SLA timers, escalation and the service report (issue 4). Keep in step with
-- ../postgres/0003_sla.sql.

-- Every reminder, escalation and keep-in-loop nudge queued, by its stable key
-- ("respond-warning", "resolve-breach#2", "keep-in-loop@1790000000#1"). The UNIQUE pair
-- is what makes a notice go out once across restarts, replays and several daemons: the
-- timer inserts the key with ON CONFLICT DO NOTHING in the same transaction as the mail.
CREATE TABLE sla_alerts (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    key       TEXT    NOT NULL,
    sent_at   INTEGER NOT NULL,
    UNIQUE (ticket_id, key)
) STRICT;

-- Named timers. 'sla': the next wake-up the last tick computed (NULL = nothing pending),
-- shown by `supportbot tick` and useful to monitoring; the daemon recomputes it anyway.
CREATE TABLE timers (
    name       TEXT    PRIMARY KEY,
    due_at     INTEGER,
    updated_at INTEGER NOT NULL
) STRICT;

-- Weekly digests queued, one row per period ("2026-W48"): sent once per period even
-- with two daemons (INSERT ... ON CONFLICT DO NOTHING decides who queues it).
CREATE TABLE digests (
    period  TEXT    PRIMARY KEY,
    sent_at INTEGER NOT NULL
) STRICT;

-- The timer and the report read events by ticket and kind (status changes for pauses
-- and reopens, public replies for first response and keep-in-loop).
CREATE INDEX events_ticket_kind ON events (ticket_id, kind, at);
-- The report's window filter.
CREATE INDEX tickets_resolved ON tickets (resolved_at);
CREATE INDEX outbox_kind_ticket ON outbox (kind, ticket_id);
