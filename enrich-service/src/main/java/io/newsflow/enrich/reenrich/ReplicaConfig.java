package io.newsflow.enrich.reenrich;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code NEWSFLOW_INSTANCE_ID}: names this replica in the jobs it runs. */
@ConfigMapping(prefix = "newsflow")
public interface ReplicaConfig {

    /**
     * Unique per replica. Unset, each start gets a new one ({@code $HOSTNAME-<random>}); set to a
     * stable name (a StatefulSet's pod name), a restarted replica takes its unfinished job back at
     * once instead of after the lease timeout.
     */
    Optional<String> instanceId();
}
