package io.newsflow.enrich.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites one "## …" section of a Markdown file under docs/, leaving the other sections (other harnesses') alone. */
final class DocsSection {

    private DocsSection() {
    }

    static void replace(String fileName, String title, String body) throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path file = (Files.exists(here.resolve("mvnw")) ? here : here.getParent()).resolve("docs").resolve(fileName);
        String heading = "## " + title;
        String section = heading + "\n\n" + body.strip() + "\n";
        String existing = Files.exists(file) ? Files.readString(file) : "";
        int from = existing.indexOf(heading + "\n");
        String updated;
        if (from < 0) {
            updated = existing.isBlank() ? section : existing.stripTrailing() + "\n\n" + section;
        } else {
            int to = existing.indexOf("\n## ", from + heading.length());
            updated = existing.substring(0, from) + section + (to < 0 ? "" : "\n" + existing.substring(to + 1));
        }
        Files.writeString(file, updated);
    }
}
