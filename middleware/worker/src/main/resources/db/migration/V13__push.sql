-- Work for the scheduler: Exchange said a rep's mailbox changed (an EWS streaming
-- notification or a Microsoft Graph change notification), so the passes run now
-- instead of at the next poll. One row per notification; a row only wakes the
-- scheduler (like sync_request), and is pruned after a day.
CREATE TABLE mailbox_change (
  id          bigserial   PRIMARY KEY,
  org_id      text        NOT NULL,
  email       text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('CONTACT', 'EVENT')),
  source      text        NOT NULL CHECK (source IN ('ews', 'graph')),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mailbox_change_received ON mailbox_change (received_at);

-- The Microsoft Graph change-notification subscriptions the worker made, one per
-- org, mailbox and kind, so that whichever worker receives a notification can
-- check it. The clientState itself is never stored: only its SHA-256.
CREATE TABLE graph_subscription (
  id                text        PRIMARY KEY,              -- Graph's subscription id
  org_id            text        NOT NULL,
  email             text        NOT NULL,
  kind              text        NOT NULL CHECK (kind IN ('CONTACT', 'EVENT')),
  client_state_hash bytea       NOT NULL,
  expires_at        timestamptz NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, email, kind)
);
