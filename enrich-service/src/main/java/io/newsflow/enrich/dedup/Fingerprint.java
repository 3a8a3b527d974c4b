package io.newsflow.enrich.dedup;

/**
 * What near-duplicate detection knows of one text.
 *
 * @param shingles  distinct shingle hashes, sorted (kept in memory only: verification recomputes them)
 * @param signature the MinHash signature, stored to rank candidates before verifying them
 * @param bands     the LSH band keys, stored and indexed; empty when the text is too short to compare
 */
public record Fingerprint(long[] shingles, byte[] signature, long[] bands) {

    public boolean comparable() {
        return bands.length > 0;
    }
}
