package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.failure.DeadLetterException;
import io.newsflow.enrich.failure.FailureClassifier;
import io.newsflow.enrich.failure.TransientWaits;
import io.newsflow.enrich.store.ArticleService;
import io.newsflow.enrich.store.StorableText;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.enrich.store.ToStore;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The enrichment of a run of consecutive raw articles: analysis of each, then one store transaction
 * for all of them that {@link ArticleService} owns, attempted until it commits or fails for good
 * ({@link TransientWaits}), each attempt a fresh transaction. A run that fails for good is stored
 * again one article at a time, so that only the article at fault is dead-lettered.
 */
@ApplicationScoped
public class EnrichmentPipeline {

    private static final Logger LOG = Logger.getLogger(EnrichmentPipeline.class);

    /** Time per stage, tagged {@code stage}: what the benchmark reports and what to watch in production. */
    public static final String STAGE_TIMER = "newsflow.enrich.stage";

    /** What became of one event: an outcome, or the reason it goes to the dead-letter topic. */
    public record Processed(StoreOutcome outcome, DeadLetterException deadLetter) {

        static Processed of(StoreOutcome outcome) {
            return new Processed(outcome, null);
        }

        static Processed failed(DeadLetterException deadLetter) {
            return new Processed(null, deadLetter);
        }
    }

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
     * {@link #processAll} for one event.
     *
     * @throws DeadLetterException at once, for an event that can never be stored as it is
     */
    public StoreOutcome process(ArticleRawV1 received) {
        Processed processed = processAll(List.of(received)).get(0);
        if (processed.deadLetter() != null) {
            throw processed.deadLetter();
        }
        return processed.outcome();
    }

    /**
     * @return one result per event, in order
     * @throws io.newsflow.enrich.failure.ShutdownInProgressException when the service stops while the store waits
     */
    public List<Processed> processAll(List<ArticleRawV1> received) {
        Timer.Sample timer = Timer.start(metrics);
        metrics.summary("newsflow.enrich.run.articles").record(received.size());
        Processed[] results = new Processed[received.size()];
        List<Integer> analysed = new ArrayList<>();
        List<ToStore> batch = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            try {
                batch.add(analyse(received.get(i)));
                analysed.add(i);
            } catch (DeadLetterException e) {
                results[i] = Processed.failed(e);
            }
        }
        if (!batch.isEmpty()) {
            List<Processed> stored = store(batch);
            for (int j = 0; j < stored.size(); j++) {
                results[analysed.get(j)] = stored.get(j);
                log(batch.get(j), stored.get(j));
            }
        }
        Arrays.stream(results).filter(result -> result.outcome() != null)
                .forEach(result -> timer.stop(metrics.timer("newsflow.enrich.processing", "outcome", result.outcome().name().toLowerCase())));
        return List.of(results);
    }

    private ToStore analyse(ArticleRawV1 received) {
        // Derived here, not trusted from the producer: the id is what makes duplicates exact.
        String articleId = ContentId.of(received.title(), received.body());
        if (received.articleId() != null && !received.articleId().equals(articleId)) {
            LOG.debugf("event %s carried article id %s; content gives %s", received.eventId(), received.articleId(), articleId);
        }
        ArticleRawV1 event = StorableText.of(received);
        try {
            return new ToStore(event, articleId, analyzer.analyse(event.title(), event.body()));
        } catch (RuntimeException e) {
            // The models touch no database: whatever fails here fails the same way next time.
            throw new DeadLetterException(FailureClassifier.classify(e), e);
        }
    }

    private List<Processed> store(List<ToStore> batch) {
        try {
            String what = batch.size() == 1 ? describe(batch.get(0)) : "run of " + batch.size() + " events from " + describe(batch.get(0));
            return waits.run(what, () -> analyzer.stage("store", () -> articles.storeAll(batch))).stream().map(Processed::of).toList();
        } catch (DeadLetterException e) {
            if (batch.size() == 1) {
                return List.of(Processed.failed(e));
            }
            LOG.infof("a run of %d events failed (%s: %s); storing them one by one", batch.size(), e.failure().exceptionClass(),
                    e.failure().message());
            return batch.stream().map(this::storeOne).toList();
        }
    }

    private Processed storeOne(ToStore one) {
        try {
            return Processed.of(waits.run(describe(one), () -> analyzer.stage("store", () -> articles.store(one))));
        } catch (DeadLetterException e) {
            return Processed.failed(e);
        }
    }

    private static String describe(ToStore one) {
        return "event=" + one.event().eventId() + " article=" + one.articleId();
    }

    private static void log(ToStore one, Processed result) {
        if (result.outcome() != null) {
            LOG.infof("event=%s article=%s outcome=%s language=%s confidence=%.2f", one.event().eventId(), one.articleId(), result.outcome(),
                    one.analysis().language().code(), one.analysis().language().confidence());
        }
    }
}
