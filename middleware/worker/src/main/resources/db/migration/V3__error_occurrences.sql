-- One open ExchangeSyncError__c row per failing record and cause, however often
-- it fails: the row's key (Error_Key__c, an external id) and its count and last
-- occurrence are kept here, so every worker adds to the same count.
CREATE TABLE error_occurrence (
  org_id      text        NOT NULL,
  error_key   text        NOT NULL,
  occurrences integer     NOT NULL,
  first_at    timestamptz NOT NULL,
  last_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, error_key)
);

ALTER TABLE error_outbox
  ADD COLUMN error_key         text,
  ADD COLUMN occurrences       integer     NOT NULL DEFAULT 1,
  ADD COLUMN first_occurred_at timestamptz;
