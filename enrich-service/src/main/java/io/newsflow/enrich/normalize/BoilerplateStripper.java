package io.newsflow.enrich.normalize;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what news sites append after an article and what would otherwise make two copies of one
 * story look different (or two different stories look alike): a block of teasers for other
 * articles, recognisable by headlines printed twice in a row and by {@code topic | tag | tag}
 * lines, and a closing credit line ({@code The author is …}, {@code Editor: …}). Only the tail is
 * touched, and never most of the text: a rule that would leave less than {@link #MIN_KEPT} of it
 * is not applied, so a short article made of such lines survives whole.
 */
public final class BoilerplateStripper {

    /** The share of the text that must remain when a teaser block is cut. */
    static final double MIN_KEPT = 0.3;
    /** Credit lines are short; a longer closing paragraph is article text. */
    private static final int MAX_CREDIT_CHARS = 160;
    private static final int MAX_CREDIT_LINES = 3;
    /** A tag is a few words; the segments after the first must all be this short. */
    private static final int MAX_TAG_CHARS = 40;
    /** Ordinary lines allowed between two teaser lines of one block: a teaser's blurb. */
    private static final int MAX_GAP = 2;

    private static final Pattern TAG_SEPARATOR = Pattern.compile("\\s[|｜]\\s");
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)^(?:(?:the )?(?:author|writer)s? (?:is|are|was) .*"
                    + "|(?:editor|responsible editor|edited by|editing by|reporter|reporting by|translated by|compiled by|photo|source)\\b\\s*[:：by].*"
                    + "|(?:责任编辑|编辑|作者|来源|记者|撰文|翻译)\\s*[:：].*"
                    + "|[(（\\[]?(?:end|完)[)）\\]]?)$");

    private BoilerplateStripper() {
    }

    /** @param normalized text from {@link TextNormalizer#normalize}: {@code \n} line breaks, lines trimmed */
    public static String strip(String normalized) {
        List<String> lines = List.of(normalized.split("\n", -1));
        int end = teaserBlockStart(lines, normalized.length());
        end = creditLinesStart(lines, end);
        return String.join("\n", lines.subList(0, end)).strip();
    }

    /**
     * Walking up from the end: the block of teaser lines, each at most {@link #MAX_GAP} ordinary
     * lines (a teaser's blurb) from the next, counted from the first line that starts a block of at
     * least two of them (or is the last line), if what precedes it is long enough; otherwise the end.
     */
    private static int teaserBlockStart(List<String> lines, int totalChars) {
        int markersAfter = 0;
        int gap = 0;
        int start = lines.size();
        int charsBefore = totalChars;
        for (int i = lines.size() - 1; i >= 0 && gap <= MAX_GAP; i--) {
            charsBefore -= lines.get(i).length() + 1;
            if (isTeaserMarker(lines, i)) {
                markersAfter++;
                gap = 0;
                boolean lastLine = nextNonBlank(lines, i) == lines.size();
                if ((markersAfter >= 2 || lastLine) && charsBefore >= MIN_KEPT * totalChars) {
                    start = i;
                }
            } else if (!lines.get(i).isEmpty()) {
                gap++;
            }
        }
        return start;
    }

    private static int creditLinesStart(List<String> lines, int end) {
        int kept = end;
        int removed = 0;
        while (removed < MAX_CREDIT_LINES) {
            int last = lastNonBlankBefore(lines, kept);
            if (last < 0) {
                break;
            }
            String line = lines.get(last);
            if (line.length() > MAX_CREDIT_CHARS || !CREDIT.matcher(line).matches() || last == firstNonBlank(lines)) {
                break;
            }
            kept = last;
            removed++;
        }
        return kept;
    }

    static boolean isTeaserMarker(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.isEmpty()) {
            return false;
        }
        int next = nextNonBlank(lines, i);
        if (next < lines.size() && lines.get(next).equals(line)) {
            return true;
        }
        return isTagLine(line);
    }

    /** {@code headline | tag | tag}: at least two short tags. A leading pipe is a table row, not tags. */
    static boolean isTagLine(String line) {
        if (line.startsWith("|")) {
            return false;
        }
        String[] parts = TAG_SEPARATOR.split(line);
        if (parts.length < 3) {
            return false;
        }
        for (int p = 1; p < parts.length; p++) {
            if (parts[p].isBlank() || parts[p].length() > MAX_TAG_CHARS) {
                return false;
            }
        }
        return true;
    }

    private static int nextNonBlank(List<String> lines, int i) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).isEmpty()) {
            j++;
        }
        return j;
    }

    private static int lastNonBlankBefore(List<String> lines, int end) {
        int j = end - 1;
        while (j >= 0 && lines.get(j).isEmpty()) {
            j--;
        }
        return j;
    }

    private static int firstNonBlank(List<String> lines) {
        return nextNonBlank(lines, -1);
    }
}
