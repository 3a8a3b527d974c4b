package io.newsflow.enrich.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown report of one quality or benchmark run, written to {@code target/quality/<name>.md} and
 * printed, to be copied into docs/quality.md or docs/benchmarks.md. Each {@code *Quality} class
 * (language, near-duplicates, entities) and each {@code *Benchmark} writes its own.
 */
public final class QualityReport {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    public QualityReport(String name, String title) {
        this(name, title, "./mvnw -B verify -pl enrich-service -am -Pquality");
    }

    /** @param command how to reproduce the run, printed with the date */
    public QualityReport(String name, String title, String command) {
        this.name = name;
        text.append("## ").append(title).append("\n\n")
                .append("Measured ").append(LocalDate.now()).append(" with `").append(command).append("`.\n\n");
    }

    public QualityReport paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    public QualityReport table(List<String> header, List<List<String>> rows) {
        text.append("| ").append(String.join(" | ", header)).append(" |\n");
        text.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        text.append('\n');
        return this;
    }

    public static String percent(long hits, long total) {
        return total == 0 ? "–" : String.format(Locale.ROOT, "%.2f%%", 100.0 * hits / total);
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    public Path write() {
        Path file = Path.of("target", "quality", name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
        return file;
    }
}
