package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.newsflow.enrich.RawTopicProducer.event;
import static io.newsflow.enrich.TestDatabase.execute;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Consumers in one replica work side by side, each on its own partitions: a partition held up by a
 * waiting article does not hold up the others, and the held-up one resumes in order.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ParallelConsumersTest {

    private static final String TOPIC = "articles.raw.v1";

    @AfterEach
    void release() throws Exception {
        execute("DROP TRIGGER IF EXISTS test_hold ON article");
    }

    @Test
    void aPartitionWaitingOnTheDatabaseDoesNotHoldUpTheOthersAndKeepsItsOrder() throws Exception {
        // 55P03 lock_not_available: the held article waits, its partition with it, until the trigger goes.
        execute("""
                CREATE OR REPLACE FUNCTION test_hold() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.title LIKE 'Held %' THEN
                    RAISE EXCEPTION 'could not obtain lock on row' USING ERRCODE = '55P03';
                  END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_hold ON article;
                CREATE TRIGGER test_hold BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION test_hold();
                """);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ArticleRawV1 held = event("Held " + run, "This article waits for a lock on partition zero.");
        ArticleRawV1 behindHeld = event("Behind the held one " + run, "This article follows the held one on partition zero.");
        List<ArticleRawV1> others = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, 0, held);
            send(producer, 0, behindHeld);
            // The consumer that holds partition 0 holds at most one of the other two: the other consumer goes on.
            for (int partition : new int[] {1, 2}) {
                ArticleRawV1 other = event("Free on partition " + partition + " " + run, "This article is on partition " + partition + ".");
                others.add(other);
                send(producer, partition, other);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> others.stream().mapToInt(ParallelConsumersTest::stored).sum() >= 1);
        assertEquals(0, stored(held));
        assertEquals(0, stored(behindHeld), "order within a partition is kept");

        release();
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(held) == 1 && stored(behindHeld) == 1
                && others.stream().mapToInt(ParallelConsumersTest::stored).sum() == others.size());
        List<String> order = TestDatabase.row("SELECT (SELECT seq FROM article WHERE id = ?) < (SELECT seq FROM article WHERE id = ?)",
                held.articleId(), behindHeld.articleId());
        assertEquals("t", order.get(0), "the held article was stored before the one behind it");
    }

    private static void send(KafkaProducer<String, byte[]> producer, int partition, ArticleRawV1 event) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, partition, event.articleId(), ArticleEventCodec.toJson(event))).get(30, TimeUnit.SECONDS);
    }

    private static int stored(ArticleRawV1 event) {
        try {
            return TestDatabase.count("SELECT count(*) FROM article WHERE id = ?", event.articleId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


}
