package io.newsflow.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void theMajorReadFromTheBuildIsTheOneInitdbWrites(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (PostgresServer ignored = PostgresServer.start(data, Ports.free(), DatabaseAccess.local(), false)) {
            assertEquals(PostgresServer.binariesMajor(), Files.readString(data.resolve("PG_VERSION")).strip());
        }
    }

    @Test
    void aDataFolderOfAnotherMajorStopsTheStartWithTheUpgradeItNeeds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("PG_VERSION"), "16\n");

        StackException refused = assertThrows(StackException.class, () -> PostgresServer.start(dir, Ports.free(), DatabaseAccess.local(), false));

        String message = refused.getMessage();
        assertTrue(message.contains("PostgreSQL 16 database") && message.contains("runs PostgreSQL " + PostgresServer.binariesMajor()), message);
        assertTrue(message.contains("Upgrading the embedded PostgreSQL"), message);
        assertEquals(1, Files.list(dir).count(), "nothing but PG_VERSION was written");
    }

    @Test
    void aFolderNotYetCreatedPasses(@TempDir Path dir) {
        assertDoesNotThrow(() -> PostgresServer.requireSameMajor(dir.resolve("not-yet-created"), "17"));
    }
}
