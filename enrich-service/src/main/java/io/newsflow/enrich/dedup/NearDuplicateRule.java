package io.newsflow.enrich.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When a candidate is worth verifying and when it verifies: the part of near-duplicate detection
 * that needs no database, shared by {@link NearDuplicateDetector} and the quality harness.
 */
@ApplicationScoped
public class NearDuplicateRule {

    /**
     * Candidates whose estimated similarity is this far below the threshold are still verified: the
     * 128-component estimate has a standard error of about 0.04 near the threshold.
     */
    private static final double ESTIMATE_MARGIN = 0.15;

    private final Fingerprinter fingerprinter;
    private final double threshold;

    @Inject
    public NearDuplicateRule(Fingerprinter fingerprinter, DedupConfig config) {
        this(fingerprinter, config.threshold());
    }

    public NearDuplicateRule(Fingerprinter fingerprinter, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("NEWSFLOW_DEDUP_THRESHOLD must be in (0, 1]");
        }
        this.fingerprinter = fingerprinter;
        this.threshold = threshold;
    }

    boolean worthVerifying(double estimatedOverlap) {
        return estimatedOverlap >= threshold - ESTIMATE_MARGIN;
    }

    boolean verifies(double similarity) {
        return similarity >= threshold;
    }

    /** The similarity the shingles would verify, estimated from the MinHash signatures alone. */
    double estimatedOverlap(Fingerprint fingerprint, byte[] otherSignature, int otherShingles) {
        double jaccard = fingerprinter.estimatedJaccard(fingerprint.signature(), otherSignature);
        return overlapFromJaccard(jaccard, fingerprint.shingles().length, otherShingles);
    }

    /**
     * The decision {@link NearDuplicateDetector#record} makes about one stored article, without the
     * database: shares a band, is estimated close enough to verify, and verifies.
     */
    public boolean isNearDuplicate(Fingerprint fingerprint, Fingerprint stored) {
        if (!fingerprint.comparable() || !stored.comparable() || !sharesBand(fingerprint.bands(), stored.bands())) {
            return false;
        }
        return worthVerifying(estimatedOverlap(fingerprint, stored.signature(), stored.shingles().length))
                && verifies(Shingler.overlap(fingerprint.shingles(), stored.shingles()));
    }

    private static boolean sharesBand(long[] a, long[] b) {
        for (long x : a) {
            for (long y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * |A∩B| / min(|A|,|B|) from the Jaccard similarity and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
     */
    static double overlapFromJaccard(double jaccard, int sizeA, int sizeB) {
        return Math.min(1.0, jaccard * (sizeA + sizeB) / (1.0 + jaccard) / Math.min(sizeA, sizeB));
    }
}
