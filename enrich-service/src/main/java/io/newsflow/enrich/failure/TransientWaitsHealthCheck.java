package io.newsflow.enrich.failure;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Comparator;

/**
 * Not ready while a worker waits out a transient failure, with what it waits for, since when and the
 * last failure: the first thing an operator looks at when articles stop arriving. Liveness stays up:
 * a restart would not bring the database back.
 */
@Readiness
@ApplicationScoped
public class TransientWaitsHealthCheck implements HealthCheck {

    private final TransientWaits waits;

    public TransientWaitsHealthCheck(TransientWaits waits) {
        this.waits = waits;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("enrichment");
        return waits.waiting().stream().min(Comparator.comparing(TransientWaits.Waiting::since))
                .map(longest -> response.down()
                        .withData("waitingFor", longest.waitingFor())
                        .withData("since", longest.since().toString())
                        .withData("attempts", longest.attempts())
                        .withData("lastFailure", longest.lastFailure())
                        .withData("workersWaiting", waits.waiting().size())
                        .build())
                .orElseGet(() -> response.up().build());
    }
}
