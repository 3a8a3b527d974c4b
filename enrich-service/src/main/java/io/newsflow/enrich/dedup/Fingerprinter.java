package io.newsflow.enrich.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * MinHash (hash4j, {@value #COMPONENTS} components) over a text's shingles, cut into
 * {@value #BANDS} LSH bands of {@value #ROWS}. Two texts share at least one band key with
 * probability {@code 1 - (1 - J^4)^32} for shingle Jaccard similarity J: 0.87 at J = 0.5 (a copy
 * cut to half its length), 0.9998 at J = 0.8, 0.05 at J = 0.2 (stories on the same topic) — so
 * truncated and padded copies are found, and few unrelated articles need verifying.
 * Changing these constants changes every band key: raise {@link #ALGORITHM} and re-index.
 */
@ApplicationScoped
public class Fingerprinter {

    /**
     * The MinHash and banding above. With the default shingles it is the fingerprint version itself, as
     * stored since fingerprints exist; see {@link #version()}.
     */
    static final int ALGORITHM = 1;
    static final int DEFAULT_SHINGLE_WORDS = 3;
    static final int DEFAULT_SHINGLE_CHARS = 4;
    static final int COMPONENTS = 128;
    static final int BANDS = 32;
    static final int ROWS = COMPONENTS / BANDS;
    private static final int BITS_PER_COMPONENT = 32;
    private static final Hasher64 BAND_HASHER = Hashing.komihash5_0();

    private final SimilarityHashPolicy policy = SimilarityHashing.minHash(COMPONENTS, BITS_PER_COMPONENT);
    private final Shingler shingler;
    private final int minShingles;
    private final int version;

    @Inject
    public Fingerprinter(DedupConfig config) {
        this(config.shingleWords(), config.shingleChars(), config.minShingles());
    }

    Fingerprinter(int shingleWords, int shingleChars, int minShingles) {
        this.shingler = new Shingler(shingleWords, shingleChars);
        this.minShingles = minShingles;
        this.version = version(shingleWords, shingleChars);
    }

    /**
     * Recorded with each stored fingerprint and required of every candidate: fingerprints made with
     * other shingles share no band keys with these, so they are stale, and re-enrichment makes them
     * again. {@value #ALGORITHM} for the default shingles (what every fingerprint stored before this
     * rule has), else {@code 10000 × ALGORITHM + 100 × words + chars}, one number per setting.
     */
    static int version(int shingleWords, int shingleChars) {
        if (shingleWords < 1 || shingleWords > 99) {
            throw new IllegalArgumentException("NEWSFLOW_DEDUP_SHINGLE_WORDS=" + shingleWords + ": allowed are 1 to 99 words");
        }
        if (shingleChars < 1 || shingleChars > 99) {
            throw new IllegalArgumentException("NEWSFLOW_DEDUP_SHINGLE_CHARS=" + shingleChars + ": allowed are 1 to 99 characters");
        }
        if (shingleWords == DEFAULT_SHINGLE_WORDS && shingleChars == DEFAULT_SHINGLE_CHARS) {
            return ALGORITHM;
        }
        return 10_000 * ALGORITHM + 100 * shingleWords + shingleChars;
    }

    public int version() {
        return version;
    }

    /** @param cleanText from {@code TextNormalizer.clean} */
    public Fingerprint of(String cleanText) {
        long[] shingles = shingler.shingles(cleanText);
        if (shingles.length < minShingles) {
            return new Fingerprint(shingles, new byte[0], new long[0]);
        }
        // A hasher holds per-computation state and is not thread-safe: one per call is cheap.
        SimilarityHasher hasher = policy.createHasher();
        byte[] signature = hasher.compute(ElementHashProvider.ofValues(shingles));
        long[] bands = new long[BANDS];
        long[] rows = new long[ROWS + 1];
        for (int b = 0; b < BANDS; b++) {
            // The band index is hashed in, so equal rows in different bands are different keys.
            rows[0] = b;
            for (int r = 0; r < ROWS; r++) {
                rows[r + 1] = policy.getComponent(signature, b * ROWS + r);
            }
            bands[b] = BAND_HASHER.hashStream().putLongs(rows).getAsLong();
        }
        return new Fingerprint(shingles, signature, bands);
    }

    /** The MinHash estimate of the Jaccard similarity of two stored signatures. */
    public double estimatedJaccard(byte[] a, byte[] b) {
        return policy.getFractionOfEqualComponents(a, b);
    }

    public long[] shingles(String cleanText) {
        return shingler.shingles(cleanText);
    }
}
