package io.newsflow.ingest.bench;

import io.newsflow.ingest.support.FreshDataDirResource;
import io.newsflow.ingest.support.Inbox;
import io.newsflow.ingest.support.RawTopic;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test of speed: {@code ./mvnw -Pbench verify -pl ingest-service -am}. Drops
 * 10,000 small files into the inbox at once and reports files/s into Kafka and drop-to-publish
 * latency (the files are written beforehand and renamed in, so their mtime is already past the
 * minimum age: what delays them is the two looks, the claim, parsing and the acknowledgement); results go to docs/benchmarks.md by hand, with the machine they ran on.
 */
@QuarkusTest
@TestProfile(InboxThroughputBench.Defaults.class)
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "role", value = "none"))
@QuarkusTestResource(value = FreshDataDirResource.class, restrictToAnnotatedClass = false)
class InboxThroughputBench {

    private static final int FILES = Integer.getInteger("bench.files", 10_000);

    /** The production defaults (scan interval, minimum age), not the test profile's shorter ones. */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.inbox.scan-interval", "1s", "newsflow.inbox.min-age", "1s");
        }
    }

    @Test
    void tenThousandSmallFiles() throws Exception {
        Inbox inbox = new Inbox();
        Path staging = inbox.data().resolve("staging");
        Files.createDirectories(staging);
        for (int i = 0; i < FILES; i++) {
            Files.writeString(staging.resolve("f" + i + ".txt"), "Source: Bench Wire\nAuthor: Bench\n\nBenchmark article number " + i
                    + ". The two leaders met at the launch site and discussed cooperation for several hours.", StandardCharsets.UTF_8);
        }
        try (RawTopic topic = new RawTopic()) {
            Path target = inbox.path("bench");
            Files.createDirectories(target);
            long dropped = System.currentTimeMillis();
            for (int i = 0; i < FILES; i++) {
                Files.move(staging.resolve("f" + i + ".txt"), target.resolve("f" + i + ".txt"));
            }
            long renamed = System.currentTimeMillis();
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(topic.await(FILES));
            long[] latencies = records.stream().mapToLong(r -> r.timestamp() - dropped).sorted().toArray();
            long last = latencies[latencies.length - 1] + dropped;
            Set<String> keys = new HashSet<>();
            records.forEach(r -> keys.add(r.key()));
            assertEquals(FILES, keys.size(), "each file published once");

            long moved;
            try (Stream<Path> left = Files.list(target)) {
                moved = FILES - left.count();
            }
            long first = latencies[0] + dropped;
            System.out.printf("%nBENCH ingest: %d files dropped in %d ms; first published %d ms and last %d ms after the drop; "
                            + "%.0f files/s into Kafka (first to last publish), %.0f files/s counting from the drop; "
                            + "drop-to-publish p50 %d ms, p99 %d ms, max %d ms; %d files already moved%n%n",
                    FILES, renamed - dropped, first - dropped, last - dropped, FILES * 1000.0 / Math.max(1, last - first),
                    FILES * 1000.0 / (last - dropped), percentile(latencies, 50), percentile(latencies, 99),
                    latencies[latencies.length - 1], moved);
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
