-- Every near-duplicate lookup (`bands && $1`) also reads the GIN index's pending list, which with
-- fastupdate (PostgreSQL's default) collects new entries until a vacuum or 4 MB of them: thousands
-- of fingerprints scanned one by one on each lookup, a cost that grows with the articles stored since
-- the last vacuum. Without it, each insert puts its 32 band keys into the index itself, and a lookup
-- reads only the posting lists of its own keys.
ALTER INDEX article_fingerprint_bands_idx SET (fastupdate = off);
-- Entries already pending move into the index now rather than at the next vacuum.
SELECT gin_clean_pending_list('article_fingerprint_bands_idx'::regclass);
