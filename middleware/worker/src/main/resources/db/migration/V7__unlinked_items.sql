-- Exchange items a pass left unlinked (no Salesforce partner found, none made:
-- the direction carries Salesforce to Exchange only, or Salesforce refused it),
-- with the key a Salesforce record matches them by (a contact's email). A
-- Salesforce record that comes later finds its partner here, whether or not the
-- item changed since, instead of being made a second time in the folder.
CREATE TABLE sync_unlinked_item (
  org_id      text NOT NULL,
  user_id     text NOT NULL,
  kind        text NOT NULL,
  exchange_id text NOT NULL,
  match_key   text NOT NULL,
  PRIMARY KEY (org_id, user_id, kind, exchange_id)
);
CREATE INDEX sync_unlinked_item_by_key ON sync_unlinked_item (org_id, user_id, kind, match_key);
