package io.newsflow.e2e;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.corpus.NewsCorpusCli;
import io.newsflow.stack.DeadLettersCommand;
import io.newsflow.stack.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Failure drills on real processes and real news (issue #11): PostgreSQL killed -9 mid-run and back
 * 30 s later, enrich-service killed -9 mid-run, a record refused by a bug. Every article is stored
 * once and nothing is dead-lettered for an outage; the bug's record is dead-lettered at once and
 * stored by a replay once the bug is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureDrillIT {

    private static final int ARTICLES = Integer.getInteger("drill.articles", 400);

    private static Pipeline pipeline;
    private static PipelineProbe probe;
    private static NewsCorpus corpus;

    @BeforeAll
    static void start() throws IOException {
        corpus = NewsCorpus.fromSharedEvalData().orElse(null);
        assumeTrue(corpus != null, "../shared/eval-data is absent: no real-news corpus for the drills");
        pipeline = LocalPipeline.start("drill");
        probe = new PipelineProbe(pipeline);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void postgresKilledMidRunAndBack30SecondsLaterLosesAndDoublesNothing() throws Exception {
        List<CorpusArticle> articles = drop("pg-drill", 101);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> probe.storedArticles() >= 20);
        pipeline.killPostgres();
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        pipeline.startPostgres();

        awaitAllStored(articles, 0);
        assertTrue(probe.enrichCounter("newsflow_enrich_transient_waits_total") > 0, "enrich waited for the database");
    }

    @Test
    @Order(2)
    void enrichKilledMidRunLosesAndDoublesNothing() throws Exception {
        int before = probe.storedArticles();
        List<CorpusArticle> articles = drop("enrich-drill", 202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> probe.storedArticles() >= before + 20);
        pipeline.killService("enrich-service");
        pipeline.startService("enrich-service");

        awaitAllStored(articles, before);
    }

    @Test
    @Order(3)
    void aRecordRefusedByABugIsDeadLetteredAtOnceAndStoredByAReplayOnceFixed() throws Exception {
        execute("""
                CREATE OR REPLACE FUNCTION drill_bug() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.title = 'Refused by the drill bug' THEN
                    RAISE EXCEPTION 'drill bug refuses article %', NEW.id USING ERRCODE = '22023';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER drill_bug BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION drill_bug();
                """);
        int before = probe.storedArticles();
        Path inbox = pipeline.inbox().resolve("bug-drill");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("refused.txt"), "Refused by the drill bug\n\nSource: Drill Wire\n\n"
                + "The store refuses this article until the bug is fixed; the articles around it pass.\n");
        for (int i = 0; i < 3; i++) {
            Files.writeString(inbox.resolve("passes-" + i + ".txt"), "Passes the drill " + i + "\n\nSource: Drill Wire\n\n"
                    + "Article " + i + " around the refused one is stored as usual.\n");
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe.deadLetters() == 1 && probe.storedArticles() == before + 3);
        double waits = probe.enrichCounter("newsflow_enrich_transient_waits_total");

        String listed = command(List.of());
        assertTrue(listed.contains("drill bug refuses article"), listed);
        execute("DROP TRIGGER drill_bug ON article");
        assertTrue(command(List.of("replay", "--all")).startsWith("replayed 1 "));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> probe.storedArticles() == before + 4);
        assertTrue(command(List.of("replay", "--all")).contains("replayed 0 dead letters to the raw topic; 1 skipped"), "a second replay stores nothing twice");
        assertTrue(probe.storedTitles().contains("Refused by the drill bug"));
        assertEquals(waits, probe.enrichCounter("newsflow_enrich_transient_waits_total"), "the bug was never waited on");
    }

    private static List<CorpusArticle> drop(String folder, long seed) throws IOException {
        List<CorpusArticle> articles = corpus.generate(ARTICLES, seed);
        NewsCorpusCli.write(articles, pipeline.inbox().resolve(folder));
        return articles;
    }

    /** All of them stored, each once (the stored count grows by exactly their number), none dead-lettered or failed. */
    private static void awaitAllStored(List<CorpusArticle> articles, int before) {
        Set<String> titles = new HashSet<>();
        articles.forEach(a -> titles.add(Normalizer.normalize(a.title(), Normalizer.Form.NFC)));
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> probe.storedArticles() >= before + articles.size() || probe.deadLetters() > 0);
        assertEquals(0, probe.deadLetters(), () -> "dead-lettered: " + String.join("\n", probe.describeDeadLetters()));
        assertEquals(0, probe.failedFiles(), "files in data/failed/");
        assertEquals(before + articles.size(), probe.storedArticles(), "each article stored once");
        assertTrue(new HashSet<>(probe.storedTitles()).containsAll(titles), "every article queryable");
    }

    private static String command(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeadLettersCommand.run(args, Map.of("NEWSFLOW_ENRICH_PORT", Integer.toString(pipeline.config().enrichPort())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = probe.database(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
