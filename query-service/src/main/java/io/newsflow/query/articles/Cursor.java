package io.newsflow.query.articles;

import io.newsflow.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in an article list: the store sequence of the last article a page returned and, in a
 * list sorted by relevance, its rank (kept to the bit, so that the next page starts exactly after it).
 * Encoded so clients treat it as opaque and the encoding can change without breaking them.
 *
 * @param rank null in the newest-first list
 */
public record Cursor(long seq, Float rank) {

    private static final String NEWEST = "s";
    private static final String RELEVANCE = "r";

    public Cursor(long seq) {
        this(seq, null);
    }

    public String encode() {
        String position = rank == null ? NEWEST + seq : RELEVANCE + Integer.toHexString(Float.floatToIntBits(rank)) + "." + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
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
            if (decoded.startsWith(NEWEST)) {
                long seq = Long.parseLong(decoded.substring(NEWEST.length()));
                if (seq > 0) {
                    return new Cursor(seq);
                }
            } else if (decoded.startsWith(RELEVANCE) && decoded.indexOf('.') > 0) {
                String[] parts = decoded.substring(RELEVANCE.length()).split("\\.", 2);
                float rank = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16));
                long seq = Long.parseLong(parts[1]);
                if (seq > 0 && Float.isFinite(rank)) {
                    return new Cursor(seq, rank);
                }
            }
        } catch (IllegalArgumentException e) {
            // not Base64 or not a number: reported below like any other foreign value
        }
        throw ProblemException.badParameter(parameter, "is not a cursor this API returned; pass nextCursor or latestCursor unchanged.");
    }
}
