-- How each served mailbox last fared, per org, rep and kind, so that every worker
-- sees the whole org's mailboxes: readiness turns red and /metrics counts a
-- mailbox whose last successful pass is too old, whichever worker should have
-- synced it. A cycle writes the rows of the mailboxes it serves (linked reps of
-- active configurations, one row per kind) and removes the rows of those it no
-- longer serves, so the table holds one row per served mailbox and kind.
CREATE TABLE mailbox_sync (
  org_id       text        NOT NULL,
  user_id      text        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('CONTACT', 'EVENT')),
  email        text        NOT NULL,              -- the rep's mailbox, to name it in readiness answers
  served_since timestamptz NOT NULL,              -- first seen served: a mailbox never synced is stale from here
  last_attempt timestamptz,                       -- the last pass that ended, successfully or not
  last_success timestamptz,                       -- the last pass that ended successfully
  last_error   text,                              -- why the last pass failed; null after a success
  PRIMARY KEY (org_id, user_id, kind)
);
