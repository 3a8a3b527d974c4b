package io.newsflow.query.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.query.freshness.Refreshers;
import io.newsflow.query.http.QueryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The pipeline's backlog as last read. One background thread asks ingest and Kafka every
 * {@code NEWSFLOW_QUERY_PIPELINE_REFRESH}; requests only read the result, so however many dashboards
 * poll, ingest and Kafka are asked once per period, and a part that does not answer never holds up
 * /stats (it shows as null numbers and a reason instead).
 */
@ApplicationScoped
public class PipelineService {

    private static final Logger LOG = Logger.getLogger(PipelineService.class);
    /** The rate is measured over about this long: short enough to follow a drop, long enough to smooth commits in batches. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private record Sample(long nanos, long finished) {
    }

    private final InboxClient inbox;
    private final KafkaBacklogClient kafka;
    private final ThroughputRepository throughput;
    private final Duration period;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private ScheduledExecutorService refresher;
    private volatile PipelineStatus current = PipelineStatus.notReadYet();
    private String lastInboxError;
    private String lastKafkaError;

    public PipelineService(InboxClient inbox, KafkaBacklogClient kafka, ThroughputRepository throughput, QueryConfig config,
                           MeterRegistry metrics) {
        this.inbox = inbox;
        this.kafka = kafka;
        this.throughput = throughput;
        this.period = config.pipelineRefresh();
        // The same numbers for Prometheus: enrich's group lag even while no enrich replica runs to report its own.
        gauge(metrics, "newsflow.pipeline.files.waiting", PipelineStatus::filesWaiting);
        gauge(metrics, "newsflow.pipeline.articles.waiting", PipelineStatus::articlesWaiting);
        gauge(metrics, "newsflow.pipeline.dead.lettered", PipelineStatus::deadLettered);
        gauge(metrics, "newsflow.pipeline.files.failed", PipelineStatus::filesFailed);
        gauge(metrics, "newsflow.pipeline.articles.per.second", PipelineStatus::articlesPerSecond);
    }

    /** A number the last reading could not give is NaN, which Prometheus records as no value. */
    private void gauge(MeterRegistry metrics, String name, Function<PipelineStatus, Number> number) {
        metrics.gauge(name, this, service -> {
            Number value = number.apply(service.current);
            return value == null ? Double.NaN : value.doubleValue();
        });
    }

    void start(@Observes StartupEvent event) {
        refresher = Refreshers.every("pipeline-refresh", period, this::refresh);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** The backlog as of the last refresh (at most one period plus the time it takes old). */
    public PipelineStatus current() {
        return current;
    }

    private void refresh() {
        try {
            InboxClient.Inbox files = null;
            String inboxError = null;
            try {
                files = inbox.read();
            } catch (IOException e) {
                inboxError = e.getMessage();
            }
            KafkaBacklogClient.Backlog backlog = null;
            String kafkaError = null;
            try {
                backlog = kafka.read();
            } catch (KafkaBacklogClient.KafkaUnavailable e) {
                kafkaError = e.getMessage();
            }
            current = PipelineStatus.of(files, inboxError, backlog, kafkaError, rate());
            lastInboxError = logChange("ingest-service's inbox", lastInboxError, inboxError);
            lastKafkaError = logChange("Kafka", lastKafkaError, kafkaError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The next period tries again; the scheduler would stop refreshing for good on a thrown exception.
            LOG.errorf(e, "could not read the pipeline's backlog");
        }
    }

    /** Articles finished per second since the oldest sample within the window; null until there are two samples. */
    private Double rate() {
        long now = System.nanoTime();
        long finished;
        try {
            finished = throughput.finished();
        } catch (SQLException e) {
            return null;
        }
        if (!samples.isEmpty() && finished < samples.peekLast().finished()) {
            // The counters were rebuilt (rollup_rebuild): earlier samples no longer compare.
            samples.clear();
        }
        samples.addLast(new Sample(now, finished));
        // Keeps the newest sample at least a window old, so the rate spans the whole window once it can.
        while (samples.size() > 2 && now - secondOldest().nanos() >= RATE_WINDOW.toNanos()) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        if (oldest.nanos() == now) {
            return null;
        }
        double perSecond = (finished - oldest.finished()) * 1e9 / (now - oldest.nanos());
        return Math.round(perSecond * 10) / 10.0;
    }

    private Sample secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    private static String logChange(String part, String before, String after) {
        if (!Objects.equals(before, after)) {
            if (after == null) {
                LOG.infof("%s readable again", part);
            } else {
                LOG.warnf("cannot read %s: %s", part, after);
            }
        }
        return after;
    }
}
