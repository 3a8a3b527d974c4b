-- rollup_apply for a run of articles stored in one transaction: each key's rows are counted once
-- with the run's total (one upsert may not touch a row twice), locked in the same key order as
-- rollup_apply's, so runs and single articles never wait for each other in a cycle.
CREATE FUNCTION rollup_apply_all(p_articles varchar[], p_sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_bucket AS r (dim, grain, bucket, key, articles)
    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain), k.key, p_sign * count(*)
    FROM article_rollup_key k CROSS JOIN (VALUES (900), (3600), (86400)) AS g (grain)
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
