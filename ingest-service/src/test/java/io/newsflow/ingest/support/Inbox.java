package io.newsflow.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The test data root of the running service and ways to put files into it. */
public final class Inbox {

    private final Path data;

    public Inbox() {
        this.data = Path.of(System.getProperty(FreshDataDirResource.PROPERTY));
    }

    public Path data() {
        return data;
    }

    public Path path(String name) {
        return data.resolve("inbox").resolve(name);
    }

    public Path processed(String name) {
        return data.resolve("processed").resolve(LocalDate.now(ZoneOffset.UTC).toString()).resolve(name);
    }

    public Path failed(String name) {
        return data.resolve("failed").resolve(name);
    }

    /** Written beside and renamed in, as careful producers do. */
    public Path drop(String name, byte[] content) throws IOException {
        Path file = path(name);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.write(partial, content);
        return Files.move(partial, file);
    }

    public Path drop(String name, String content) throws IOException {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static String sample(String name) throws IOException {
        try (InputStream in = Inbox.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
