package io.newsflow.enrich.dedup;

import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.quality.SyntheticArticles;
import io.newsflow.enrich.store.ArticleService;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.enrich.store.ToStore;
import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two enrich replicas (one consumer group, different partitions) storing near-duplicates at the
 * same moment: each storing transaction is held open until the other one has stored too, or waits
 * for a lock the first one holds. Without the band locks both look up the index before either
 * commits (the second may then wait on the first's new named_entity rows, after its lookup) and
 * neither is clustered; with them the second waits before its lookup and sees the first.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ConcurrentNearDuplicateTest {

    @Inject
    ArticleService articles;

    @Inject
    ArticleAnalyzer analyzer;

    @Test
    void nearDuplicatesStoredAtOnceByTwoReplicasEndInOneCluster() throws Exception {
        // A seed of its own: no article stored by another test is a near-duplicate of these two.
        SyntheticArticles generator = new SyntheticArticles(System.nanoTime());
        String body = generator.article(3, 3000);
        String copy = generator.editWords(body, 0.03);
        ArticleRawV1 first = event("Final tonight", body);
        ArticleRawV1 second = event("The final is tonight", copy);

        CountDownLatch stored = new CountDownLatch(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoreOutcome>> outcomes = replicas.invokeAll(List.of(
                    () -> storeAndHold(first, stored), () -> storeAndHold(second, stored)), 2, TimeUnit.MINUTES);
            for (Future<StoreOutcome> outcome : outcomes) {
                assertEquals(StoreOutcome.STORED, outcome.get());
            }
        } finally {
            replicas.shutdownNow();
        }

        assertEquals(1, TestDatabase.count("SELECT count(*) FROM near_duplicate WHERE article_id = ? AND other_id = '"
                + second.articleId() + "'", first.articleId()));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM duplicate_cluster_member m JOIN duplicate_cluster_member o"
                + " ON o.cluster_id = m.cluster_id JOIN duplicate_cluster c ON c.id = m.cluster_id"
                + " WHERE m.article_id = ? AND o.article_id = '" + second.articleId() + "' AND c.size = 2", first.articleId()));
    }

    /**
     * Stores the article as the consumer would, but keeps the transaction open afterwards until the
     * other replica has stored its article as well or waits for a lock this transaction holds.
     */
    private StoreOutcome storeAndHold(ArticleRawV1 event, CountDownLatch stored) {
        Analysis analysis = analyzer.analyse(event.title(), event.body());
        return QuarkusTransaction.requiringNew().call(() -> {
            StoreOutcome outcome = articles.store(new ToStore(event, event.articleId(), analysis));
            stored.countDown();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stored.getCount() == 0 || waitingForLocks() > 0);
            return outcome;
        });
    }

    private static int waitingForLocks() throws Exception {
        return TestDatabase.count("SELECT count(*) FROM pg_locks WHERE NOT granted");
    }

    private static ArticleRawV1 event(String title, String body) {
        return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, body), Instant.now(), title, body, "Test Wire", null,
                Instant.now(), null, null, new ArticleRawV1.Provenance("file", "t.txt", "00", body.length(), Instant.now(), 0));
    }
}
