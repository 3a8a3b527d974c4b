package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.store.ArticleService;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The enrichment of one raw article. Retries transient failures (a database restart, a lock
 * timeout) here, around the transaction that {@link ArticleService} owns, so each attempt is a
 * fresh transaction; an event that can never succeed is not retried and ends in the dead-letter topic.
 */
@ApplicationScoped
public class EnrichmentPipeline {

    private static final Logger LOG = Logger.getLogger(EnrichmentPipeline.class);

    /** Time per stage, tagged {@code stage}: what the benchmark reports and what to watch in production. */
    public static final String STAGE_TIMER = "newsflow.enrich.stage";

    private final ArticleAnalyzer analyzer;
    private final ArticleService articles;
    private final MeterRegistry metrics;
    private final RetryConfig retry;

    public EnrichmentPipeline(ArticleAnalyzer analyzer, ArticleService articles, MeterRegistry metrics, RetryConfig retry) {
        this.analyzer = analyzer;
        this.articles = articles;
        this.metrics = metrics;
        this.retry = retry;
    }

    /**
     * @throws InvalidEventException at once, for an event no retry can fix
     * @throws RuntimeException      the last failure, once every attempt failed
     */
    public StoreOutcome process(ArticleRawV1 event) {
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(event);
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= retry.maxAttempts()) {
                    metrics.counter("newsflow.enrich.failures", "kind", "exhausted").increment();
                    throw e;
                }
                LOG.warnf("event=%s attempt=%d failed (%s); retrying in %d ms", event.eventId(), attempt, e.toString(), backoff.toMillis());
                metrics.counter("newsflow.enrich.failures", "kind", "retried").increment();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private StoreOutcome attempt(ArticleRawV1 event) {
        Timer.Sample timer = Timer.start(metrics);
        // Derived here, not trusted from the producer: the id is what makes duplicates exact.
        String articleId = ContentId.of(event.title(), event.body());
        if (event.articleId() != null && !event.articleId().equals(articleId)) {
            LOG.debugf("event %s carried article id %s; content gives %s", event.eventId(), event.articleId(), articleId);
        }
        Analysis analysis = analyzer.analyse(event.title(), event.body());
        DetectedLanguage detected = analysis.language();
        StoreOutcome outcome = analyzer.stage("store",
                () -> articles.store(event, articleId, detected, analysis.cleanBody(), analysis.fingerprint(), analysis.annotations()));
        timer.stop(metrics.timer("newsflow.enrich.processing", "outcome", outcome.name().toLowerCase()));
        LOG.infof("event=%s article=%s outcome=%s language=%s confidence=%.2f", event.eventId(), articleId, outcome, detected.code(), detected.confidence());
        return outcome;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
