-- Reads the rollups cannot answer (two filters at once, co-occurrence) count the base tables within
-- a time window. query-service states the window on the article too, so these indexes let the
-- smallest set drive: the German articles of the last 24 hours are one range of
-- (language, event_time), not every German article ever stored.
CREATE INDEX article_language_time_idx ON article (language, event_time);
CREATE INDEX article_source_time_idx ON article (source, event_time);
DROP INDEX article_language_idx;
DROP INDEX article_source_idx;

-- The articles mentioning one entity in a window, without visiting article_entity's rows (which hold
-- the mention offsets): co-occurrence then reads only index entries.
CREATE INDEX article_entity_entity_article_idx ON article_entity (entity_id, event_time) INCLUDE (article_id);
DROP INDEX article_entity_entity_time_idx;
