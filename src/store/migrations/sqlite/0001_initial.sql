-- supportbot schema v1 (SQLite). Keep in step with ../postgres/0001_initial.sql.
-- Times are epoch seconds (INTEGER) so both databases and the pure core agree.

-- Tickets; the id is the ticket number shown as [#N].
CREATE TABLE tickets (
    id                INTEGER PRIMARY KEY,
    status            TEXT    NOT NULL,
    category          TEXT    NOT NULL,
    priority          TEXT    NOT NULL,
    language          TEXT    NOT NULL,
    requester         TEXT    NOT NULL,
    requester_name    TEXT,
    subject           TEXT    NOT NULL,
    reasons           TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    mailbox           TEXT    NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    respond_by        INTEGER NOT NULL,
    resolve_by        INTEGER NOT NULL,
    first_response_at INTEGER,
    resolved_at       INTEGER,
    closed_at         INTEGER,
    assignee          TEXT,
    rating            INTEGER,
    root_message_id   TEXT    NOT NULL
) STRICT;
CREATE INDEX tickets_status ON tickets (status);
CREATE INDEX tickets_requester ON tickets (requester);
CREATE INDEX tickets_created ON tickets (created_at);

-- Raw bytes of every accepted or quarantined mail.
CREATE TABLE raw_mails (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT    NOT NULL,
    bytes       BLOB    NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;

-- Mails in and out of a ticket; body is the stored text (quoted history removed).
CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    direction   TEXT    NOT NULL,          -- 'in' | 'out'
    visibility  TEXT    NOT NULL DEFAULT 'public',  -- 'public' | 'internal'
    message_id  TEXT    NOT NULL,
    sender      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    raw_id      INTEGER REFERENCES raw_mails (id),
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_ticket ON messages (ticket_id);
CREATE INDEX messages_message_id ON messages (message_id);

-- Attachment metadata; content lives in data_dir/attachments/<sha256 prefix>/<sha256>.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    message_row  INTEGER NOT NULL REFERENCES messages (id),
    filename     TEXT    NOT NULL,   -- sanitised
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL
) STRICT;
CREATE INDEX attachments_ticket ON attachments (ticket_id);

-- The audit trail.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    from_value TEXT,
    to_value   TEXT,
    detail     TEXT,
    message_id TEXT
) STRICT;
CREATE INDEX events_ticket ON events (ticket_id);

-- Every inbound mail we have dealt with; the dedup keys of "nothing doubled".
-- uid is NULL for mail piped in by the MTA (`supportbot ingest`).
CREATE TABLE processed (
    id           INTEGER PRIMARY KEY,
    mailbox      TEXT    NOT NULL,
    uidvalidity  INTEGER NOT NULL,
    uid          INTEGER,
    message_id   TEXT    NOT NULL UNIQUE,
    outcome      TEXT    NOT NULL,  -- 'ticket' | 'follow_up' | 'ignored' | 'quarantined' | 'duplicate'
    reason       TEXT,
    ticket_id    INTEGER,
    raw_id       INTEGER,
    processed_at INTEGER NOT NULL,
    UNIQUE (mailbox, uidvalidity, uid)
) STRICT;
CREATE INDEX processed_outcome ON processed (outcome);

-- Duplicate copies (same Message-ID at another UID) so their UIDs are not fetched again.
CREATE TABLE seen_uids (
    mailbox     TEXT    NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    message_id  TEXT    NOT NULL,
    PRIMARY KEY (mailbox, uidvalidity, uid)
) STRICT;

-- Where fetching resumes.
CREATE TABLE mailbox_state (
    mailbox     TEXT    PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL
) STRICT;

-- Durable outbox: rendered bytes and envelope, so a retry is byte-identical.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER,
    kind            TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    env_from        TEXT    NOT NULL,   -- '' = null return path
    env_to          TEXT    NOT NULL,   -- JSON array
    recipient       TEXT    NOT NULL,   -- first recipient, lower-case; for the loop budget
    bytes           BLOB    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'queued',  -- 'queued' | 'sent' | 'failed'
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient, created_at);
CREATE INDEX outbox_ticket ON outbox (ticket_id, id);
