package io.newsflow.corpus;

import java.nio.charset.StandardCharsets;

/**
 * One generated article as ingest reads a plain-text file: the headline, the {@code Source:},
 * {@code Author:} and {@code Release time:} header lines, then paragraphs separated by blank lines.
 *
 * @param language    the language its sentences were taken from (ISO 639-1): what detection should find
 * @param releaseTime as written in the header, e.g. {@code Jun 20, 2024 05:19 AM} (UTC)
 */
public record CorpusArticle(String fileName, String language, String title, String source, String author, String releaseTime,
                            String body) {

    public String text() {
        return header(title, source, author, releaseTime) + body + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    static String header(String title, String source, String author, String releaseTime) {
        return title + "\n\nSource: " + source + "\n\nAuthor: " + author + "\n\nRelease time: " + releaseTime + "\n\n";
    }
}
