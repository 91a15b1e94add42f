-- A pair of one occurrence of a recurring series on each side: the Exchange
-- series (its master's id) it belongs to. Such pairs are kept by the series'
-- own step of the pass, not as single records; null for every other pair.
ALTER TABLE sync_link ADD COLUMN series text;
