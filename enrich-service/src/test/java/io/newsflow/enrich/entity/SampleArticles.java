package io.newsflow.enrich.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shared sample articles (../shared/samples from the repository root), read as the enrich text. */
public final class SampleArticles {

    private SampleArticles() {
    }

    public static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolveSibling("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("../shared/samples not found above " + Path.of("").toAbsolutePath());
    }

    /** The body of sample {@code NNN_…}: its text without the header lines. */
    public static String body(String prefix) {
        try (Stream<Path> files = Files.list(dir())) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            StringBuilder body = new StringBuilder();
            boolean inHeader = true;
            for (String line : Files.readAllLines(file)) {
                if (inHeader && (line.isBlank() || line.matches("^(Source|Author|Release time|URL|Title)\\s*[:：].*"))) {
                    continue;
                }
                inHeader = false;
                body.append(line).append('\n');
            }
            return body.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
