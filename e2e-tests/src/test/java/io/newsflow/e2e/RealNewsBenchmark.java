package io.newsflow.e2e;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.corpus.NewsCorpusCli;
import io.newsflow.stack.Pipeline;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end on real news: a {@link LocalPipeline} with {@code ./newsflow run}'s defaults, 2,000
 * real-news files (~4.5 KB, 80 % English) moved into the inbox at once and timed until all are
 * queryable, with the CPU each process spent meanwhile; then the idle latency of single files.
 * Not part of {@code verify} (failsafe runs {@code *IT}): {@code ./mvnw -B verify -pl e2e-tests -am -Dit.test=RealNewsBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} after {@code ./mvnw -B -DskipTests package};
 * writes target/realnews-benchmark.md, copied by hand into docs/benchmarks.md.
 */
class RealNewsBenchmark {

    private static final int FILES = Integer.getInteger("bench.files", 2000);
    private static final int LATENCY_FILES = 20;

    @Test
    void realNewsRateCpuAndIdleLatency() throws Exception {
        Optional<NewsCorpus> corpus = NewsCorpus.fromSharedEvalData();
        assumeTrue(corpus.isPresent(), "../shared/eval-data is absent: no real-news corpus");
        List<CorpusArticle> articles = corpus.get().generate(FILES + LATENCY_FILES, 2024);
        try (Pipeline pipeline = LocalPipeline.start("realnews-bench")) {
            PipelineProbe probe = new PipelineProbe(pipeline);
            Path staging = pipeline.config().dataDir().resolve("staging").resolve("batch");
            NewsCorpusCli.write(articles.subList(0, FILES), staging);
            long bytes = articles.subList(0, FILES).stream().mapToLong(a -> a.bytes().length).sum();

            Path postgresData = pipeline.config().dataDir().resolve("postgres");
            Map<String, Double> cpuBefore = ProcessCpu.byProcess(postgresData);
            long start = System.nanoTime();
            Files.move(staging, pipeline.inbox().resolve("batch"));
            double[] enrichHeap = new double[1];
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                enrichHeap[0] = Math.max(enrichHeap[0], probe.enrichHeapUsed());
                return probe.storedArticles() + probe.deadLetters() >= FILES;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpu = ProcessCpu.difference(ProcessCpu.byProcess(postgresData), cpuBefore);
            long deadLetters = probe.deadLetters();
            long failed = probe.failedFiles();
            double retried = PipelineProbe.FAILURE_COUNTERS.stream().filter(c -> !c.contains("dead_letters")).mapToDouble(probe::enrichCounter).sum();

            List<Double> latencies = new ArrayList<>();
            for (CorpusArticle article : articles.subList(FILES, FILES + LATENCY_FILES)) {
                int before = probe.storedArticles();
                long written = System.nanoTime();
                NewsCorpusCli.write(List.of(article), pipeline.inbox().resolve("single"));
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> probe.storedArticles() > before);
                latencies.add((System.nanoTime() - written) / 1e6);
            }
            Collections.sort(latencies);

            double totalCpu = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                    Measured %s with `./mvnw -B verify -pl e2e-tests -am -Dit.test=RealNewsBenchmark -Dtest=none
                    -Dsurefire.failIfNoSpecifiedTests=false` (after `./mvnw -B -DskipTests package`), %d cores.
                    %d real-news files (news-corpus, seed 2024, mean %d bytes, 80 %% English) moved into the inbox at once.

                    | figure | value |
                    | --- | --- |
                    | drop → all queryable | %.1f s |
                    | **end-to-end rate** | **%.1f articles/s** |
                    | dead-lettered / failed files / retried | %d / %d / %.0f |
                    | CPU, all processes | %.1f s (%.0f ms per article; %.0f %% of %d cores) |
                    | enrich heap used, highest of the samples taken every 0.5 s (`-Xmx768m`) | %.0f MB |
                    """, LocalDate.now(), cores, FILES, bytes / FILES, seconds, FILES / seconds, deadLetters, failed, retried,
                    totalCpu, totalCpu * 1000 / FILES, 100 * totalCpu / (seconds * cores), cores, enrichHeap[0] / (1 << 20)));
            cpu.forEach((process, s) -> report.append(String.format(Locale.ROOT, "| CPU, %s | %.1f s (%.0f ms per article) |%n",
                    process, s, s * 1000 / FILES)));
            report.append(String.format(Locale.ROOT, "| idle latency, file written → queryable (%d files one by one) | p50 %.0f ms, max %.0f ms |%n",
                    LATENCY_FILES, latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1)));
            System.out.println(report);
            Files.writeString(Path.of("target", "realnews-benchmark.md"), report);

            assertEquals(0, deadLetters, () -> "dead-lettered: " + String.join("\n", probe.describeDeadLetters()));
            assertEquals(0, failed, "files in data/failed/");
        }
    }

    /**
     * CPU seconds of the pipeline's processes by what they are: this JVM's children (the services,
     * Kafka) and PostgreSQL's server with its backends, which pg_ctl detaches from this JVM (found by
     * its data folder on the command line).
     */
    private static final class ProcessCpu {

        static Map<String, Double> byProcess(Path postgresData) {
            Map<String, Double> byName = new TreeMap<>();
            ProcessHandle.current().descendants().filter(p -> !p.info().command().orElse("").endsWith("postgres")).forEach(p -> p.info().totalCpuDuration()
                    .ifPresent(d -> byName.merge(name(p), d.toNanos() / 1e9, Double::sum)));
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(postgresData.toString()))
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .forEach(p -> p.info().totalCpuDuration().ifPresent(d -> byName.merge("PostgreSQL (server and backends)", d.toNanos() / 1e9, Double::sum)));
            return byName;
        }

        static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
            Map<String, Double> difference = new TreeMap<>();
            after.forEach((name, seconds) -> difference.put(name, seconds - before.getOrDefault(name, 0.0)));
            return difference;
        }

        private static String name(ProcessHandle process) {
            String command = process.info().command().orElse("?");
            String arguments = String.join(" ", process.info().arguments().orElse(new String[0]));
            for (String service : List.of("ingest-service", "enrich-service", "query-service")) {
                if (arguments.contains(service + "/target/quarkus-app")) {
                    return service;
                }
            }
            // The broker is the pipeline's only other Java child; its command line, a long classpath, is not always readable.
            return command.endsWith("/java") ? "Kafka" : Path.of(command).getFileName().toString();
        }
    }
}
