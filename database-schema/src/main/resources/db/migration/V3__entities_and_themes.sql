-- Named entities and themes of each stored article, and what produced them.
-- Offsets are UTF-16 code-unit positions [start, end) into the enriched text: the title, a newline,
-- then the body (just the body when there is no title).

-- One row per canonical entity: every spelling of it in every article links here.
CREATE TABLE named_entity (
    id    varchar(200) PRIMARY KEY,           -- '<type>/<slug of the canonical name>', e.g. person/vladimir-putin
    type  varchar(16)  NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION')),
    name  text         NOT NULL
);

CREATE INDEX named_entity_type_idx ON named_entity (type);

-- One row per (article, entity): how often and where the article mentions it.
-- entity_type and event_time repeat named_entity.type and article.event_time so that "top entities
-- of a type in a time window" and co-occurrence read this table alone, through its indexes.
CREATE TABLE article_entity (
    article_id      varchar(32)  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id       varchar(200) NOT NULL REFERENCES named_entity (id),
    entity_type     varchar(16)  NOT NULL,
    event_time      timestamptz  NOT NULL,
    mentions        integer      NOT NULL CHECK (mentions > 0),
    mention_starts  integer[]    NOT NULL,
    mention_ends    integer[]    NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entity_type_time_idx   ON article_entity (entity_type, event_time, entity_id);
CREATE INDEX article_entity_entity_time_idx ON article_entity (entity_id, event_time);

-- One row per (article, theme) whose score reached the theme's minimum.
CREATE TABLE article_theme (
    article_id        varchar(32)       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    theme             varchar(64)       NOT NULL,
    event_time        timestamptz       NOT NULL,
    score             double precision  NOT NULL,
    phrase_starts     integer[]         NOT NULL,
    phrase_ends       integer[]         NOT NULL,
    taxonomy_version  varchar(64)       NOT NULL,
    PRIMARY KEY (article_id, theme)
);

CREATE INDEX article_theme_theme_time_idx ON article_theme (theme, event_time);
CREATE INDEX article_theme_time_idx       ON article_theme (event_time);

-- What enriched each article: an article whose versions differ from the running service's is stale
-- and can be enriched again.
CREATE TABLE article_enrichment (
    article_id        varchar(32)  PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    ner_model         varchar(200) NOT NULL,
    alias_version     varchar(64)  NOT NULL,
    taxonomy_version  varchar(64)  NOT NULL,
    enriched_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX article_enrichment_versions_idx ON article_enrichment (ner_model, alias_version, taxonomy_version);
