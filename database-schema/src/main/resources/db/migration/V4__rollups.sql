-- Rollups: article counts per dimension value, per time bucket and in all, kept current in the
-- transaction that stores or re-enriches an article, so that dashboards' aggregates read a few
-- rollup rows instead of counting articles. query-service reads them; README "Rollups" explains
-- which requests they serve.

-- Every (dimension, value) an article is counted under. Entities count per type, so that a top list
-- of one type reads one dimension. One row per article and value: counting rows counts articles.
-- A source counts under its first 500 characters (the longest value query-service accepts), which
-- keeps every key within an index entry.
CREATE VIEW article_rollup_key AS
    SELECT id AS article_id, event_time, 'article'::text AS dim, ''::text AS key FROM article
    UNION ALL
    SELECT id, event_time, 'language', language FROM article
    UNION ALL
    SELECT id, event_time, 'source', left(source, 500) FROM article WHERE source IS NOT NULL
    UNION ALL
    SELECT article_id, event_time, 'theme', theme FROM article_theme
    UNION ALL
    SELECT article_id, event_time, lower(entity_type), entity_id FROM article_entity;

-- grain: bucket width in seconds (900, 3600 or 86400); bucket: its start, aligned to the epoch (UTC).
CREATE TABLE rollup_bucket (
    dim       text         NOT NULL,
    grain     integer      NOT NULL,
    bucket    timestamptz  NOT NULL,
    key       text         NOT NULL,
    articles  integer      NOT NULL,
    PRIMARY KEY (dim, grain, bucket, key)
);
-- One value's series (a timeline filtered by it, or one series of a grouped timeline).
CREATE INDEX rollup_bucket_key_idx ON rollup_bucket (dim, key, grain, bucket) INCLUDE (articles);

-- All-time counts; also the counters of /stats ('duplicate': events dropped as exact duplicates,
-- 'near_duplicate': articles in a cluster beyond its canonical one). Counts are sums of deltas:
-- within a transaction one may dip below zero (a cluster is counted before its members), so there
-- is no CHECK; readers skip rows that count nothing.
CREATE TABLE rollup_total (
    dim       text    NOT NULL,
    key       text    NOT NULL,
    articles  bigint  NOT NULL,
    PRIMARY KEY (dim, key)
);
CREATE INDEX rollup_total_rank_idx ON rollup_total (dim, articles DESC, key);

-- Bumped by every transaction that changes what the query API answers; query-service derives its
-- ETags from it, so a poll answered 304 costs no query.
CREATE TABLE data_watermark (
    id          boolean      PRIMARY KEY DEFAULT true CHECK (id),
    version     bigint       NOT NULL,
    changed_at  timestamptz  NOT NULL
);
INSERT INTO data_watermark (version, changed_at) VALUES (1, clock_timestamp());

-- /stats' latest ingestion time, without reading every article.
CREATE INDEX article_ingested_at_idx ON article (ingested_at);

-- Adds (sign 1) or takes away (sign -1) one article's counts. Rows are locked in key order, so two
-- transactions touching the same rows wait for each other instead of deadlocking; callers apply it
-- last in their transaction, since the all-articles rows are shared by every writer.
CREATE FUNCTION rollup_apply(p_article varchar, p_sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_bucket AS r (dim, grain, bucket, key, articles)
    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain), k.key, p_sign
    FROM article_rollup_key k CROSS JOIN (VALUES (900), (3600), (86400)) AS g (grain)
    WHERE k.article_id = p_article
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim, grain, bucket, key) DO UPDATE SET articles = r.articles + p_sign;

    INSERT INTO rollup_total AS r (dim, key, articles)
    SELECT k.dim, k.key, p_sign FROM article_rollup_key k
    WHERE k.article_id = p_article
    ORDER BY 1, 2
    ON CONFLICT (dim, key) DO UPDATE SET articles = r.articles + p_sign;
$$;

CREATE FUNCTION data_changed() RETURNS void LANGUAGE sql AS $$
    UPDATE data_watermark SET version = version + 1, changed_at = clock_timestamp();
$$;

CREATE FUNCTION rollup_count(p_dim text, p_delta integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_total AS r (dim, key, articles) VALUES (p_dim, '', p_delta)
    ON CONFLICT (dim, key) DO UPDATE SET articles = r.articles + p_delta;
$$;

-- The /stats counters follow their tables whoever writes them: a cluster of n articles holds
-- n - 1 near-duplicates, so members count up and clusters down.
CREATE FUNCTION rollup_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollup_count(TG_ARGV[0], (CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END) * TG_ARGV[1]::integer);
    RETURN NULL;
END;
$$;

CREATE TRIGGER duplicate_receipt_count AFTER INSERT ON article_receipt
    FOR EACH ROW WHEN (NEW.outcome = 'DUPLICATE') EXECUTE FUNCTION rollup_count_trigger('duplicate', '1');
CREATE TRIGGER near_duplicate_member_count AFTER INSERT OR DELETE ON duplicate_cluster_member
    FOR EACH ROW EXECUTE FUNCTION rollup_count_trigger('near_duplicate', '1');
CREATE TRIGGER near_duplicate_cluster_count AFTER INSERT OR DELETE ON duplicate_cluster
    FOR EACH ROW EXECUTE FUNCTION rollup_count_trigger('near_duplicate', '-1');

-- Recounts everything from the base tables: after a bulk load written without rollup_apply, or
-- should rollups ever be doubted. Blocks writers while it runs.
CREATE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE article, article_theme, article_entity, article_receipt, duplicate_cluster, duplicate_cluster_member
        IN SHARE MODE;
    TRUNCATE rollup_bucket, rollup_total;

    INSERT INTO rollup_bucket (dim, grain, bucket, key, articles)
    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain), k.key, count(*)
    FROM article_rollup_key k CROSS JOIN (VALUES (900), (3600), (86400)) AS g (grain)
    GROUP BY 1, 2, 3, 4;

    INSERT INTO rollup_total (dim, key, articles)
    SELECT dim, key, count(*) FROM article_rollup_key GROUP BY 1, 2;

    INSERT INTO rollup_total (dim, key, articles)
    SELECT 'duplicate', '', count(*) FROM article_receipt WHERE outcome = 'DUPLICATE';

    INSERT INTO rollup_total (dim, key, articles)
    SELECT 'near_duplicate', '', (SELECT count(*) FROM duplicate_cluster_member) - (SELECT count(*) FROM duplicate_cluster);

    SELECT data_changed();
$$;

-- Articles stored before this migration.
SELECT rollup_rebuild();
