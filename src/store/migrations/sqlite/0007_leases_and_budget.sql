-- 0007: outbox claims owned by a live sender, and the loop budget's memory.

-- Which sender process holds a claim ('' = none). Its heartbeat renews claimed_until while
-- it lives, so the lease can be short: a killed sender's rows are free again within one
-- lease instead of minutes.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_claims ON outbox (claimed_by) WHERE status = 'queued';

-- What each correspondent asked for within the loop-guard window: the fingerprint of
-- every request (see ticket::loop_budget), so an auto-responder repeating itself counts
-- against the budget while distinct requests from a shared account do not. Rows older
-- than the window are pruned by the batch that writes new ones.
CREATE TABLE sender_requests (
    id          INTEGER PRIMARY KEY,
    sender      TEXT    NOT NULL,   -- lower-case address
    fingerprint TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX sender_requests_sender ON sender_requests (sender, created_at);
CREATE INDEX sender_requests_age ON sender_requests (created_at);
