-- What the sync remembers per rep and kind: links, cursors, tombstones; and who
-- works on which mailbox. Every row is keyed by org, so one database can serve
-- many orgs.

-- One synced pair: a Salesforce record and an Exchange item of one rep.
-- base holds the mapped fields as both sides agreed at the last sync: the
-- three-way merge compares each side against it, and echoes of our own writes
-- match it and so cause nothing.
CREATE TABLE sync_link (
  org_id              text        NOT NULL,
  user_id             text        NOT NULL,
  kind                text        NOT NULL CHECK (kind IN ('CONTACT', 'EVENT')),
  salesforce_id       text        NOT NULL,
  exchange_id         text        NOT NULL,
  base                jsonb       NOT NULL,
  exchange_change_key text,
  linked_at           timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, kind, salesforce_id),
  UNIQUE (org_id, user_id, kind, exchange_id)
);

-- Where each side's change feed was last read to (EWS SyncState, Salesforce
-- watermark), saved only after everything it covers is applied and linked.
-- direction is the configuration's direction when the cursor was saved: a
-- changed direction means a full read.
CREATE TABLE sync_cursor (
  org_id     text        NOT NULL,
  user_id    text        NOT NULL,
  kind       text        NOT NULL,
  side       text        NOT NULL CHECK (side IN ('SALESFORCE', 'EXCHANGE')),
  token      text        NOT NULL,
  direction  text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, kind, side)
);

-- A record whose partner was deleted: it is not re-created on the side where
-- the rep deleted it unless it changes again (its fingerprint moves on).
CREATE TABLE sync_tombstone (
  org_id       text        NOT NULL,
  user_id      text        NOT NULL,
  kind         text        NOT NULL,
  side         text        NOT NULL CHECK (side IN ('SALESFORCE', 'EXCHANGE')),
  record_id    text        NOT NULL,
  fingerprint  text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, kind, side, record_id)
);

-- A record whose last write failed: looked at again after a growing back-off
-- even if nobody changes it, until it succeeds. The open error row in
-- Salesforce counts the attempts instead of multiplying.
CREATE TABLE sync_retry (
  org_id     text        NOT NULL,
  user_id    text        NOT NULL,
  kind       text        NOT NULL,
  side       text        NOT NULL CHECK (side IN ('SALESFORCE', 'EXCHANGE')),
  record_id  text        NOT NULL,
  attempts   integer     NOT NULL,
  not_before timestamptz NOT NULL,
  PRIMARY KEY (org_id, user_id, kind, side, record_id)
);

-- Who syncs which mailbox: one worker at a time, until the lease expires.
CREATE TABLE mailbox_lease (
  org_id     text        NOT NULL,
  user_id    text        NOT NULL,
  owner      text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, user_id)
);

-- Records synced, per org, kind and minute: the system status's "last 60
-- minutes" and "last 24 hours" are sums over it.
CREATE TABLE sync_activity (
  org_id  text        NOT NULL,
  kind    text        NOT NULL,
  minute  timestamptz NOT NULL,
  records integer     NOT NULL,
  PRIMARY KEY (org_id, kind, minute)
);
