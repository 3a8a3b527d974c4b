package io.newsflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The article id: a hash of the normalized title and body. Ingest and enrich derive it the same way,
 * so the same article dropped twice, under any name or through any channel, has one id.
 */
public final class ContentId {

    /** 128 bits: collision-free for any corpus a newsroom can hold, and short enough for URLs. */
    private static final int ID_BYTES = 16;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ContentId() {
    }

    /**
     * NFKC, case-folded, whitespace runs collapsed: differences a reader would not call a different
     * article (full-width digits, a CRLF, a double space) do not change the id.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    public static String of(String title, String body) {
        String content = normalize(title) + "\n" + normalize(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
