package io.newsflow.enrich.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The text enrichment analyses: NFKC (full-width letters and digits, ligatures and compatibility
 * forms become their plain equivalents), invisible format characters removed, spaces collapsed
 * within a line, at most one blank line between paragraphs, and the trailing boilerplate
 * {@link BoilerplateStripper} recognises cut off. Case is kept: language detection and, later,
 * entity recognition read it. The stored original body is never changed.
 */
public final class TextNormalizer {

    /** Zero-width spaces and joiners, soft hyphens, byte-order marks: invisible, yet they split words. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
    private static final Pattern SPACES = Pattern.compile("[\\h\\x0B\\f]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextNormalizer() {
    }

    /** NFKC and whitespace only. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    }

    /** The body as analysed and stored in {@code article.clean_body}: normalized, boilerplate tail removed. */
    public static String clean(String body) {
        return BoilerplateStripper.strip(normalize(body));
    }
}
