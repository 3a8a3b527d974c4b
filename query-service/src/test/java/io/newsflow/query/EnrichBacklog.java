package io.newsflow.query;

import io.newsflow.stack.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The raw and dead-letter topics on the test JVM's real broker, and enrich's consumer group as enrich
 * would move it: records sent are the backlog /stats' pipeline object counts, a commit works it off.
 */
public final class EnrichBacklog implements AutoCloseable {

    public static final String RAW = "articles.raw.v1";
    public static final String DLQ = "articles.raw.v1.dlq";
    private static final TopicPartition RAW_0 = new TopicPartition(RAW, 0);

    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    public EnrichBacklog() throws Exception {
        String servers = TestStack.get().kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        // One partition each, so that committing partition 0 commits everything.
        for (String topic : List.of(RAW, DLQ)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, int records) throws Exception {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "{}")).get();
        }
    }

    /** As enrich does after storing: the group's offset moves to the end of the raw topic. */
    public void commitEverything() throws Exception {
        long end = admin.listOffsets(Map.of(RAW_0, OffsetSpec.latest())).partitionResult(RAW_0).get().offset();
        admin.alterConsumerGroupOffsets("newsflow-enrich", Map.of(RAW_0, new OffsetAndMetadata(end))).all().get();
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
