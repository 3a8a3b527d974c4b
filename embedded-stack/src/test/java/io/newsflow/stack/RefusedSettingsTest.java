package io.newsflow.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusedSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theRefusedSettingsOfThisStartAreReadBackFromTheLog() throws Exception {
        Path log = dir.resolve("ingest-service.log");
        Files.writeString(log, """
                Configuration validation failed:
                \tNEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256
                """);
        long mark = RefusedSettings.mark(log);
        Files.writeString(log, """
                Dec 05, 2026 9:00:19 AM org.hibernate.orm.core
                INFO: HHH000001: Hibernate ORM core version 7.2.9.Final
                Configuration validation failed:
                \tNEWSFLOW_INBOX_MAX_IN_FLIGHT=0 is not allowed: must be between 1 and 1000000
                \tNEWSFLOW_INBOX_WORKERS=1000 is not allowed: must be between 1 and 256
                """, StandardOpenOption.APPEND);

        assertEquals(List.of("NEWSFLOW_INBOX_MAX_IN_FLIGHT=0 is not allowed: must be between 1 and 1000000",
                "NEWSFLOW_INBOX_WORKERS=1000 is not allowed: must be between 1 and 256"), RefusedSettings.since(log, mark));
    }

    @Test
    void aStartThatFailedForAnotherReasonSaysNothingHere() throws Exception {
        Path log = dir.resolve("enrich-service.log");
        long mark = RefusedSettings.mark(log);
        Files.writeString(log, "ERROR [io.qu.ru.Application] Failed to start application: java.lang.RuntimeException: boom\n\tat x.y(Z.java:1)\n");

        assertEquals(List.of(), RefusedSettings.since(log, mark));
        assertEquals(List.of(), RefusedSettings.since(dir.resolve("missing.log"), 0));
    }

    @Test
    void aValueOfTheWrongTypeIsShownAsTheOtherRefusalsAre() throws Exception {
        Path log = dir.resolve("ingest-service.log");
        Files.writeString(log, "Configuration validation failed:\n"
                + "\tjava.lang.IllegalArgumentException: SRCFG00039: The config property newsflow.inbox.marker-mode with the config value"
                + " \"ture\" threw an Exception whilst being converted must be true or false\n"
                + "\tjava.lang.IllegalArgumentException: SRCFG00039: The config property quarkus.http.port with the config value"
                + " \"80a\" threw an Exception whilst being converted SRCFG00029: Expected an integer value, got \"80a\"\n"
                + "\tNEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256\n");

        assertEquals(List.of("NEWSFLOW_INBOX_MARKER_MODE=ture is not allowed: must be true or false",
                "QUARKUS_HTTP_PORT=80a is not allowed: Expected an integer value, got \"80a\"",
                "NEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256"), RefusedSettings.since(log, 0));
    }
}
