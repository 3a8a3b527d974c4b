-- Full-text search in each article's language: its words are indexed as that language's snowball
-- stemmer reads them ("sanctions" and "sanction", "Путина" and "Путин" become one lexeme), and runs
-- of Chinese, Japanese and Korean characters, which have no spaces between words, as overlapping
-- character bigrams, so a word inside a sentence is found. PostgreSQL's built-in configurations
-- only: the embedded server and the compose image have the same ones, no extension needed.

-- The text search configuration for an article's detected language; 'simple' (lower-casing only)
-- where PostgreSQL has no stemmer (uk, pl, cs, fa, he, vi, th, …) and for CJK, read as bigrams.
CREATE FUNCTION newsflow_search_config(language varchar) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE language
           WHEN 'ar' THEN 'pg_catalog.arabic'
           WHEN 'ca' THEN 'pg_catalog.catalan'
           WHEN 'da' THEN 'pg_catalog.danish'
           WHEN 'de' THEN 'pg_catalog.german'
           WHEN 'el' THEN 'pg_catalog.greek'
           WHEN 'en' THEN 'pg_catalog.english'
           WHEN 'es' THEN 'pg_catalog.spanish'
           WHEN 'eu' THEN 'pg_catalog.basque'
           WHEN 'fi' THEN 'pg_catalog.finnish'
           WHEN 'fr' THEN 'pg_catalog.french'
           WHEN 'ga' THEN 'pg_catalog.irish'
           WHEN 'hi' THEN 'pg_catalog.hindi'
           WHEN 'hu' THEN 'pg_catalog.hungarian'
           WHEN 'hy' THEN 'pg_catalog.armenian'
           WHEN 'id' THEN 'pg_catalog.indonesian'
           WHEN 'it' THEN 'pg_catalog.italian'
           WHEN 'lt' THEN 'pg_catalog.lithuanian'
           WHEN 'nb' THEN 'pg_catalog.norwegian'
           WHEN 'ne' THEN 'pg_catalog.nepali'
           WHEN 'nl' THEN 'pg_catalog.dutch'
           WHEN 'nn' THEN 'pg_catalog.norwegian'
           WHEN 'no' THEN 'pg_catalog.norwegian'
           WHEN 'pt' THEN 'pg_catalog.portuguese'
           WHEN 'ro' THEN 'pg_catalog.romanian'
           WHEN 'ru' THEN 'pg_catalog.russian'
           WHEN 'sr' THEN 'pg_catalog.serbian'
           WHEN 'sv' THEN 'pg_catalog.swedish'
           WHEN 'ta' THEN 'pg_catalog.tamil'
           WHEN 'tr' THEN 'pg_catalog.turkish'
           WHEN 'yi' THEN 'pg_catalog.yiddish'
           ELSE 'pg_catalog.simple'
       END::regconfig
$$;

-- Every run of Han, kana or Hangul as its overlapping bigrams ("普京总统" → "普京 京总 总统"), a lone
-- character as itself; the runs' bigrams follow each other, so a quoted bigram phrase finds a word.
-- PL/pgSQL: twice as fast as the set-based SQL for a Chinese article (about 1 ms for 1,500 characters).
CREATE FUNCTION newsflow_cjk_bigrams(content text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    run    text;
    tokens text[] := '{}';
BEGIN
    FOR run IN SELECT (regexp_matches(content, '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', 'g'))[1] LOOP
        IF length(run) = 1 THEN
            tokens := tokens || run;
        ELSE
            FOR i IN 1 .. length(run) - 1 LOOP
                tokens := tokens || substr(run, i, 2);
            END LOOP;
        END IF;
    END LOOP;
    RETURN array_to_string(tokens, ' ');
END
$$;

-- What an article is found by: its words in its language, and its CJK bigrams in any language (an
-- English report quoting 普京 is found by 普京 too).
CREATE FUNCTION newsflow_search_vector(language varchar, title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT to_tsvector(newsflow_search_config(language), coalesce(title, '') || ' ' || body)
       || to_tsvector('pg_catalog.simple', newsflow_cjk_bigrams(coalesce(title, '') || ' ' || body))
$$;

-- A search as every language reads it, OR-ed: a query does not say its language, and each article's
-- vector holds only its own language's lexemes, so "sanctions" finds English articles through the
-- English stem and French ones through the French stem. This finds the candidates in the index;
-- query-service then holds each to its own language's reading (an exclusion must hold in it). The
-- query's CJK runs arrive as quoted bigram phrases, which every configuration leaves as they are.
CREATE FUNCTION newsflow_search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT websearch_to_tsquery('pg_catalog.simple', query)
       || websearch_to_tsquery('pg_catalog.arabic', query) || websearch_to_tsquery('pg_catalog.catalan', query)
       || websearch_to_tsquery('pg_catalog.danish', query) || websearch_to_tsquery('pg_catalog.german', query)
       || websearch_to_tsquery('pg_catalog.greek', query) || websearch_to_tsquery('pg_catalog.english', query)
       || websearch_to_tsquery('pg_catalog.spanish', query) || websearch_to_tsquery('pg_catalog.basque', query)
       || websearch_to_tsquery('pg_catalog.finnish', query) || websearch_to_tsquery('pg_catalog.french', query)
       || websearch_to_tsquery('pg_catalog.irish', query) || websearch_to_tsquery('pg_catalog.hindi', query)
       || websearch_to_tsquery('pg_catalog.hungarian', query) || websearch_to_tsquery('pg_catalog.armenian', query)
       || websearch_to_tsquery('pg_catalog.indonesian', query) || websearch_to_tsquery('pg_catalog.italian', query)
       || websearch_to_tsquery('pg_catalog.lithuanian', query) || websearch_to_tsquery('pg_catalog.norwegian', query)
       || websearch_to_tsquery('pg_catalog.nepali', query) || websearch_to_tsquery('pg_catalog.dutch', query)
       || websearch_to_tsquery('pg_catalog.portuguese', query) || websearch_to_tsquery('pg_catalog.romanian', query)
       || websearch_to_tsquery('pg_catalog.russian', query) || websearch_to_tsquery('pg_catalog.serbian', query)
       || websearch_to_tsquery('pg_catalog.swedish', query) || websearch_to_tsquery('pg_catalog.tamil', query)
       || websearch_to_tsquery('pg_catalog.turkish', query) || websearch_to_tsquery('pg_catalog.yiddish', query)
$$;

-- The stored vector is recomputed from the new expression: one rewrite of the article table (about
-- a minute per million articles; see docs/operations.md, Upgrades).
DROP INDEX article_search_idx;
ALTER TABLE article DROP COLUMN search_vector;
ALTER TABLE article ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (newsflow_search_vector(language, title, body)) STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);
