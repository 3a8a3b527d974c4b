package io.newsflow.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The five sample articles of ../shared/samples (kept once, as resources of the news-corpus module), as article bodies. */
public final class Samples {

    public static final List<String> NAMES = List.of("000_c57e4281e488cd20.txt", "001_ac06186fe94f9196.txt", "002_158020bef77a7aad.txt",
            "003_87827dec1b683a00.txt", "004_2cb154c89b1adac4.txt");

    /** The header lines ingest parses ({@code Source:}, {@code Release time:}, …) and the headline above them. */
    private static final Pattern HEADER = Pattern.compile("^(?:Source|Author|Release time|Title)\\s*:.*");

    private Samples() {
    }

    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the sample whose name starts with {@code prefix} ({@code "000"} … {@code "004"}). */
    public static String bodyOf(String prefix) {
        return body(NAMES.stream().filter(n -> n.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + prefix)));
    }

    /** The text after its header lines: what ingest sends as the body. */
    public static String body(String name) {
        String[] lines = text(name).split("\n", -1);
        int headerEnd = 0;
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            if (HEADER.matcher(lines[i].strip()).matches()) {
                headerEnd = i + 1;
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = headerEnd; i < lines.length; i++) {
            body.append(lines[i]).append('\n');
        }
        return body.toString().strip();
    }
}
