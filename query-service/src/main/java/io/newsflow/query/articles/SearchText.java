package io.newsflow.query.articles;

/**
 * A search as the index reads text: runs of Chinese, Japanese or Korean characters become phrases of
 * their overlapping bigrams ({@code 普京总统} → {@code "普京 京总 总统"}), as the V10 migration
 * indexes them, so a word is found inside a sentence written without spaces. Everything else is
 * left to {@code websearch_to_tsquery}: quotes, {@code OR}, {@code -exclusion}.
 */
final class SearchText {

    private SearchText() {
    }

    static String indexed(String query) {
        StringBuilder out = new StringBuilder(query.length() * 3);
        boolean quoted = false;
        int i = 0;
        while (i < query.length()) {
            int c = query.codePointAt(i);
            if (!isCjk(c)) {
                if (c == '"') {
                    quoted = !quoted;
                }
                out.appendCodePoint(c);
                i += Character.charCount(c);
                continue;
            }
            int end = i;
            while (end < query.length() && isCjk(query.codePointAt(end))) {
                end += Character.charCount(query.codePointAt(end));
            }
            String run = query.substring(i, end);
            String bigrams = bigrams(run);
            // Inside the user's quotes the bigrams join their phrase; alone they need quotes of their own.
            out.append(quoted || run.codePointCount(0, run.length()) == 1 ? bigrams : " \"" + bigrams + "\" ");
            i = end;
        }
        return out.toString().strip();
    }

    private static String bigrams(String run) {
        int[] chars = run.codePoints().toArray();
        if (chars.length == 1) {
            return run;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < chars.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.appendCodePoint(chars[i]).appendCodePoint(chars[i + 1]);
        }
        return out.toString();
    }

    /** The same ranges as the migration's bigram function: kana, CJK ideographs (with extension A and compatibility), Hangul. */
    private static boolean isCjk(int c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
    }
}
