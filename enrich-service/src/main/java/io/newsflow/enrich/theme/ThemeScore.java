package io.newsflow.enrich.theme;

import java.util.List;

/**
 * A theme of one text.
 *
 * @param score   theme weight × the sum of its phrases' weights found in the text (× the lead weight for those in the lead)
 * @param offsets {@code [start, end)} of each counted phrase, in text order
 */
public record ThemeScore(String code, double score, List<int[]> offsets) {
}
