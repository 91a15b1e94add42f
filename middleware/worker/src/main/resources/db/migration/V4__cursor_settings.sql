-- What decided which records a cursor's reads took (the configuration's scope,
-- filters, private-event choice, mapping): when it differs from the settings in
-- force, the cursor no longer covers what must be read, and the side is read
-- again from the beginning (links keep that from duplicating anything).
ALTER TABLE sync_cursor ADD COLUMN settings text NOT NULL DEFAULT '';
