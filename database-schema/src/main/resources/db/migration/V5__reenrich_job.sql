-- Re-enrichment jobs (enrich-service's reenrich/ package), shared by every enrich replica: any
-- replica answers for any job, a job outlives the replica that ran it, and one replica at a time runs it.

CREATE TABLE reenrich_job (
    id                  varchar(36)  PRIMARY KEY,
    scope               varchar(8)   NOT NULL CHECK (scope IN ('STALE', 'ALL')),
    state               varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    -- What the job enriches with: only a replica running the same versions resumes it.
    ner_model           varchar(200) NOT NULL,
    alias_version       varchar(64)  NOT NULL,
    taxonomy_version    varchar(64)  NOT NULL,
    fingerprint_version smallint     NOT NULL,
    -- Articles in scope when the job started (NULL until counted), and the outcome of each one visited so far.
    total               bigint,
    changed             bigint       NOT NULL DEFAULT 0,
    unchanged           bigint       NOT NULL DEFAULT 0,
    failed              bigint       NOT NULL DEFAULT 0,
    -- The seq of the last article visited: a resumed job goes on after it. Written in the same
    -- transaction as that article, so the counts and the articles never disagree.
    after_seq           bigint       NOT NULL DEFAULT 0,
    -- The replica running the job (NEWSFLOW_INSTANCE_ID) and its last sign of life; NULL owner: a
    -- replica shut down while running it, and the next idle replica takes it over at once.
    owner               varchar(200),
    heartbeat_at        timestamptz,
    resumed             integer      NOT NULL DEFAULT 0,
    started_at          timestamptz  NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    error               text
);

-- One job at a time across all replicas: a second RUNNING row cannot be inserted.
CREATE UNIQUE INDEX reenrich_job_one_running_idx ON reenrich_job ((true)) WHERE state = 'RUNNING';
CREATE INDEX reenrich_job_started_idx ON reenrich_job (started_at);
