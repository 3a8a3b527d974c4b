package io.newsflow.ingest.retention;

import io.newsflow.ingest.support.FreshDataDirResource;
import io.newsflow.ingest.support.WithAdminKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NEWSFLOW_INBOX_PROCESSED_RETENTION_DAYS=3 on the running service: day folders past it go, counted in the metric. */
@QuarkusTest
@TestProfile(WithAdminKey.class)
class ProcessedRetentionServiceTest {

    private static final Pattern DELETED = Pattern.compile("(?m)^newsflow_processed_files_deleted_total(?:\\{[^}]*})? ([0-9.E]+)$");

    @Inject
    ProcessedRetentionService retention;

    @Test
    void deletesOnlyWhatWasProcessedMoreThanTheRetentionAgoAndCountsIt() throws Exception {
        Path processed = Path.of(System.getProperty(FreshDataDirResource.PROPERTY)).resolve("processed");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int days = WithAdminKey.RETENTION_DAYS;
        Path old = write(processed, today.minusDays(days + 7), "old.txt");
        Path oldInSubfolder = write(processed, today.minusDays(days + 7), "feeds/wire/old.json");
        Path justPast = write(processed, today.minusDays(days + 1), "just-past.txt");
        Path lastKeptDay = write(processed, today.minusDays(days), "last-kept-day.txt");
        Path yesterday = write(processed, today.minusDays(1), "yesterday.txt");
        Path notADayFolder = processed.resolve("by-hand").resolve("kept.txt");
        Files.createDirectories(notADayFolder.getParent());
        Files.writeString(notADayFolder, "x");
        // A file processed today keeps the modification time its producer gave it: that never makes it old.
        Path oldTimestampToday = write(processed, today, "archive-copy.txt");
        Files.setLastModifiedTime(oldTimestampToday, FileTime.from(Instant.now().minus(Duration.ofDays(400))));
        Files.setLastModifiedTime(lastKeptDay, FileTime.from(Instant.now().minus(Duration.ofDays(400))));
        double before = deletedMetric();

        assertEquals(3, retention.sweep());

        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldInSubfolder));
        assertFalse(Files.exists(justPast));
        assertFalse(Files.exists(processed.resolve(today.minusDays(days + 7).toString())), "the emptied day folder went too");
        assertTrue(Files.exists(lastKeptDay));
        assertTrue(Files.exists(yesterday));
        assertTrue(Files.exists(notADayFolder));
        assertTrue(Files.exists(oldTimestampToday));
        assertEquals(before + 3, deletedMetric());

        assertEquals(0, retention.sweep(), "a second sweep finds nothing more");
        assertEquals(before + 3, deletedMetric());
    }

    private static Path write(Path processed, LocalDate day, String name) throws Exception {
        Path file = processed.resolve(day.toString()).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Processed article " + name);
        return file;
    }

    private static double deletedMetric() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = DELETED.matcher(metrics);
        assertTrue(m.find(), "newsflow_processed_files_deleted_total is exposed");
        return Double.parseDouble(m.group(1));
    }
}
