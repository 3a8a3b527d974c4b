package io.newsflow.enrich.dedup;

import io.newsflow.enrich.normalize.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Finds and records the near-duplicates of a newly stored article, inside the transaction that
 * stores it ({@code ArticleService} owns it): candidates come from the LSH band index, are ranked
 * by their MinHash estimate, and each is verified on the exact shingles of its clean body before a
 * pair, a cluster membership and a similarity are written.
 */
@ApplicationScoped
public class NearDuplicateDetector {

    /** Rows read from the band index per lookup: a bound, so a story stored thousands of times costs no more. */
    private static final int MAX_BAND_MATCHES = 200;

    /** First half of the band locks' two-part advisory keys ("LSHB"), keeping them apart from any other advisory lock. */
    static final int BAND_LOCK_SPACE = 0x4C534842;

    /** First half of the whole index's advisory key ("LSHI"). */
    static final int INDEX_LOCK_SPACE = 0x4C534849;

    /** Band locks one transaction takes at most: a run of 8 articles of 32 bands. */
    static final int MAX_BAND_LOCKS = 256;

    private final EntityManager em;
    private final Fingerprinter fingerprinter;
    private final NearDuplicateRule rule;
    private final DedupConfig config;

    public NearDuplicateDetector(EntityManager em, Fingerprinter fingerprinter, NearDuplicateRule rule, DedupConfig config) {
        this.em = em;
        this.fingerprinter = fingerprinter;
        this.rule = rule;
        this.config = config;
    }

    /** An article to index: its id and fingerprint. */
    public record Indexed(String articleId, Fingerprint fingerprint) {
    }

    /**
     * Indexes the articles (already inserted in this transaction) one after the other, each linked to
     * its verified near-duplicates, the earlier articles of the list included.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Indexed> batch) {
        List<Indexed> comparable = batch.stream().filter(one -> one.fingerprint().comparable()).toList();
        if (comparable.isEmpty()) {
            return;
        }
        // All of the run's bands at once, in one ascending order: two runs locked article by article could wait for each other in a cycle.
        lockBands(comparable.stream().flatMapToLong(one -> LongStream.of(one.fingerprint().bands())).toArray());
        comparable.forEach(one -> link(one.articleId(), one.fingerprint()));
    }

    private void link(String articleId, Fingerprint fingerprint) {
        List<NearDuplicate> found = verify(fingerprint, candidates(articleId, fingerprint));
        writeFingerprint("INSERT INTO article_fingerprint (article_id, bands, signature, shingle_count, fingerprint_version)"
                + " VALUES (?1, CAST(?2 AS bigint[]), ?3, ?4, ?5)", articleId, fingerprint);
        if (!found.isEmpty()) {
            link(articleId, found);
        }
    }

    /**
     * Brings a stored article's fingerprint up to date for re-enrichment. An article without one
     * (stored before fingerprints existed) is indexed and linked as if it were new: it can be in no
     * cluster, since joining one takes a fingerprint. A stored fingerprint that differs is replaced in
     * place and the article keeps its links: links and clusters are never undone, so every cluster
     * stays as consistent as the consumer left it.
     *
     * @return whether anything was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reindex(String articleId, Fingerprint fingerprint) {
        if (!fingerprint.comparable()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("SELECT fingerprint_version, signature FROM article_fingerprint WHERE article_id = ?1")
                .setParameter(1, articleId)
                .getResultList();
        if (stored.isEmpty()) {
            recordAll(List.of(new Indexed(articleId, fingerprint)));
            return true;
        }
        if (((Number) stored.get(0)[0]).intValue() == fingerprinter.version() && Arrays.equals((byte[]) stored.get(0)[1], fingerprint.signature())) {
            return false;
        }
        writeFingerprint("UPDATE article_fingerprint SET bands = CAST(?2 AS bigint[]), signature = ?3, shingle_count = ?4,"
                + " fingerprint_version = ?5 WHERE article_id = ?1", articleId, fingerprint);
        return true;
    }

    /**
     * Two replicas storing near-duplicates at the same moment (different partitions) would each look
     * up the bands before the other committed, and neither would see the other. A transaction-scoped
     * advisory lock per band key makes transactions whose articles share a band take turns: the second
     * one's lookup (a new snapshot under READ COMMITTED) sees the first one's committed fingerprint.
     * Articles sharing no band never wait for each other, so enrichment as a whole is not serialized.
     * Keys are taken in ascending order, so two transactions never wait for each other in a cycle; the
     * locks go with the commit or rollback. The 64-bit band key is folded into the 32-bit second half
     * of a two-part key under {@link #BAND_LOCK_SPACE}: two different bands meeting on one lock only
     * makes two transactions take turns needlessly, with odds of about one in four million per pair.
     * <p>
     * PostgreSQL's lock table is shared and small (64 per connection by default), so a run with more
     * than {@value #MAX_BAND_LOCKS} band keys takes the whole index exclusively instead; every run
     * takes that lock shared first, so the two kinds exclude each other.
     */
    private void lockBands(long[] bands) {
        int[] keys = LongStream.of(bands).mapToInt(band -> (int) (band ^ (band >>> 32))).sorted().distinct().toArray();
        if (keys.length > MAX_BAND_LOCKS) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, 0)").setParameter(1, INDEX_LOCK_SPACE).getSingleResult();
            return;
        }
        // unnest yields the array in its order, and count() takes the locks row by row in that order.
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?3, 0),"
                        + " (SELECT count(pg_advisory_xact_lock(?1, k)) FROM unnest(CAST(?2 AS int[])) AS k)")
                .setParameter(1, BAND_LOCK_SPACE)
                .setParameter(2, IntStream.of(keys).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter(3, INDEX_LOCK_SPACE)
                .getSingleResult();
    }

    /** Runs {@code sql} with ?1 … ?5 bound to the article id, band keys, signature, shingle count and version. */
    private void writeFingerprint(String sql, String articleId, Fingerprint fingerprint) {
        em.createNativeQuery(sql)
                .setParameter(1, articleId)
                .setParameter(2, arrayLiteral(fingerprint.bands()))
                .setParameter(3, fingerprint.signature())
                .setParameter(4, fingerprint.shingles().length)
                .setParameter(5, (short) fingerprinter.version())
                .executeUpdate();
    }

    /** Stored articles sharing a band, ranked by estimated similarity, the unlikely ones left out. */
    private List<String> candidates(String articleId, Fingerprint fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT article_id, signature, shingle_count FROM article_fingerprint"
                        + " WHERE bands && CAST(?1 AS bigint[]) AND article_id <> ?2 AND fingerprint_version = ?3 LIMIT " + MAX_BAND_MATCHES)
                .setParameter(1, arrayLiteral(fingerprint.bands()))
                .setParameter(2, articleId)
                .setParameter(3, (short) fingerprinter.version())
                .getResultList();
        Map<String, Double> estimates = new TreeMap<>();
        for (Object[] row : rows) {
            double estimate = rule.estimatedOverlap(fingerprint, (byte[]) row[1], ((Number) row[2]).intValue());
            if (rule.worthVerifying(estimate)) {
                estimates.put((String) row[0], estimate);
            }
        }
        return estimates.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(config.maxCandidates())
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<NearDuplicate> verify(Fingerprint fingerprint, List<String> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, clean_body, CASE WHEN clean_body IS NULL THEN body END FROM article WHERE id IN (?1)")
                .setParameter(1, candidates)
                .getResultList();
        List<NearDuplicate> found = new ArrayList<>();
        for (Object[] row : rows) {
            // The stored clean body is what the candidate's own fingerprint was made from; only rows stored
            // before clean bodies existed are cleaned here (cleaning 5 KB costs about as much as shingling it).
            String clean = row[1] != null ? (String) row[1] : TextNormalizer.clean((String) row[2]);
            double similarity = Shingler.overlap(fingerprint.shingles(), fingerprinter.shingles(clean));
            if (rule.verifies(similarity)) {
                found.add(new NearDuplicate((String) row[0], similarity));
            }
        }
        found.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed());
        return found;
    }

    /**
     * Writes the pairs, then puts the article into its matches' cluster: a new one if none has any,
     * the oldest one if they are in several (the others are merged into it). Size and canonical are
     * updated from the clusters and articles involved, never by reading a whole cluster.
     */
    private void link(String articleId, List<NearDuplicate> found) {
        for (NearDuplicate match : found) {
            em.createNativeQuery("INSERT INTO near_duplicate (article_id, other_id, similarity) VALUES (?1, ?2, ?3), (?2, ?1, ?3)"
                            + " ON CONFLICT DO NOTHING")
                    .setParameter(1, articleId)
                    .setParameter(2, match.articleId())
                    .setParameter(3, match.similarity())
                    .executeUpdate();
        }
        List<String> matchIds = found.stream().map(NearDuplicate::articleId).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> memberships = em.createNativeQuery(
                        "SELECT m.article_id, m.cluster_id, c.canonical_id, c.size FROM duplicate_cluster_member m"
                                + " JOIN duplicate_cluster c ON c.id = m.cluster_id WHERE m.article_id IN (?1) ORDER BY m.cluster_id FOR UPDATE OF c")
                .setParameter(1, matchIds)
                .getResultList();
        Map<Long, Integer> sizes = new TreeMap<>();
        Set<String> clustered = new HashSet<>();
        Set<String> contenders = new HashSet<>();
        for (Object[] row : memberships) {
            clustered.add((String) row[0]);
            sizes.put(((Number) row[1]).longValue(), ((Number) row[3]).intValue());
            contenders.add((String) row[2]);
        }
        List<NearDuplicate> joining = new ArrayList<>();
        joining.add(new NearDuplicate(articleId, found.get(0).similarity()));
        found.stream().filter(m -> !clustered.contains(m.articleId())).forEach(joining::add);
        joining.forEach(m -> contenders.add(m.articleId()));

        long cluster = sizes.isEmpty() ? newCluster(articleId) : sizes.keySet().iterator().next();
        sizes.keySet().stream().filter(c -> c != cluster).forEach(other -> merge(other, cluster));
        joining.forEach(m -> join(cluster, m.articleId(), m.similarity()));
        int size = sizes.values().stream().mapToInt(Integer::intValue).sum() + joining.size();
        em.createNativeQuery("UPDATE duplicate_cluster SET updated_at = now(), size = ?2,"
                        + " canonical_id = (SELECT id FROM article WHERE id IN (?3) ORDER BY event_time, seq LIMIT 1)"
                        + " WHERE id = ?1")
                .setParameter(1, cluster)
                .setParameter(2, size)
                .setParameter(3, contenders)
                .executeUpdate();
    }

    /** The size check wants two members: the real size and canonical are set once the members joined. */
    private long newCluster(String firstMember) {
        return ((Number) em.createNativeQuery("INSERT INTO duplicate_cluster (canonical_id, size) VALUES (?1, 2) RETURNING id")
                .setParameter(1, firstMember)
                .getSingleResult()).longValue();
    }

    private void join(long cluster, String articleId, double similarity) {
        em.createNativeQuery("INSERT INTO duplicate_cluster_member (article_id, cluster_id, similarity) VALUES (?1, ?2, ?3)")
                .setParameter(1, articleId)
                .setParameter(2, cluster)
                .setParameter(3, similarity)
                .executeUpdate();
    }

    private void merge(long from, long into) {
        em.createNativeQuery("UPDATE duplicate_cluster_member SET cluster_id = ?1 WHERE cluster_id = ?2")
                .setParameter(1, into)
                .setParameter(2, from)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM duplicate_cluster WHERE id = ?1").setParameter(1, from).executeUpdate();
    }

    static String arrayLiteral(long[] values) {
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
