package io.newsflow.enrich.reenrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.enrich.store.analysis.Versions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs re-enrichment jobs on a thread of their own: the Kafka consumer keeps its thread, and shares
 * the database with the job only for one short transaction per article. Jobs live in
 * {@code reenrich_job}, shared by the replicas: one job runs at a time across all of them, a
 * heartbeat marks the replica running it alive, and a job whose replica stopped (shut down, crashed,
 * restarted) is resumed after its last article by the next idle replica with the same versions.
 */
@ApplicationScoped
public class ReenrichRunner {

    private static final Logger LOG = Logger.getLogger(ReenrichRunner.class);
    private static final int LISTED_JOBS = 20;

    private final ReenrichService service;
    private final ReenrichJobService jobs;
    private final ArticleAnalyzer analyzer;
    private final ReenrichConfig config;
    private final MeterRegistry metrics;
    private final Versions versions;
    private final String replica;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> daemon(task, "newsflow-reenrich"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "newsflow-reenrich-heartbeat"));
    /** The job this replica runs, if any. */
    private String current;

    public ReenrichRunner(ReenrichService service, ReenrichJobService jobs, ArticleAnalyzer analyzer, ReenrichConfig config,
                          ReplicaConfig replicaConfig, MeterRegistry metrics) {
        this.service = service;
        this.jobs = jobs;
        this.analyzer = analyzer;
        this.config = config;
        this.metrics = metrics;
        this.versions = analyzer.versions();
        this.replica = replicaConfig.instanceId().orElseGet(() -> Optional.ofNullable(System.getenv("HOSTNAME")).orElse("enrich")
                + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    void schedule(@Observes StartupEvent event) {
        long interval = config.heartbeatInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        LOG.infof("re-enrichment: this replica is %s", replica);
    }

    /** @return the new job, running here, or empty while a job runs on any replica */
    public synchronized Optional<ReenrichStatus> start(ReenrichScope scope) {
        Optional<ReenrichJob> job = jobs.create(scope, versions, replica);
        job.ifPresent(this::launch);
        return job.map(ReenrichJob::status);
    }

    public Optional<ReenrichStatus> running() {
        return jobs.running().map(ReenrichJob::status);
    }

    public Optional<ReenrichStatus> find(String id) {
        return jobs.find(id).map(ReenrichJob::status);
    }

    /** The last jobs of every replica, newest first. */
    public List<ReenrichStatus> recent() {
        return jobs.recent(LISTED_JOBS).stream().map(ReenrichJob::status).toList();
    }

    /**
     * Stops a running job before the datasource and Hibernate close, and releases it so that the next
     * idle replica (this one after a restart) resumes it at once. An interrupted article's transaction
     * rolls back: it stays as it was, and the resumed job visits it again.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        ticker.shutdownNow();
        String running;
        synchronized (this) {
            running = current;
        }
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("re-enrichment did not stop within 10 s of shutdown");
        }
        if (running != null && jobs.release(running, replica)) {
            LOG.infof("re-enrichment %s released for another replica to resume", running);
        }
    }

    /**
     * Keeps this replica's job alive, or, when idle, fails jobs no replica can finish and resumes one
     * whose replica stopped. A failing database only delays it to the next tick.
     */
    private synchronized void tick() {
        try {
            if (current != null) {
                if (!jobs.heartbeat(current, replica)) {
                    LOG.warnf("re-enrichment %s was taken over by another replica; this one stops at its next article", current);
                }
                return;
            }
            if (jobs.failAbandoned(versions, config.leaseTimeout()) > 0) {
                LOG.warn("re-enrichment: an interrupted job with other versions than this replica's was marked FAILED");
            }
            jobs.claim(versions, replica, config.leaseTimeout()).ifPresent(job -> {
                LOG.infof("re-enrichment %s resumed after article seq %d (%d done before)", job.id, job.afterSeq, job.changed + job.unchanged + job.failed);
                launch(job);
            });
        } catch (RuntimeException e) {
            LOG.warnf("re-enrichment heartbeat failed (%s); trying again in %s", e.toString(), config.heartbeatInterval());
        }
    }

    private void launch(ReenrichJob job) {
        current = job.id;
        worker.submit(() -> run(job));
    }

    /** A job that just finished may still be leaving the worker thread while the next one is launched. */
    private synchronized void done(String jobId) {
        if (jobId.equals(current)) {
            current = null;
        }
    }

    private void run(ReenrichJob job) {
        LOG.infof("re-enrichment %s (%s) running with %s", job.id, job.scope, versions);
        try {
            if (job.total == null) {
                jobs.counted(job.id, replica, service.count(job.scope));
            }
            long after = job.afterSeq;
            for (List<ReenrichService.Candidate> page = service.page(job.scope, after, config.batchSize()); !page.isEmpty();
                 page = service.page(job.scope, after, config.batchSize())) {
                for (ReenrichService.Candidate article : page) {
                    if (worker.isShutdown()) {
                        return;
                    }
                    visit(job, article);
                }
                after = page.get(page.size() - 1).seq();
            }
            if (jobs.finish(job.id, replica, ReenrichJob.State.SUCCEEDED, null)) {
                LOG.infof("re-enrichment %s finished: %s", job.id, jobs.find(job.id).map(ReenrichJob::status).orElse(null));
            }
        } catch (ReenrichJobService.JobLostException e) {
            LOG.warnf("re-enrichment %s: stopped, another replica resumed it", job.id);
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return;
            }
            LOG.errorf(e, "re-enrichment %s stopped", job.id);
            finishFailed(job);
        } finally {
            done(job.id);
        }
    }

    private void finishFailed(ReenrichJob job) {
        try {
            jobs.finish(job.id, replica, ReenrichJob.State.FAILED, "stopped by an error reading the articles; the log has the cause");
        } catch (RuntimeException e) {
            // The job stays RUNNING under this replica's name: the next tick takes it back and goes on where it stopped.
            LOG.warnf("re-enrichment %s: could not record the failure (%s)", job.id, e.toString());
        }
    }

    /**
     * One article's failure (a lock timeout, text a model cannot read) is counted and logged; the job
     * goes on. Losing the job stops it (the exception leaves {@link #run}).
     */
    private void visit(ReenrichJob job, ReenrichService.Candidate article) {
        ReenrichJobService.Outcome outcome;
        try {
            Analysis analysis = analyzer.analyse(article.title(), article.body());
            outcome = service.apply(job.id, replica, article, analysis) ? ReenrichJobService.Outcome.CHANGED : ReenrichJobService.Outcome.UNCHANGED;
        } catch (ReenrichJobService.JobLostException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "re-enrichment %s: article %s left as it was", job.id, article.id());
            outcome = ReenrichJobService.Outcome.FAILED;
            jobs.advance(job.id, replica, article.seq(), outcome);
        }
        metrics.counter("newsflow.enrich.reenriched", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
