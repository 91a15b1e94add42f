-- What the pruner (store/TablePruner) looks rows up by, so that its hourly
-- deletes find their rows without reading whole tables.

-- Processed and failed notifications by the time they were handled (pending rows
-- are never pruned).
CREATE INDEX outbound_notification_handled ON outbound_notification (processed_at) WHERE status <> 'pending';

-- The newer rows of the same error, which supersede an older one waiting in the
-- outbox; and whether an error's count still has a row on its way.
CREATE INDEX error_outbox_key ON error_outbox (org_id, error_key, id);
