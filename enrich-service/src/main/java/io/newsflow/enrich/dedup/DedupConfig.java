package io.newsflow.enrich.dedup;

import io.newsflow.settings.Fraction;
import io.newsflow.settings.Range;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code NEWSFLOW_DEDUP_*}: when two different texts are the same story. */
@ConfigMapping(prefix = "newsflow.dedup")
public interface DedupConfig {

    /**
     * Verified similarity (shared shingles over the shingles of the shorter text) at or above which
     * two articles are near-duplicates.
     */
    @WithDefault("0.8")
    @Fraction
    double threshold();

    /** Words per shingle in texts written with spaces: 3 keeps a one-word edit from hiding more than 3 shingles. */
    @WithDefault("3")
    @Range(min = 1, max = 99)
    int shingleWords();

    /** Characters per shingle in Chinese, Japanese and Thai text, which has no spaces between words. */
    @WithDefault("4")
    @Range(min = 1, max = 99)
    int shingleChars();

    /** Texts with fewer shingles are too short to call near-duplicates (exact duplicates still are). */
    @WithDefault("12")
    @Range(min = 1, max = 100_000)
    int minShingles();

    /** Most candidates verified per article: bounds the cost when many copies of one story are stored. */
    @WithDefault("20")
    @Range(min = 1, max = 10_000)
    int maxCandidates();
}
