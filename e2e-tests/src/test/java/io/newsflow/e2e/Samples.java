package io.newsflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The five sample articles (news-corpus' {@code /samples/}), dropped into an inbox the way a user would. */
public final class Samples {

    public static final List<String> NAMES = List.of("000_c57e4281e488cd20.txt", "001_ac06186fe94f9196.txt",
            "002_158020bef77a7aad.txt", "003_87827dec1b683a00.txt", "004_2cb154c89b1adac4.txt");

    private Samples() {
    }

    /**
     * Writes the sample under {@code name} (a path relative to the inbox) as a {@code .part} file, which
     * ingest ignores, then renames it: ingest never sees a half-written file.
     */
    public static void drop(Path inbox, String sample, String name) throws IOException {
        Path target = inbox.resolve(name);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + sample + " in news-corpus");
            }
            Files.copy(in, partial);
        }
        Files.move(partial, target);
    }
}
