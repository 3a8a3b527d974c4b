package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.failure.DeadLetterException;
import io.newsflow.enrich.failure.FailureClassifier;
import io.newsflow.enrich.failure.TransientWaits;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.store.ArticleService;
import io.newsflow.enrich.store.StorableText;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The enrichment of one raw article: analysis once, then the store transaction that
 * {@link ArticleService} owns, attempted until it commits or fails for good ({@link TransientWaits}),
 * each attempt a fresh transaction.
 */
@ApplicationScoped
public class EnrichmentPipeline {

    private static final Logger LOG = Logger.getLogger(EnrichmentPipeline.class);

    /** Time per stage, tagged {@code stage}: what the benchmark reports and what to watch in production. */
    public static final String STAGE_TIMER = "newsflow.enrich.stage";

    private final ArticleAnalyzer analyzer;
    private final ArticleService articles;
    private final MeterRegistry metrics;
    private final TransientWaits waits;

    public EnrichmentPipeline(ArticleAnalyzer analyzer, ArticleService articles, MeterRegistry metrics, TransientWaits waits) {
        this.analyzer = analyzer;
        this.articles = articles;
        this.metrics = metrics;
        this.waits = waits;
    }

    /**
     * @throws DeadLetterException at once, for an event that can never be stored as it is
     * @throws io.newsflow.enrich.failure.ShutdownInProgressException when the service stops while the store waits
     */
    public StoreOutcome process(ArticleRawV1 received) {
        Timer.Sample timer = Timer.start(metrics);
        // Derived here, not trusted from the producer: the id is what makes duplicates exact.
        String articleId = ContentId.of(received.title(), received.body());
        if (received.articleId() != null && !received.articleId().equals(articleId)) {
            LOG.debugf("event %s carried article id %s; content gives %s", received.eventId(), received.articleId(), articleId);
        }
        ArticleRawV1 event = StorableText.of(received);
        Analysis analysis;
        try {
            analysis = analyzer.analyse(event.title(), event.body());
        } catch (RuntimeException e) {
            // The models touch no database: whatever fails here fails the same way next time.
            throw new DeadLetterException(FailureClassifier.classify(e), e);
        }
        DetectedLanguage detected = analysis.language();
        StoreOutcome outcome = waits.run("event=" + event.eventId() + " article=" + articleId, () -> analyzer.stage("store",
                () -> articles.store(event, articleId, detected, analysis.cleanBody(), analysis.fingerprint(), analysis.annotations())));
        timer.stop(metrics.timer("newsflow.enrich.processing", "outcome", outcome.name().toLowerCase()));
        LOG.infof("event=%s article=%s outcome=%s language=%s confidence=%.2f", event.eventId(), articleId, outcome, detected.code(), detected.confidence());
        return outcome;
    }
}
