package io.newsflow.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared gold sets in {@code ../shared/eval-data/} next to the repository: read for measuring,
 * never copied into the repository. Absent on most developer machines, in which case the tests and
 * harnesses that read them skip (a JUnit assumption on {@link #dir}'s answer).
 */
public final class EvalData {

    private EvalData() {
    }

    /** @param relative e.g. {@code langid} */
    public static Optional<Path> dir(String relative) {
        Path dir = repoRoot().resolve("..").resolve("shared").resolve("eval-data").resolve(relative).normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The quality profile passes the root; otherwise the first parent of the working directory holding mvnw. */
    static Path repoRoot() {
        String configured = System.getProperty("newsflow.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
