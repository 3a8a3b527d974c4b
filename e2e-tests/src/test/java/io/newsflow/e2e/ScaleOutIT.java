package io.newsflow.e2e;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.corpus.NewsCorpusCli;
import io.newsflow.stack.Pipeline;
import io.newsflow.stack.Ports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scale-out (issue #12): two enrich replicas in one consumer group, two consumers each over the raw
 * topic's six partitions, both work, and leave the database exactly as one sequential consumer (one
 * replica, one consumer, one article per transaction) leaves it on a fresh stack: the same articles,
 * each stored once, one receipt per event, the same near-duplicate pairs and clusters, entities,
 * themes and rollups. The input is real news with exact duplicates (byte-identical copies under other
 * names) and near-duplicates (a paragraph cut, or a correction added, published minutes later).
 * Skipped when ../shared/eval-data is absent, like the other real-news tests.
 */
class ScaleOutIT {

    private static final String ENRICH = "enrich-service";
    private static final String FOLDER = "scaleout";
    private static final int ORIGINALS = 160;
    private static final long SEED = 12;
    /** As NewsCorpus writes {@code Release time:}. */
    private static final Duration ALL_STORED = Duration.ofMinutes(4);

    /**
     * What must be equal after both runs, table by table. Left out, because they record this run and
     * not the result: sequence numbers and identities ({@code seq}, event ids, cluster ids), times of
     * arrival and storing ({@code ingested_at}, {@code stored_at}, {@code received_at}, {@code found_at},
     * {@code joined_at}, {@code enriched_at}, the clusters' {@code created_at}/{@code updated_at}). Every
     * article carries a {@code Release time:}, so its event time, and with it every rollup bucket and
     * the choice of a cluster's canonical article (earliest event time, then store order), comes from
     * the corpus; within a cluster no two articles share a release time, so store order never decides.
     */
    static final Map<String, String> COMPARED = compared();

    private static List<CorpusArticle> files;
    /** Each near-duplicate's file name → its original's. */
    private static Map<String, String> nearDuplicateOf;
    /** Each exact copy's file name → the file it copies. */
    private static Map<String, String> copyOf;
    private static Run replicas;
    private static Run sequential;

    /** One run's tables ({@link #COMPARED}), each article's canonical one, and what its enrich replicas processed (by their metrics). */
    record Run(Map<String, List<String>> tables, List<String> clusters, List<Double> processedPerReplica,
               long deadLetters, long failedFiles, long articlesWithoutReleaseTime) {
    }

    private static Map<String, String> compared() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("article", "SELECT id, title, md5(body), source, author, url, published_at, language, language_confidence, md5(clean_body)"
                + " FROM article ORDER BY id");
        // Which of two identical files is STORED and which the DUPLICATE depends on which was read first; the counts may not differ.
        tables.put("article_receipt", "SELECT file_name, article_id FROM article_receipt ORDER BY file_name");
        tables.put("article_receipt outcomes", "SELECT article_id, count(*) FILTER (WHERE outcome = 'STORED'),"
                + " count(*) FILTER (WHERE outcome = 'DUPLICATE') FROM article_receipt GROUP BY article_id ORDER BY article_id");
        tables.put("article_fingerprint", "SELECT article_id, shingle_count, fingerprint_version, md5(signature), md5(bands::text)"
                + " FROM article_fingerprint ORDER BY article_id");
        tables.put("near_duplicate", "SELECT article_id, other_id, similarity FROM near_duplicate ORDER BY article_id, other_id");
        // A member's similarity is to its most similar member when it joined, so it follows arrival order: left out
        // (every pair's own similarity is compared above).
        tables.put("duplicate_cluster", "SELECT c.canonical_id, c.size, string_agg(m.article_id, ',' ORDER BY m.article_id) AS members"
                + " FROM duplicate_cluster c JOIN duplicate_cluster_member m ON m.cluster_id = c.id GROUP BY c.id ORDER BY members");
        // The first article to name an entity spells its name; spellings folding to one id may come in another order.
        tables.put("named_entity", "SELECT id, type FROM named_entity ORDER BY id");
        tables.put("article_entity", "SELECT article_id, entity_id, entity_type, event_time, mentions, mention_starts, mention_ends"
                + " FROM article_entity ORDER BY article_id, entity_id");
        tables.put("article_theme", "SELECT article_id, theme, event_time, score, phrase_starts, phrase_ends, taxonomy_version"
                + " FROM article_theme ORDER BY article_id, theme");
        tables.put("article_enrichment", "SELECT article_id, ner_model, alias_version, taxonomy_version FROM article_enrichment ORDER BY article_id");
        // Counts are sums of deltas: a row may be left at 0 by one order of transactions and never written by another.
        tables.put("rollup_total", "SELECT dim, key, articles FROM rollup_total WHERE articles <> 0 ORDER BY dim, key");
        tables.put("rollup_bucket", "SELECT dim, grain, bucket, key, articles FROM rollup_bucket WHERE articles <> 0"
                + " ORDER BY dim, grain, bucket, key");
        return tables;
    }

    @BeforeAll
    static void runTwoReplicasThenOneSequentialConsumer() throws IOException {
        Optional<NewsCorpus> corpus = NewsCorpus.fromSharedEvalData();
        assumeTrue(corpus.isPresent(), "../shared/eval-data is absent: no real-news corpus to send");
        files = withDuplicates(corpus.get().generate(ORIGINALS, SEED));

        replicas = run("scaleout-replicas", Map.of("NEWSFLOW_ENRICH_CONSUMERS", "2"), 2,
                members -> members.size() == 4 && members.stream().allMatch(p -> p > 0) && members.stream().mapToInt(Integer::intValue).sum() == 6);
        // NEWSFLOW_ENRICH_BATCH_SIZE=1: one article per transaction, where enrich batches them.
        sequential = run("scaleout-sequential", Map.of("NEWSFLOW_ENRICH_CONSUMERS", "1", "NEWSFLOW_ENRICH_BATCH_SIZE", "1"), 1,
                members -> members.equals(List.of(6)));
    }

    @Test
    void bothReplicasStoredArticles() {
        assertEquals(2, replicas.processedPerReplica().size());
        assertTrue(replicas.processedPerReplica().stream().allMatch(n -> n > 0), "articles processed per replica: " + replicas.processedPerReplica());
    }

    @Test
    void eachRunStoredEveryArticleOnceWithOneReceiptPerFileAndNothingDeadLetteredOrFailed() {
        Set<String> fileNames = files.stream().map(f -> FOLDER + "/" + f.fileName()).collect(Collectors.toSet());
        for (Run run : List.of(replicas, sequential)) {
            assertEquals(0, run.deadLetters(), "dead letters");
            assertEquals(0, run.failedFiles(), "files in data/failed/");
            assertEquals(0, run.articlesWithoutReleaseTime(), "articles without published_at would bucket by arrival");

            Map<String, String> articleOf = articleByFile(run);
            assertEquals(files.size(), run.tables().get("article_receipt").size(), "one receipt per event");
            assertEquals(fileNames, articleOf.keySet(), "a receipt for every file");
            copyOf.forEach((copy, source) -> assertEquals(articleOf.get(FOLDER + "/" + source), articleOf.get(FOLDER + "/" + copy), copy));
            assertEquals(files.size() - copyOf.size(), new HashSet<>(articleOf.values()).size(), "distinct contents");
            List<String> outcomes = run.tables().get("article_receipt outcomes");
            assertEquals(files.size() - copyOf.size(), outcomes.size());
            assertTrue(outcomes.stream().allMatch(row -> row.split(" \\| ")[1].equals("1")), "every article STORED exactly once");
            assertEquals(copyOf.size(), outcomes.stream().mapToInt(row -> Integer.parseInt(row.split(" \\| ")[2])).sum(), "exact duplicates dropped");
            assertEquals(files.size() - copyOf.size(), run.tables().get("article").size(), "articles stored");
        }
    }

    @Test
    void eachNearDuplicateIsClusteredWithItsOriginalAsCanonical() {
        for (Run run : List.of(replicas, sequential)) {
            Map<String, String> articleOf = articleByFile(run);
            Map<String, String> canonicalOf = new HashMap<>();
            run.clusters().forEach(row -> canonicalOf.put(row.split(" \\| ")[0], row.split(" \\| ")[1]));
            nearDuplicateOf.forEach((near, original) -> {
                String originalId = articleOf.get(FOLDER + "/" + original);
                assertEquals(originalId, canonicalOf.get(articleOf.get(FOLDER + "/" + near)), near + " in the cluster of " + original);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparedTables")
    void twoReplicasLeaveExactlyWhatOneSequentialConsumerLeaves(String table) {
        List<String> expected = sequential.tables().get(table);
        List<String> actual = replicas.tables().get(table);
        List<String> onlySequential = new ArrayList<>(expected);
        onlySequential.removeAll(new HashSet<>(actual));
        List<String> onlyReplicas = new ArrayList<>(actual);
        onlyReplicas.removeAll(new HashSet<>(expected));
        assertTrue(!expected.isEmpty(), table + " has rows to compare");
        assertEquals(expected, actual, () -> table + ": " + expected.size() + " rows after one sequential consumer, " + actual.size()
                + " after two replicas; only after the sequential one: " + first(onlySequential) + "; only after the replicas: " + first(onlyReplicas));
    }

    static List<String> comparedTables() {
        return List.copyOf(COMPARED.keySet());
    }

    /**
     * Starts a pipeline with {@code enrichReplicas} enrich replicas and these enrich settings, waits until
     * enrich's consumer group holds the raw topic's partitions as {@code assignment} expects (partitions
     * per consumer), drops the corpus, waits until every event has its receipt (or something failed),
     * and reads what the run left before stopping it.
     */
    private static Run run(String name, Map<String, String> enrichSettings, int enrichReplicas, Predicate<List<Integer>> assignment)
            throws IOException {
        long started = System.nanoTime();
        Pipeline pipeline = LocalPipeline.create(name).withEnvironment(ENRICH, enrichSettings);
        List<Integer> enrichPorts = new ArrayList<>(List.of(pipeline.config().enrichPort()));
        for (int replica = 2; replica <= enrichReplicas; replica++) {
            enrichPorts.add(Ports.free());
            pipeline.withReplica(ENRICH, ENRICH + "-" + replica, enrichPorts.get(replica - 1));
        }
        try (pipeline) {
            pipeline.start();
            PipelineProbe probe = new PipelineProbe(pipeline);
            await("partitions per consumer of enrich's group").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(probe::enrichAssignment, assignment::test);
            long dropped = System.nanoTime();
            NewsCorpusCli.write(files, pipeline.inbox().resolve(FOLDER));
            await("a receipt for each of " + files.size() + " events").atMost(ALL_STORED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> probe.rows("SELECT count(*) FROM article_receipt").get(0).equals(Integer.toString(files.size()))
                            || probe.deadLetters() > 0 || probe.failedFiles() > 0);
            long stored = System.nanoTime();
            List<Double> processed = enrichPorts.stream().map(port -> probe.counter(port, "newsflow_enrich_processing_seconds_count")).toList();
            System.out.printf(Locale.ROOT, "[scaleout] %s: %d events stored in %.1f s (%.1f s with start-up), processed per enrich replica %s%n",
                    name, files.size(), (stored - dropped) / 1e9, (stored - started) / 1e9, processed);

            Map<String, List<String>> tables = new LinkedHashMap<>();
            COMPARED.forEach((table, sql) -> tables.put(table, probe.rows(sql)));
            return new Run(tables, probe.rows("SELECT m.article_id, c.canonical_id FROM duplicate_cluster_member m JOIN duplicate_cluster c ON c.id = m.cluster_id"),
                    processed, probe.deadLetters(), probe.failedFiles(),
                    Long.parseLong(probe.rows("SELECT count(*) FROM article WHERE published_at IS NULL").get(0)));
        }
    }

    /**
     * The originals, near-duplicates of every eighth (a middle paragraph cut, or a correction added to
     * it; both for every 48th, a cluster of three), published 7 and 9 minutes after their original, and
     * byte-identical copies of every tenth original and every third near-duplicate under other names.
     */
    private static List<CorpusArticle> withDuplicates(List<CorpusArticle> originals) {
        Map<String, String> near = new LinkedHashMap<>();
        List<CorpusArticle> nearDuplicates = new ArrayList<>();
        for (int i = 0; i < originals.size(); i += 8) {
            CorpusArticle original = originals.get(i);
            List<CorpusArticle> variants = new ArrayList<>();
            if (i % 16 == 0) {
                cut(original).ifPresent(variants::add);
            }
            if (i % 16 == 8 || i % 48 == 0 || variants.isEmpty()) {
                variants.add(corrected(original));
            }
            variants.forEach(v -> near.put(v.fileName(), original.fileName()));
            nearDuplicates.addAll(variants);
        }
        List<CorpusArticle> all = new ArrayList<>(originals);
        all.addAll(nearDuplicates);
        Map<String, String> copies = new LinkedHashMap<>();
        List<CorpusArticle> sources = new ArrayList<>();
        for (int i = 3; i < originals.size(); i += 10) {
            sources.add(originals.get(i));
        }
        for (int i = 0; i < nearDuplicates.size(); i += 3) {
            sources.add(nearDuplicates.get(i));
        }
        for (CorpusArticle source : sources) {
            CorpusArticle copy = new CorpusArticle("copy-" + source.fileName(), source.language(), source.title(), source.source(),
                    source.author(), source.released(), source.body());
            copies.put(copy.fileName(), source.fileName());
            all.add(copy);
        }
        nearDuplicateOf = near;
        copyOf = copies;
        return all;
    }

    /** Without its middle paragraph; empty for a body of fewer than three. */
    private static Optional<CorpusArticle> cut(CorpusArticle original) {
        List<String> paragraphs = new ArrayList<>(List.of(original.body().split("\n\n")));
        if (paragraphs.size() < 3) {
            return Optional.empty();
        }
        paragraphs.remove(paragraphs.size() / 2);
        return Optional.of(variant(original, "near-cut-", 7, String.join("\n\n", paragraphs)));
    }

    /** With a correction at the end of its middle paragraph. */
    private static CorpusArticle corrected(CorpusArticle original) {
        List<String> paragraphs = new ArrayList<>(List.of(original.body().split("\n\n")));
        int middle = paragraphs.size() / 2;
        paragraphs.set(middle, paragraphs.get(middle) + " (Corrects the figure given in an earlier version of this paragraph.)");
        return variant(original, "near-corrected-", 9, String.join("\n\n", paragraphs));
    }

    private static CorpusArticle variant(CorpusArticle original, String prefix, int minutesLater, String body) {
        return new CorpusArticle(prefix + original.fileName(), original.language(), original.title(), original.source(), original.author(),
                original.released().plusMinutes(minutesLater), body);
    }

    private static Map<String, String> articleByFile(Run run) {
        return run.tables().get("article_receipt").stream().map(row -> row.split(" \\| "))
                .collect(Collectors.toMap(row -> row[0], row -> row[1], (a, b) -> a + " and " + b));
    }

    private static String first(List<String> rows) {
        return rows.size() <= 5 ? rows.toString() : rows.subList(0, 5) + " and " + (rows.size() - 5) + " more";
    }
}
