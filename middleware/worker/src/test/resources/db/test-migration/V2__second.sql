ALTER TABLE widget ADD COLUMN name text;
