-- What each side acknowledged holding, when it differs from the values the last
-- sync decided (base): one side's write was refused (the rep edited the item
-- meanwhile), so that side still holds what it held, and a change there since is
-- the rep's, to be kept. Null means "the same as base".
ALTER TABLE sync_link ADD COLUMN salesforce_base jsonb;
ALTER TABLE sync_link ADD COLUMN exchange_base jsonb;
