package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.Fingerprinter;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.language.LanguageService;
import io.newsflow.enrich.normalize.TextNormalizer;
import io.newsflow.enrich.store.Annotations;
import io.newsflow.enrich.store.ArticleService;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.enrich.theme.ThemeScorer;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

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

    private final LanguageService language;
    private final Fingerprinter fingerprinter;
    private final ArticleService articles;
    private final MeterRegistry metrics;
    private final RetryConfig retry;
    private final EntityExtractor entities;
    private final ThemeScorer themes;

    public EnrichmentPipeline(LanguageService language, Fingerprinter fingerprinter, ArticleService articles, MeterRegistry metrics,
                              RetryConfig retry, EntityExtractor entities, ThemeScorer themes) {
        this.language = language;
        this.fingerprinter = fingerprinter;
        this.entities = entities;
        this.themes = themes;
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
        // Analysis reads the cleaned text (boilerplate tails would add entities and themes the article is
        // not about); entity and theme offsets therefore point into title + "\n" + clean_body.
        String cleanBody = stage("normalize", () -> TextNormalizer.clean(event.body()));
        String text = event.title() == null ? cleanBody : event.title() + "\n" + cleanBody;
        DetectedLanguage detected = stage("language", () -> language.detect(text));
        Fingerprint fingerprint = stage("fingerprint", () -> fingerprinter.of(cleanBody));
        // Outside the transaction: the models take tens of milliseconds, no connection should wait on them.
        Annotations found = stage("annotate", () -> new Annotations(entities.extract(text, detected.code()),
                themes.score(text, detected.code()), entities.modelVersion(), entities.aliasVersion(), themes.version()));
        StoreOutcome outcome = stage("store", () -> articles.store(event, articleId, detected, cleanBody, fingerprint, found));
        timer.stop(metrics.timer("newsflow.enrich.processing", "outcome", outcome.name().toLowerCase()));
        LOG.infof("event=%s article=%s outcome=%s language=%s confidence=%.2f", event.eventId(), articleId, outcome, detected.code(), detected.confidence());
        return outcome;
    }

    private <T> T stage(String name, Supplier<T> work) {
        return metrics.timer(STAGE_TIMER, "stage", name).record(work);
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
