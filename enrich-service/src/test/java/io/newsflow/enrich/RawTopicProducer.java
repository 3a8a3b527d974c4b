package io.newsflow.enrich;

import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Sends events to the test broker's {@code articles.raw.v1} as ingest does, waiting for the acknowledgement. */
public final class RawTopicProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    /** An article as ingest would send it from a file, its id from its content. */
    public static ArticleRawV1 event(String title, String body) {
        return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, body), Instant.now(), title, body,
                "Test Wire", null, null, null, null, new ArticleRawV1.Provenance("file", "t.txt", "00", body.length(), Instant.now(), 0));
    }

    public void send(ArticleRawV1 event) throws Exception {
        producer.send(new ProducerRecord<>("articles.raw.v1", event.articleId(), ArticleEventCodec.toJson(event))).get(30, TimeUnit.SECONDS);
    }

    /** Sends the events as one burst: all handed to the producer before any is waited for. */
    public void sendAll(List<ArticleRawV1> events) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ArticleRawV1 event : events) {
            sent.add(producer.send(new ProducerRecord<>("articles.raw.v1", event.articleId(), ArticleEventCodec.toJson(event))));
        }
        for (Future<RecordMetadata> one : sent) {
            one.get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
