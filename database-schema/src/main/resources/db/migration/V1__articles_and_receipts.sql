-- newsflow schema, owned by enrich-service. query-service reads it through a read-only role.

-- One row per distinct article (id = content hash of normalized title + body, see ContentId).
CREATE TABLE article (
    id                  varchar(32)      PRIMARY KEY,
    -- Store order: "newest first" lists, cursors and `since` polling follow it.
    seq                 bigint           GENERATED ALWAYS AS IDENTITY UNIQUE,
    title               text,
    body                text             NOT NULL,
    source              text,
    author              text,
    url                 text,
    published_at        timestamptz,
    ingested_at         timestamptz      NOT NULL,
    stored_at           timestamptz      NOT NULL DEFAULT now(),
    language            varchar(8)       NOT NULL,
    language_confidence double precision NOT NULL,
    -- The time an article belongs to on a timeline: when it was published, else when it arrived.
    event_time          timestamptz      GENERATED ALWAYS AS (coalesce(published_at, ingested_at)) STORED,
    search_vector       tsvector         GENERATED ALWAYS AS (
                            to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED
);

CREATE INDEX article_event_time_idx ON article (event_time);
CREATE INDEX article_language_idx   ON article (language);
CREATE INDEX article_source_idx     ON article (source);
CREATE INDEX article_search_idx     ON article USING gin (search_vector);

-- Every articles.raw.v1 event enrich consumed, keyed by its eventId: a redelivered event is found
-- here and skipped, a re-dropped article is recorded as a DUPLICATE of the one already stored.
CREATE TABLE article_receipt (
    event_id      varchar(64)  PRIMARY KEY,
    article_id    varchar(32)  NOT NULL REFERENCES article (id),
    outcome       varchar(16)  NOT NULL CHECK (outcome IN ('STORED', 'DUPLICATE')),
    received_at   timestamptz  NOT NULL DEFAULT now(),
    channel       varchar(16),
    file_name     text,
    file_sha256   varchar(64),
    article_index integer
);

CREATE INDEX article_receipt_article_idx ON article_receipt (article_id);
CREATE INDEX article_receipt_outcome_idx ON article_receipt (outcome);
