package io.newsflow.enrich.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a cleaned text into its set of shingle hashes: runs of {@code words} consecutive words, or,
 * when most letters belong to a script written without spaces (Han, kana, Thai, …), runs of
 * {@code chars} consecutive characters, with the words of any other script in it as single tokens.
 * Case and punctuation are ignored, so re-punctuated or re-cased copies shingle alike.
 */
public final class Shingler {

    private static final Hasher64 HASHER = Hashing.komihash5_0();
    /** Share of letters from unspaced scripts above which a text is shingled by characters. */
    private static final double UNSPACED_SHARE = 0.3;

    private final int words;
    private final int chars;

    public Shingler(int words, int chars) {
        if (words < 1 || chars < 1) {
            throw new IllegalArgumentException("NEWSFLOW_DEDUP_SHINGLE_WORDS and NEWSFLOW_DEDUP_SHINGLE_CHARS must be at least 1");
        }
        this.words = words;
        this.chars = chars;
    }

    /** @return the distinct shingle hashes, sorted */
    public long[] shingles(String text) {
        List<String> tokens = new ArrayList<>();
        int unspaced = 0;
        int letters = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isUnspaced(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
                unspaced++;
                letters++;
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
                letters++;
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        int n = letters > 0 && unspaced >= UNSPACED_SHARE * letters ? chars : words;
        return hashRuns(tokens, n);
    }

    private static long[] hashRuns(List<String> tokens, int n) {
        long[] tokenHashes = new long[tokens.size()];
        for (int t = 0; t < tokenHashes.length; t++) {
            tokenHashes[t] = HASHER.hashCharsToLong(tokens.get(t));
        }
        int count = Math.max(tokenHashes.length - n + 1, tokenHashes.length == 0 ? 0 : 1);
        long[] shingles = new long[count];
        for (int s = 0; s < count; s++) {
            shingles[s] = HASHER.hashStream().putLongs(tokenHashes, s, Math.min(n, tokenHashes.length - s)).getAsLong();
        }
        return Arrays.stream(shingles).sorted().distinct().toArray();
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    private static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    /** Shared shingles over the shingles of the smaller set: 1.0 for a copy, a truncated copy or one with text added. */
    public static double overlap(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / Math.min(a.length, b.length);
    }
}
