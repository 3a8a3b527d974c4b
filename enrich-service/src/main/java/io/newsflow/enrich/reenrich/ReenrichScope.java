package io.newsflow.enrich.reenrich;

import java.util.Locale;
import java.util.Optional;

/** Which stored articles a re-enrichment job visits. */
public enum ReenrichScope {
    /** Enriched by other model, alias or taxonomy versions, or stored before clean bodies, fingerprints or enrichment existed. */
    STALE,
    /** Every article, e.g. after a change of language settings or of the normalizer, which no version records. */
    ALL;

    public static Optional<ReenrichScope> parse(String value) {
        for (ReenrichScope scope : values()) {
            if (scope.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
