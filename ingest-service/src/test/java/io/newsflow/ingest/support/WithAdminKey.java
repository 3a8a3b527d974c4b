package io.newsflow.ingest.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The admin API behind a key, processed/ kept 3 days, and a small file limit so that {@code oversize} failures are
 * cheap to make: one profile (one service start) for the failed-file and retention tests.
 */
public class WithAdminKey implements QuarkusTestProfile {

    public static final String KEY = "admin-s3cret";
    public static final int RETENTION_DAYS = 3;
    public static final int MAX_FILE_BYTES = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.admin-api-key", KEY,
                "newsflow.inbox.processed-retention-days", Integer.toString(RETENTION_DAYS),
                "newsflow.inbox.max-file-bytes", Integer.toString(MAX_FILE_BYTES));
    }
}
