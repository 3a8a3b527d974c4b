package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextArticleParserTest {

    private final TextArticleParser parser = new TextArticleParser(new PublishedDates(ZoneOffset.UTC));

    @Test
    void sample000HasSourceAndAuthorHeaders() throws Exception {
        ParsedArticle article = parser.parse(sample("000_c57e4281e488cd20.txt"));
        assertEquals("Hong Kong Ming Pao", article.source());
        assertEquals("Wang Jiahao", article.author());
        assertNull(article.publishedAt());
        assertTrue(article.body().startsWith("The \"Puchang\" was held on Wednesday"), article.body().substring(0, 40));
    }

    @Test
    void sample002HasAHeadlineAboveAReleaseTimeWithoutASpace() throws Exception {
        ParsedArticle article = parser.parse(sample("002_158020bef77a7aad.txt"));
        assertEquals("Three highlights of Putin's visit to North Korea", article.title());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), article.publishedAt());
        assertTrue(article.body().startsWith("It was undoubtedly a whirlwind visit"));
        assertNull(article.source());
    }

    @Test
    void sample001WithoutHeadersIsAllBody() throws Exception {
        String text = sample("001_ac06186fe94f9196.txt");
        ParsedArticle article = parser.parse(text);
        assertNull(article.title());
        assertNull(article.source());
        assertEquals(text.strip(), article.body());
    }

    @Test
    void sample003HeadersAreSeparatedByBlankLines() throws Exception {
        ParsedArticle article = parser.parse(sample("003_87827dec1b683a00.txt"));
        assertEquals("Hong Kong 01", article.source());
        assertEquals("Zheng Zhen", article.author());
    }

    @Test
    void everyHeaderSpellingIsRead() throws Exception {
        ParsedArticle article = parser.parse("""
                Title: Summit in Vladivostok
                source : Example Wire
                By: A. Writer
                Published: 2024-06-20T07:19:00+02:00
                URL: https://example.org/a
                Language: en

                First paragraph.

                Source: this line is body text, not a header.
                """);
        assertEquals("Summit in Vladivostok", article.title());
        assertEquals("Example Wire", article.source());
        assertEquals("A. Writer", article.author());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), article.publishedAt());
        assertEquals("https://example.org/a", article.url());
        assertEquals("en", article.language());
        assertEquals("First paragraph.\n\nSource: this line is body text, not a header.", article.body());
    }

    @Test
    void fullWidthColonOfChineseExportsIsAHeaderSeparator() throws Exception {
        ParsedArticle article = parser.parse("Source：Xinhua\n\n正文。");
        assertEquals("Xinhua", article.source());
        assertEquals("正文。", article.body());
    }

    @Test
    void unparseableDateIsDroppedNotFatal() throws Exception {
        ParsedArticle article = parser.parse("Release time: sometime last week\n\nBody.");
        assertNull(article.publishedAt());
        assertEquals("Body.", article.body());
    }

    @Test
    void headersWithoutBodyAreRejected() {
        ParseException e = assertThrows(ParseException.class, () -> parser.parse("Source: X\nAuthor: Y\n\n   \n"));
        assertEquals("no-article", e.reason());
    }

    static String sample(String name) throws IOException {
        try (InputStream in = TextArticleParserTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
