-- Outbound Messages received from Salesforce, one row per notification.
-- Idempotent by (org_id, notification_id): Salesforce retries a message with the
-- same notification ids until it gets an Ack, so a duplicate is a no-op.
CREATE TABLE outbound_notification (
  org_id          text        NOT NULL,               -- 18-character org id
  notification_id text        NOT NULL,               -- Notification/Id, stable across retries
  action_id       text,                               -- the outbound message definition
  object_type     text        NOT NULL,               -- API name from xsi:type (namespaced as sent)
  record_id       text,                               -- the sObject's Id (18 characters), if sent
  fields          jsonb       NOT NULL,               -- every field the message carried, by API name
  received_at     timestamptz NOT NULL DEFAULT now(),
  status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
  attempts        integer     NOT NULL DEFAULT 0,     -- handler runs that failed
  next_attempt_at timestamptz NOT NULL DEFAULT now(), -- the consumer takes pending rows due by now
  last_error      text,
  processed_at    timestamptz,
  PRIMARY KEY (org_id, notification_id)
);
CREATE INDEX outbound_notification_due ON outbound_notification (next_attempt_at) WHERE status = 'pending';

-- Work for the scheduler: a Contact or Event changed in Salesforce, so the reps it
-- concerns should sync soon rather than at the next poll.
CREATE TABLE sync_request (
  id              bigserial   PRIMARY KEY,
  org_id          text        NOT NULL,
  object_type     text        NOT NULL CHECK (object_type IN ('Contact', 'Event')),
  record_id       text        NOT NULL,
  owner_id        text,                               -- OwnerId if the message carried it
  notification_id text        NOT NULL,
  requested_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, notification_id)
);
CREATE INDEX sync_request_org_requested ON sync_request (org_id, requested_at);

-- Work for the scheduler: an admin changed setup, a configuration, members,
-- mappings or a user status, or asked for a connection test.
CREATE TABLE config_change (
  id              bigserial   PRIMARY KEY,
  org_id          text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('setup', 'configuration', 'member', 'field_mapping',
                                                       'user_status', 'system_status', 'connection_test')),
  record_id       text,
  notification_id text        NOT NULL,
  requested_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, notification_id)
);
CREATE INDEX config_change_org_requested ON config_change (org_id, requested_at);

-- ExchangeSyncError__c rows on their way to Salesforce. A row leaves this table
-- only after Salesforce returned a successful SaveResult for it.
CREATE TABLE error_outbox (
  id                    bigserial   PRIMARY KEY,
  org_id                text        NOT NULL,
  user_id               text,
  object_type           text,
  direction             text,
  salesforce_record_id  text,
  exchange_item_id      text,
  error_code            text        NOT NULL,
  error_message         text        NOT NULL,
  suggestion            text,
  occurred_at           timestamptz NOT NULL,
  configuration_id      text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  attempts              integer     NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz NOT NULL DEFAULT now(),
  leased_until          timestamptz,                 -- a drainer is sending it until then
  last_error            text
);
CREATE INDEX error_outbox_due ON error_outbox (org_id, next_attempt_at);
