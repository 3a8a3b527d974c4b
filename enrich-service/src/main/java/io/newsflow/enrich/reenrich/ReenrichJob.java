package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.store.analysis.ModelVersions;
import io.newsflow.enrich.store.analysis.Versions;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/**
 * One re-enrichment job as every replica sees it ({@code reenrich_job}). Read through Hibernate;
 * every change is a guarded SQL update in {@link ReenrichJobRepository}, so that two replicas never
 * overwrite each other's progress.
 */
@Entity
@Table(name = "reenrich_job")
public class ReenrichJob {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReenrichScope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Embedded
    public ModelVersions models;

    @Column(name = "fingerprint_version", nullable = false)
    public short fingerprintVersion;

    /** Null until the worker counted the articles in scope. */
    public Long total;
    public long changed;
    public long unchanged;
    public long failed;

    @Column(name = "after_seq", nullable = false)
    public long afterSeq;

    public String owner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int resumed;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    ReenrichStatus status() {
        return new ReenrichStatus(id, scope.name().toLowerCase(Locale.ROOT), state.name(),
                new Versions(models.nerModel(), models.aliasVersion(), models.taxonomyVersion(), fingerprintVersion),
                total == null ? 0 : total, changed + unchanged + failed, changed, unchanged, failed, startedAt, finishedAt, error,
                owner, heartbeatAt, resumed);
    }
}
