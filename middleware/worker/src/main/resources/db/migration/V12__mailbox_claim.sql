-- Which reps' mailboxes this org has marked as its own (the syncing org's mark
-- lives in the mailbox itself; see docs/sync-engine.md, "One mailbox, one org"),
-- and which it found marked by another org. The mailbox's mark decides; these
-- rows only let the org release its marks when a rep leaves its configurations,
-- and keep a mailbox another org syncs out of this org's served mailboxes
-- (readiness), since this org syncs nothing there.
CREATE TABLE mailbox_claim (
  org_id     text        NOT NULL,
  user_id    text        NOT NULL,
  email      text        NOT NULL,   -- the mailbox, to release it after the rep left
  held_by    text,                   -- null: this org's mark is on the mailbox; else the org whose mark was found
  checked_at timestamptz NOT NULL,   -- when a pass last read the mark
  PRIMARY KEY (org_id, user_id)
);
