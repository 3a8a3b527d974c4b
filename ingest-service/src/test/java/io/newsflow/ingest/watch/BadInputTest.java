package io.newsflow.ingest.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.support.RunningIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever lands in the inbox, nothing is lost, nothing crashes, and the others keep flowing. */
@QuarkusTest
class BadInputTest extends RunningIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void eachBadFileGoesToFailedWithItsReasonAndAGoodOneStillPasses() throws Exception {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        byte[] undecodable = {'N', 'e', 'w', 's', ' ', (byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D, ' ', 'x'};
        byte[] oneLongLine = new byte[10 * 1024 * 1024];
        Arrays.fill(oneLongLine, (byte) 'a');

        inbox.drop("bad/empty.txt", new byte[0]);
        inbox.drop("bad/binary.txt", binary);
        inbox.drop("bad/undecodable.txt", undecodable);
        inbox.drop("bad/one-long-line.txt", oneLongLine);
        writeLarge(inbox.path("bad/oversize.txt"), 25L * 1024 * 1024);
        inbox.drop("bad/feed.xml", "<project><modelVersion>4</modelVersion></project>");
        inbox.drop("good.txt", "Source: Wire\n\nThe one good file among the bad ones.");

        assertEquals("The one good file among the bad ones.", topic.awaitEvents(1).get(0).body());
        assertFailed("bad/empty.txt", "empty", 0);
        assertFailed("bad/binary.txt", "binary", binary.length);
        assertFailed("bad/undecodable.txt", "undecodable", undecodable.length);
        assertFailed("bad/one-long-line.txt", "article-too-large", oneLongLine.length);
        assertFailed("bad/oversize.txt", "oversize", 25L * 1024 * 1024);
        assertFailed("bad/feed.xml", "unsupported-type", -1);
        assertTrue(topic.drain(Duration.ofSeconds(1)).isEmpty(), "no bad file published anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with spaces.txt", "ünïcødé/新闻 статья.txt", "new\nline.txt"})
    void oddNamesAreIngestedUnderTheirOwnName(String name) throws Exception {
        inbox.drop(name, "Body of a file with an odd name.");
        ArticleRawV1 event = topic.awaitEvents(1).get(0);
        assertEquals(name, event.provenance().fileName());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed(name)));
    }

    @Test
    void aFileWrittenSlowlyIsTakenOnlyWhenComplete() throws Exception {
        Path file = inbox.path("slow/writer.txt");
        Files.createDirectories(file.getParent());
        // Another process, as a downloader or a copy over the network would be.
        Process writer = new ProcessBuilder("bash", "-c",
                "for i in $(seq 1 12); do printf 'Paragraph %s of a slowly written article.\\n\\n' $i >> \"$0\"; sleep 0.2; done", file.toString())
                .start();
        assertTrue(writer.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        ArticleRawV1 event = topic.awaitEvents(1).get(0);
        assertTrue(event.body().startsWith("Paragraph 1 of"), event.body());
        assertTrue(event.body().endsWith("Paragraph 12 of a slowly written article."), event.body());
        assertTrue(topic.drain(Duration.ofSeconds(1)).isEmpty(), "published once, not once per partial look");
    }

    @Test
    void symbolicLinksAndFifosAreNeverOpened() throws Exception {
        Path outside = Files.createTempFile("outside-the-inbox", ".txt");
        Files.writeString(outside, "Secret text that lives outside the inbox.");
        Files.createDirectories(inbox.path("links"));
        Files.createSymbolicLink(inbox.path("links/escape.txt"), outside);
        Files.createSymbolicLink(inbox.path("links/folder"), outside.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.path("links/pipe.txt").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        inbox.drop("after-links.txt", "A normal file dropped after the links.");
        List<ArticleRawV1> events = topic.awaitEvents(1);
        assertEquals("A normal file dropped after the links.", events.get(0).body());
        assertTrue(topic.drain(Duration.ofSeconds(2)).isEmpty(), "nothing published through a link or a pipe");
        assertTrue(Files.isSymbolicLink(inbox.path("links/escape.txt")));
        assertTrue(Files.exists(inbox.path("links/pipe.txt")));
        assertEquals("Secret text that lives outside the inbox.", Files.readString(outside));
    }

    private void assertFailed(String name, String reason, long size) throws IOException {
        Path moved = inbox.failed(name);
        Path error = moved.resolveSibling(moved.getFileName() + ".error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error));
        JsonNode json = JSON.readTree(error.toFile());
        assertEquals(reason, json.get("reason").asText(), json.toString());
        assertFalse(json.get("message").asText().isBlank());
        assertTrue(json.hasNonNull("stage") && json.hasNonNull("time") && json.hasNonNull("detectedType"));
        if (size >= 0) {
            assertEquals(size, json.get("size").asLong());
            assertEquals(size, Files.size(moved), "the file itself is kept, whole");
        }
        assertFalse(Files.exists(inbox.path(name)));
    }

    private static void writeLarge(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        byte[] line = "A line of an enormous text file that no article should ever be.\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (long written = 0; written < bytes; written += line.length) {
                out.write(line, 0, (int) Math.min(line.length, bytes - written));
            }
        }
        Files.move(partial, file);
    }
}
