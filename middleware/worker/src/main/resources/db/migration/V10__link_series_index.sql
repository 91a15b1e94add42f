-- A pass reads the links it needs rather than all of them (bounded memory per
-- mailbox): by Salesforce id (the key), by Exchange id (the unique constraint),
-- and a series' occurrence pairs by their series, which this index serves.
CREATE INDEX sync_link_series ON sync_link (org_id, user_id, kind, series) WHERE series IS NOT NULL;
