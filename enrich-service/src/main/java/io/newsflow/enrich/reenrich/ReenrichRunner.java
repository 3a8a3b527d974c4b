package io.newsflow.enrich.reenrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.dedup.Fingerprinter;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.pipeline.Analysis;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.theme.ThemeScorer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs re-enrichment jobs, one at a time, on a thread of their own: the Kafka consumer keeps its
 * thread, and shares the database with the job only for one short transaction per article.
 * Jobs live in memory; the outcome that lasts is in {@code article_enrichment}.
 */
@ApplicationScoped
public class ReenrichRunner {

    private static final Logger LOG = Logger.getLogger(ReenrichRunner.class);
    private static final int KEPT_JOBS = 20;

    private final ReenrichService service;
    private final ArticleAnalyzer analyzer;
    private final ReenrichConfig config;
    private final MeterRegistry metrics;
    private final ReenrichStatus.Versions versions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "newsflow-reenrich");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ReenrichJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReenrichJob> eldest) {
            return size() > KEPT_JOBS;
        }
    };
    private ReenrichJob current;

    public ReenrichRunner(ReenrichService service, ArticleAnalyzer analyzer, ReenrichConfig config, MeterRegistry metrics,
                          EntityExtractor entities, ThemeScorer themes) {
        this.service = service;
        this.analyzer = analyzer;
        this.config = config;
        this.metrics = metrics;
        this.versions = new ReenrichStatus.Versions(entities.modelVersion(), entities.aliasVersion(), themes.version(), Fingerprinter.VERSION);
    }

    /** @return the new job, or empty while another one runs */
    public synchronized Optional<ReenrichStatus> start(ReenrichScope scope) {
        if (current != null && current.state == ReenrichJob.State.RUNNING) {
            return Optional.empty();
        }
        ReenrichJob job = new ReenrichJob(scope, versions);
        jobs.put(job.id, job);
        current = job;
        worker.submit(() -> run(job));
        return Optional.of(job.status());
    }

    public synchronized Optional<ReenrichStatus> running() {
        return Optional.ofNullable(current).filter(job -> job.state == ReenrichJob.State.RUNNING).map(ReenrichJob::status);
    }

    public synchronized Optional<ReenrichStatus> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(ReenrichJob::status);
    }

    /** The last jobs of this replica, newest first. */
    public synchronized List<ReenrichStatus> recent() {
        List<ReenrichStatus> statuses = new ArrayList<>(jobs.values().stream().map(ReenrichJob::status).toList());
        Collections.reverse(statuses);
        return statuses;
    }

    /**
     * Stops a running job before the datasource and Hibernate close. An interrupted article's
     * transaction rolls back: it stays as it was, and the next stale job takes it.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("re-enrichment did not stop within 10 s of shutdown");
        }
    }

    private void run(ReenrichJob job) {
        LOG.infof("re-enrichment %s (%s) started with %s", job.id, job.scope, versions);
        try {
            job.total = service.count(job.scope);
            long after = 0;
            for (List<ReenrichService.Candidate> page = service.page(job.scope, after, config.batchSize()); !page.isEmpty();
                 page = service.page(job.scope, after, config.batchSize())) {
                for (ReenrichService.Candidate article : page) {
                    if (worker.isShutdown()) {
                        job.finish(ReenrichJob.State.FAILED, "stopped: the service shut down");
                        return;
                    }
                    visit(job, article);
                }
                after = page.get(page.size() - 1).seq();
            }
            job.finish(ReenrichJob.State.SUCCEEDED, null);
            LOG.infof("re-enrichment %s finished: %s", job.id, job.status());
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                job.finish(ReenrichJob.State.FAILED, "stopped: the service shut down");
                return;
            }
            LOG.errorf(e, "re-enrichment %s stopped", job.id);
            job.finish(ReenrichJob.State.FAILED, "stopped by an error reading the articles; the log has the cause");
        }
    }

    /** One article's failure (a lock timeout, text a model cannot read) is counted and logged; the job goes on. */
    private void visit(ReenrichJob job, ReenrichService.Candidate article) {
        String outcome;
        try {
            Analysis analysis = analyzer.analyse(article.title(), article.body());
            boolean changed = service.apply(article.id(), analysis);
            outcome = changed ? "changed" : "unchanged";
            if (changed) {
                job.changed.incrementAndGet();
            } else {
                job.unchanged.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "re-enrichment %s: article %s left as it was", job.id, article.id());
            outcome = "failed";
            job.failed.incrementAndGet();
        }
        metrics.counter("newsflow.enrich.reenriched", "outcome", outcome).increment();
    }
}
