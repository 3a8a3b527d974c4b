package io.newsflow.query.pipeline;

import io.newsflow.settings.Rule;

import java.net.URI;
import java.util.Optional;

/** NEWSFLOW_INGEST_URL: a base URL the HTTP client can call; {@code ingest:8081} parses as a URI but names no host. */
public final class IngestUrl implements Rule<URI> {

    @Override
    public Optional<String> broken(URI url) {
        boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        return http && url.getHost() != null ? Optional.empty()
                : Optional.of("must be an http(s) base URL such as http://ingest:8081");
    }
}
