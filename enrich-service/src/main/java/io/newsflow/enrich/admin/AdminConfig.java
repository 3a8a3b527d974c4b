package io.newsflow.enrich.admin;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** NEWSFLOW_ADMIN_API_KEY: when set, every {@code /admin} request must carry it; unset, the admin API is open. */
@ConfigMapping(prefix = "newsflow.admin")
public interface AdminConfig {

    Optional<String> apiKey();
}
