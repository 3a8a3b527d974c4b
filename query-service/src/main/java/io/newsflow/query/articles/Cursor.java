package io.newsflow.query.articles;

import io.newsflow.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the newest-first list: the store sequence of the last article a page returned.
 * Encoded so clients treat it as opaque and the encoding can change without breaking them.
 */
public record Cursor(long seq) {

    private static final String PREFIX = "s";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back as {@code cursor}; null when absent. */
    public static Cursor parse(String value) {
        return parse("cursor", value);
    }

    /** @param parameter the query parameter it came in, named in the 400 when it is not one of ours */
    public static Cursor parse(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                long seq = Long.parseLong(decoded.substring(PREFIX.length()));
                if (seq > 0) {
                    return new Cursor(seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // not Base64 or not a number: reported below like any other foreign value
        }
        throw ProblemException.badParameter(parameter, "is not a cursor this API returned; pass nextCursor or latestCursor unchanged.");
    }
}
