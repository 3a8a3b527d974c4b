-- query-service answers a ranking over a window as a distributed top-k: each rollup bucket is read
-- as a list sorted by count, first its largest rows, then its rows down to a threshold (see
-- RankingRepository). Without this index every row of every bucket in the window is read and summed:
-- 20,000 entities over 30 daily buckets is 600,000 rows for a top ten.
CREATE INDEX rollup_bucket_rank_idx ON rollup_bucket (dim, grain, bucket, articles DESC) INCLUDE (key);
