-- supportbot schema v2 (postgres): the ticket conversation by email (issue 3).
-- Keep in step with ../sqlite/0002_workflow.sql. Never edit 0001.

-- Addresses copied on progress updates (#cc): JSON array of lower-case addresses.
ALTER TABLE tickets ADD COLUMN cc TEXT NOT NULL DEFAULT '[]';
-- How often the ticket went back from resolved/closed to open.
ALTER TABLE tickets ADD COLUMN reopen_count BIGINT NOT NULL DEFAULT 0;
-- The engineer's solution from #resolve.
ALTER TABLE tickets ADD COLUMN solution TEXT;
-- What we wait for from the requester: 'none' | 'confirmation' | 'rating'.
ALTER TABLE tickets ADD COLUMN awaiting TEXT NOT NULL DEFAULT 'none';
-- When the requester last got a progress update from us.
ALTER TABLE tickets ADD COLUMN last_public_update_at BIGINT;
-- The closed ticket this one continues (a reply after the reopen window).
ALTER TABLE tickets ADD COLUMN previous_ticket BIGINT;
-- When the auto-close reminder went out for the current resolution.
ALTER TABLE tickets ADD COLUMN reminded_at BIGINT;
-- Next auto-close step (reminder or close) from lifecycle::next_timer; NULL = nothing due.
-- The sweep loads tickets with workflow_due_at <= now and sleeps until MIN(workflow_due_at).
ALTER TABLE tickets ADD COLUMN workflow_due_at BIGINT;
CREATE INDEX tickets_workflow_due ON tickets (workflow_due_at);
-- Per-engineer open-ticket counts for routing.
CREATE INDEX tickets_assignee ON tickets (assignee, status);
