package io.newsflow.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The local pipeline's topics laid out before any service starts, as compose's {@code kafka-init} and
 * the Kubernetes topics job do: each created with {@code NEWSFLOW_PARTITIONS} partitions, or grown to
 * them. Kafka never takes partitions away, so a lower setting leaves a topic as it is.
 */
final class RawTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private RawTopics() {
    }

    /** Creates the missing topics and grows those with fewer partitions; says what it changed, one line each. */
    static void ensure(String bootstrapServers, List<String> topics, int partitions, Consumer<String> say) {
        try (Admin admin = admin(bootstrapServers)) {
            Map<String, Integer> existing = partitions(admin, topics);
            List<String> missing = topics.stream().filter(t -> !existing.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                get(admin.createTopics(missing.stream().map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())).toList()).all());
                say.accept("created Kafka topics " + String.join(", ", missing) + " with " + partitions + " partitions");
            }
            for (String topic : topics) {
                Integer current = existing.get(topic);
                if (current != null && current < partitions) {
                    get(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all());
                    say.accept("grew Kafka topic " + topic + " from " + current + " to " + partitions + " partitions");
                } else if (current != null && current > partitions) {
                    say.accept("Kafka topic " + topic + " keeps its " + current + " partitions: NEWSFLOW_PARTITIONS is "
                            + partitions + ", and Kafka can never take partitions away");
                }
            }
            awaitVisible(admin, topics, partitions);
        }
    }

    /** A describe right after a change may still answer the old layout for a moment: back once it shows the new one. */
    private static void awaitVisible(Admin admin, List<String> topics, int partitions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Map<String, Integer> seen = partitions(admin, topics);
        while (seen.size() < topics.size() || seen.values().stream().anyMatch(p -> p < partitions)) {
            if (System.nanoTime() > deadline) {
                throw new StackException("the Kafka topics did not reach " + partitions + " partitions within " + TIMEOUT_SECONDS + " s: " + seen);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while laying out the Kafka topics", e);
            }
            seen = partitions(admin, topics);
        }
    }

    /** The partitions of each of these topics that exists. */
    static Map<String, Integer> partitions(String bootstrapServers, List<String> topics) {
        try (Admin admin = admin(bootstrapServers)) {
            return partitions(admin, topics);
        }
    }

    private static Map<String, Integer> partitions(Admin admin, List<String> topics) {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        return get(admin.describeTopics(present).allTopicNames()).values().stream()
                .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while laying out the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new StackException("could not lay out the Kafka topics: " + cause, cause);
        }
    }
}
