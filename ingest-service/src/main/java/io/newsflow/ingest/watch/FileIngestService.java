package io.newsflow.ingest.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.parse.ArticleFileParser;
import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One claimed file, start to end: read, parse, publish, and only after Kafka acknowledged every
 * article move it to processed/. A file that can never be ingested goes to failed/ with its reason
 * beside it; a file whose publication failed goes back to the inbox, to be retried.
 */
@ApplicationScoped
public class FileIngestService {

    private static final Logger LOG = Logger.getLogger(FileIngestService.class);

    public enum Outcome { PROCESSED, FAILED, RETRY }

    private final InboxFolders folders;
    private final InboxClaims claims;
    private final ArticleIntake intake;
    private final ArticlePublisher publisher;
    private final IngestConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Timer publishLatency;
    private final DistributionSummary bytes;

    public FileIngestService(InboxFolders folders, InboxClaims claims, ArticleIntake intake, ArticlePublisher publisher, IngestConfig config, Clock clock, MeterRegistry metrics, ObjectMapper json) {
        this.folders = folders;
        this.claims = claims;
        this.intake = intake;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
        this.publishLatency = Timer.builder("newsflow.ingest.publish.latency").description("From a file's articles sent to all acknowledged")
                .publishPercentileHistogram().register(metrics);
        this.bytes = DistributionSummary.builder("newsflow.ingest.file.bytes").baseUnit("bytes").register(metrics);
    }

    /** @param claimed the file in this replica's claim folder */
    public CompletionStage<Outcome> ingest(Path claimed) {
        Path inboxPath = claims.inboxPath(claimed);
        String name = folders.inbox().relativize(inboxPath).toString();
        metrics.counter("newsflow.ingest.files.discovered").increment();
        long started = System.nanoTime();
        BasicFileAttributes attributes;
        byte[] content;
        try {
            attributes = Files.readAttributes(claimed, BasicFileAttributes.class);
            if (attributes.size() > config.inbox().maxFileBytes()) {
                return done(fail(claimed, name, "oversize", "read", "the file has " + attributes.size() + " bytes; the limit is "
                        + config.inbox().maxFileBytes() + " (NEWSFLOW_INBOX_MAX_FILE_BYTES)", attributes.size()));
            }
            content = Files.readAllBytes(claimed);
        } catch (IOException e) {
            LOG.warnf("file=%s outcome=retry stage=read error=%s", name, e.toString());
            return done(release(claimed, name, "unreadable"));
        }
        bytes.record(content.length);

        List<ArticleRawV1> published;
        try {
            published = intake.fromFile(name, content, attributes);
        } catch (ArticleIntake.Refused e) {
            return done(fail(claimed, name, e.reason(), e.stage(), e.getMessage(), content.length));
        }
        Timer.Sample sample = Timer.start(metrics);
        return publisher.publishAll(published, config.inbox().publishTimeout())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                // Only a failed publication may send the file back: once acknowledged, it is moved, whatever follows.
                .onItemOrFailure().transform((acknowledged, failure) -> {
                    if (failure == null) {
                        sample.stop(publishLatency);
                        return processed(claimed, name, published, started);
                    }
                    if (rejectedForGood(failure)) {
                        return fail(claimed, name, "publish-rejected", "publish", "Kafka refused the articles: " + failure.getMessage(), content.length);
                    }
                    LOG.warnf("file=%s outcome=retry stage=publish articles=%d error=%s", name, published.size(), failure.toString());
                    return release(claimed, name, "publish");
                })
                .subscribeAsCompletionStage();
    }

    private Outcome processed(Path claimed, String name, List<ArticleRawV1> published, long started) {
        try {
            Path target = folders.moveToProcessed(claimed, name);
            tidyUp(name, target);
            LOG.infof("file=%s outcome=processed articles=%d ids=%s moved=%s ms=%d", name, published.size(),
                    published.stream().map(ArticleRawV1::articleId).toList(), target, (System.nanoTime() - started) / 1_000_000);
            count("processed", "ok");
            metrics.counter("newsflow.ingest.articles.published", "channel", "file").increment(published.size());
            return Outcome.PROCESSED;
        } catch (IOException e) {
            // Published but not moved: the retry republishes, and the content id makes that harmless.
            LOG.errorf("file=%s outcome=retry stage=move error=%s", name, e.toString());
            return release(claimed, name, "move");
        }
    }

    private Outcome fail(Path claimed, String name, String reason, String stage, String message, long size) {
        try {
            Path target = folders.moveToFailed(claimed, name);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", name);
            error.put("reason", reason);
            error.put("stage", stage);
            error.put("message", message);
            error.put("detectedType", ArticleFileParser.type(name));
            error.put("size", size);
            error.put("time", clock.instant().toString());
            Files.write(target.resolveSibling(target.getFileName() + InboxFolders.ERROR_SUFFIX), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(error));
            tidyUp(name, target);
            LOG.warnf("file=%s outcome=failed reason=%s stage=%s moved=%s message=\"%s\"", name, reason, stage, target, message);
            count("failed", reason);
            return Outcome.FAILED;
        } catch (IOException e) {
            LOG.errorf("file=%s outcome=retry stage=move-to-failed error=%s", name, e.toString());
            return release(claimed, name, "move");
        }
    }

    private Outcome release(Path claimed, String name, String reason) {
        count("retry", reason);
        try {
            claims.release(claimed);
        } catch (IOException e) {
            // Left in the claim folder: recovered into the inbox when this replica stops for good.
            LOG.errorf("file=%s cannot return to the inbox: %s", name, e.toString());
        }
        return Outcome.RETRY;
    }

    /**
     * Leaves the inbox clean of what stood beside the file, in any mode: its {@code .done} marker follows it; a report
     * moved back with it from failed/ ({@code mv failed/* inbox/}) tells of an earlier try and goes.
     */
    private void tidyUp(String name, Path movedTo) throws IOException {
        Path marker = folders.inbox().resolve(name + InboxScanner.MARKER_SUFFIX);
        if (Files.exists(marker)) {
            InboxFolders.moveUnique(marker, movedTo.resolveSibling(movedTo.getFileName() + InboxScanner.MARKER_SUFFIX));
        }
        Files.deleteIfExists(folders.inbox().resolve(name + InboxFolders.ERROR_SUFFIX));
    }

    private void count(String outcome, String reason) {
        metrics.counter("newsflow.ingest.files", "outcome", outcome, "reason", reason).increment();
    }

    /** A record Kafka will never take, whenever it is retried; any other failure is Kafka being away. */
    private static boolean rejectedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
