package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.store.analysis.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code reenrich_job} rows every replica shares. Each change is one guarded update: it applies
 * only while the job is RUNNING and owned by the replica making it, so a replica that lost its job
 * (its heartbeat grew older than the lease and another replica resumed it) can no longer write to it.
 * Times are the database's ({@code now()}), so replicas' clocks need not agree.
 */
@ApplicationScoped
public class ReenrichJobService {

    /** The replica no longer owns the job it was writing to; the article's transaction rolls back with it. */
    static final class JobLostException extends RuntimeException {
        JobLostException(String jobId) {
            super("re-enrichment job " + jobId + " is no longer this replica's");
        }
    }

    enum Outcome { CHANGED, UNCHANGED, FAILED }

    private static final String MINE = " WHERE id = ?1 AND owner = ?2 AND state = 'RUNNING'";

    private final EntityManager em;

    public ReenrichJobService(EntityManager em) {
        this.em = em;
    }

    /**
     * A new RUNNING job owned by {@code owner}, or empty while a job runs, on any replica: the partial
     * unique index on RUNNING rows lets only one exist.
     */
    @Transactional
    public Optional<ReenrichJob> create(ReenrichScope scope, Versions versions, String owner) {
        String id = UUID.randomUUID().toString();
        int inserted = withVersions(em.createNativeQuery("INSERT INTO reenrich_job (id, scope, state, owner, heartbeat_at, ner_model,"
                + " alias_version, taxonomy_version, fingerprint_version) VALUES (?1, ?2, 'RUNNING', ?3, now(), ?4, ?5, ?6, ?7)"
                + " ON CONFLICT DO NOTHING"), 4, versions)
                .setParameter(1, id)
                .setParameter(2, scope.name())
                .setParameter(3, owner)
                .executeUpdate();
        return inserted == 0 ? Optional.empty() : Optional.of(em.find(ReenrichJob.class, id));
    }

    /**
     * Takes over a RUNNING job with the same versions whose replica stopped: released at shutdown, silent
     * for longer than {@code lease}, or a predecessor under the same instance id. {@code SKIP LOCKED}: of
     * replicas claiming at once, one gets it and the others go on without waiting.
     */
    @Transactional
    public Optional<ReenrichJob> claim(Versions versions, String owner, Duration lease) {
        List<?> ids = withVersions(em.createNativeQuery("UPDATE reenrich_job SET owner = ?1, heartbeat_at = now(), resumed = resumed + 1"
                + " WHERE id = (SELECT id FROM reenrich_job WHERE state = 'RUNNING'"
                + " AND (owner IS NULL OR owner = ?1 OR heartbeat_at < now() - make_interval(secs => ?2))"
                + " AND (ner_model, alias_version, taxonomy_version, fingerprint_version) = (?3, ?4, ?5, ?6)"
                + " FOR UPDATE SKIP LOCKED) RETURNING id"), 3, versions)
                .setParameter(1, owner)
                .setParameter(2, lease.toMillis() / 1000.0)
                .getResultList();
        return ids.stream().findFirst().map(id -> em.find(ReenrichJob.class, id));
    }

    /**
     * A stopped job with other versions than {@code versions} (the replicas were upgraded meanwhile)
     * cannot be finished as it was started: it fails, and frees the way for a new job.
     */
    @Transactional
    public int failAbandoned(Versions versions, Duration lease) {
        return withVersions(em.createNativeQuery("UPDATE reenrich_job SET state = 'FAILED', finished_at = now(), error = 'interrupted, and"
                + " the replicas now run other model, alias, taxonomy or fingerprint versions: start a new job'"
                + " WHERE state = 'RUNNING' AND (owner IS NULL OR heartbeat_at < now() - make_interval(secs => ?1))"
                + " AND (ner_model, alias_version, taxonomy_version, fingerprint_version) <> (?2, ?3, ?4, ?5)"), 2, versions)
                .setParameter(1, lease.toMillis() / 1000.0)
                .executeUpdate();
    }

    /** @return false once the job is no longer {@code owner}'s */
    @Transactional
    public boolean heartbeat(String id, String owner) {
        return mine("UPDATE reenrich_job SET heartbeat_at = now()" + MINE, id, owner).executeUpdate() == 1;
    }

    @Transactional
    public boolean counted(String id, String owner, long total) {
        return mine("UPDATE reenrich_job SET total = ?3" + MINE, id, owner).setParameter(3, total).executeUpdate() == 1;
    }

    /**
     * Records one visited article; inside the article's own transaction when it changed it, so that
     * a job resumed after a crash neither skips nor counts twice an article.
     *
     * @throws JobLostException when the job is no longer {@code owner}'s
     */
    @Transactional
    public void advance(String id, String owner, long seq, Outcome outcome) {
        int updated = mine("UPDATE reenrich_job SET after_seq = ?3, changed = changed + ?4, unchanged = unchanged + ?5,"
                + " failed = failed + ?6, heartbeat_at = now()" + MINE, id, owner)
                .setParameter(3, seq)
                .setParameter(4, outcome == Outcome.CHANGED ? 1 : 0)
                .setParameter(5, outcome == Outcome.UNCHANGED ? 1 : 0)
                .setParameter(6, outcome == Outcome.FAILED ? 1 : 0)
                .executeUpdate();
        if (updated == 0) {
            throw new JobLostException(id);
        }
    }

    @Transactional
    public boolean finish(String id, String owner, ReenrichJob.State state, String error) {
        return mine("UPDATE reenrich_job SET state = ?3, error = ?4, finished_at = now()" + MINE, id, owner)
                .setParameter(3, state.name())
                .setParameter(4, error)
                .executeUpdate() == 1;
    }

    /** At shutdown: the job stays RUNNING without an owner, and the next idle replica resumes it at once. */
    @Transactional
    public boolean release(String id, String owner) {
        return mine("UPDATE reenrich_job SET owner = NULL" + MINE, id, owner).executeUpdate() == 1;
    }

    @Transactional
    public Optional<ReenrichJob> find(String id) {
        return Optional.ofNullable(em.find(ReenrichJob.class, id));
    }

    @Transactional
    public Optional<ReenrichJob> running() {
        return em.createQuery("FROM ReenrichJob WHERE state = ?1", ReenrichJob.class)
                .setParameter(1, ReenrichJob.State.RUNNING)
                .getResultStream().findFirst();
    }

    /** The last {@code limit} jobs of every replica, newest first. */
    @Transactional
    public List<ReenrichJob> recent(int limit) {
        return em.createQuery("FROM ReenrichJob ORDER BY startedAt DESC, id", ReenrichJob.class).setMaxResults(limit).getResultList();
    }

    private Query mine(String sql, String id, String owner) {
        return em.createNativeQuery(sql).setParameter(1, id).setParameter(2, owner);
    }

    /** Binds the versions to the four parameters from {@code first} on. */
    private static Query withVersions(Query query, int first, Versions versions) {
        return query.setParameter(first, versions.nerModel())
                .setParameter(first + 1, versions.aliasVersion())
                .setParameter(first + 2, versions.taxonomyVersion())
                .setParameter(first + 3, (short) versions.fingerprintVersion());
    }
}
