-- The rollup grains, written once: every function below reads them from here (io.newsflow.schema.Rollups
-- mirrors them for Java, checked against this function by SchemaContractTest).
CREATE FUNCTION rollup_grains() RETURNS TABLE (grain integer) LANGUAGE sql IMMUTABLE AS $$
    VALUES (900), (3600), (86400)
$$;

-- rollup_apply for a run of articles stored in one transaction: each key's rows are counted once
-- with the run's total (one upsert may not touch a row twice), locked in the same key order as
-- rollup_apply's, so runs and single articles never wait for each other in a cycle.
CREATE FUNCTION rollup_apply_all(p_articles varchar[], p_sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_bucket AS r (dim, grain, bucket, key, articles)
    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain), k.key, p_sign * count(*)
    FROM article_rollup_key k CROSS JOIN rollup_grains() AS g
    WHERE k.article_id = ANY (p_articles)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim, grain, bucket, key) DO UPDATE SET articles = r.articles + excluded.articles;

    INSERT INTO rollup_total AS r (dim, key, articles)
    SELECT k.dim, k.key, p_sign * count(*) FROM article_rollup_key k
    WHERE k.article_id = ANY (p_articles)
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (dim, key) DO UPDATE SET articles = r.articles + excluded.articles;
$$;

-- One article is a run of one: a single definition of how articles are counted.
CREATE OR REPLACE FUNCTION rollup_apply(p_article varchar, p_sign integer) RETURNS void LANGUAGE sql AS $$
    SELECT rollup_apply_all(ARRAY[p_article], p_sign);
$$;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE article, article_theme, article_entity, article_receipt, duplicate_cluster, duplicate_cluster_member
        IN SHARE MODE;
    TRUNCATE rollup_bucket, rollup_total;

    INSERT INTO rollup_bucket (dim, grain, bucket, key, articles)
    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain), k.key, count(*)
    FROM article_rollup_key k CROSS JOIN rollup_grains() AS g
    GROUP BY 1, 2, 3, 4;

    INSERT INTO rollup_total (dim, key, articles)
    SELECT dim, key, count(*) FROM article_rollup_key GROUP BY 1, 2;

    INSERT INTO rollup_total (dim, key, articles)
    SELECT 'duplicate', '', count(*) FROM article_receipt WHERE outcome = 'DUPLICATE';

    INSERT INTO rollup_total (dim, key, articles)
    SELECT 'near_duplicate', '', (SELECT count(*) FROM duplicate_cluster_member) - (SELECT count(*) FROM duplicate_cluster);

    SELECT data_changed();
$$;
