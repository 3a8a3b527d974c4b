package io.newsflow.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service that stopped at start said about its settings, read back from its log: the operator of
 * {@code ./newsflow run} must see {@code NEWSFLOW_INBOX_WORKERS=0 is not allowed: …} in the terminal, not
 * only the log's path. Quarkus prints the refused settings under this header, one indented line each.
 */
final class RefusedSettings {

    static final String HEADER = "Configuration validation failed:";
    /** SmallRye's line for a value its converter refused; newsflow's converters give the reason in the words of the range checks. */
    private static final Pattern NOT_CONVERTED = Pattern.compile(
            "(?:[\\w.]+Exception: )?SRCFG00039: The config property (\\S+) with the config value \"(.*)\" threw an Exception whilst being converted"
                    + " (?:SRCFG\\d+: )?(.*)");

    private RefusedSettings() {
    }

    /** Where this start's output begins: the log is appended to by every start on the same data. */
    static long mark(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The refused settings' lines written to {@code log} since {@code mark}, empty when the start failed otherwise. */
    static List<String> since(Path log, long mark) {
        String written;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= mark) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length - mark, 1 << 20)];
            file.seek(mark);
            file.readFully(bytes);
            written = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        return Optional.of(written.indexOf(HEADER)).filter(at -> at >= 0)
                .map(at -> written.substring(at + HEADER.length()).lines().skip(1)
                        .takeWhile(line -> line.startsWith("\t")).map(line -> operatorsWords(line.strip())).toList())
                .orElse(List.of());
    }

    /** {@code NEWSFLOW_INBOX_MARKER_MODE=ture is not allowed: must be true or false}, as the other refusals read. */
    static String operatorsWords(String line) {
        Matcher m = NOT_CONVERTED.matcher(line);
        if (!m.matches()) {
            return line;
        }
        String variable = m.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return variable + "=" + m.group(2) + " is not allowed: " + m.group(3);
    }
}
