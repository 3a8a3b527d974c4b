-- Normalization and near-duplicate detection (enrich-service's dedup/ and normalize/ packages).

-- The body as analysed: NFKC, whitespace collapsed, trailing teasers and credit lines cut.
-- The API keeps showing `body`; NULL for rows stored before this migration until re-enriched.
ALTER TABLE article ADD COLUMN clean_body text;

-- One row per stored article long enough to compare: its MinHash signature (128 x 32 bit) and its
-- 32 LSH band keys. A lookup is `bands && $1` on the GIN index: its cost follows the number of
-- articles sharing a band with the new one, not the size of the corpus.
CREATE TABLE article_fingerprint (
    article_id         varchar(32) PRIMARY KEY REFERENCES article (id),
    bands              bigint[]    NOT NULL,
    signature          bytea       NOT NULL,
    shingle_count      integer     NOT NULL,
    -- Fingerprinter.VERSION: band keys from another version do not match these.
    fingerprint_version smallint   NOT NULL
);
CREATE INDEX article_fingerprint_bands_idx ON article_fingerprint USING gin (bands);

-- A group of articles that are near-duplicates of one another (linked through verified pairs).
-- The canonical article is the earliest: by event_time (published, else ingested), then store order.
CREATE TABLE duplicate_cluster (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    canonical_id  varchar(32)  NOT NULL UNIQUE REFERENCES article (id),
    size          integer      NOT NULL CHECK (size >= 2),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX duplicate_cluster_updated_idx ON duplicate_cluster (updated_at);

-- Membership, the canonical article included. similarity: to its most similar member when it
-- joined (the first two members: to each other).
CREATE TABLE duplicate_cluster_member (
    article_id  varchar(32)      PRIMARY KEY REFERENCES article (id),
    cluster_id  bigint           NOT NULL REFERENCES duplicate_cluster (id),
    similarity  double precision NOT NULL CHECK (similarity > 0 AND similarity <= 1),
    joined_at   timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX duplicate_cluster_member_cluster_idx ON duplicate_cluster_member (cluster_id);

-- Every verified pair, stored in both directions so that "near-duplicates of X" is one index range.
CREATE TABLE near_duplicate (
    article_id  varchar(32)      NOT NULL REFERENCES article (id),
    other_id    varchar(32)      NOT NULL REFERENCES article (id),
    similarity  double precision NOT NULL CHECK (similarity > 0 AND similarity <= 1),
    found_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id <> other_id)
);
