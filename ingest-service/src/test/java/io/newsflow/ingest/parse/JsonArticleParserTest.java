package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonArticleParserTest {

    @Test
    void oneObjectWithTheContractFields() throws ParseException {
        List<ParsedArticle> articles = Parsers.files().parse("a.json", """
                {"title":"T","body":"Body text.","source":"Wire","author":"A","publishedAt":"2024-06-20T05:19:00Z",
                 "url":"https://x/a","language":"en","unknownField":[1,2]}""".getBytes(StandardCharsets.UTF_8));
        ParsedArticle a = articles.get(0);
        assertEquals("T", a.title());
        assertEquals("Body text.", a.body());
        assertEquals("Wire", a.source());
        assertEquals("A", a.author());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), a.publishedAt());
        assertEquals("https://x/a", a.url());
        assertEquals("en", a.language());
    }

    @Test
    void anArrayAndCommonSpellingsOfOtherTools() throws ParseException {
        List<ParsedArticle> articles = Parsers.files().parse("a.json", """
                [{"headline":"H1","text":"One.","author":{"name":"Ann"},"date":"Jun 20, 2024 05:19 AM"},
                 {"title":"H2","content":"Two.","publisher":{"name":"Wire"}}]""".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, articles.size());
        assertEquals("H1", articles.get(0).title());
        assertEquals("Ann", articles.get(0).author());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), articles.get(0).publishedAt());
        assertEquals("Wire", articles.get(1).source());
        assertNull(articles.get(1).publishedAt());
    }

    @Test
    void ndjsonReadsOneArticlePerLineAndSkipsBlankLines() throws ParseException {
        List<ParsedArticle> articles = Parsers.files().parse("a.ndjson",
                "{\"body\":\"One.\"}\n\n{\"body\":\"Two.\"}\r\n{\"body\":\"Three.\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("One.", "Two.", "Three."), articles.stream().map(ParsedArticle::body).toList());
    }

    @Test
    void oneBadRecordFailsTheFileAndSaysWhich() {
        ParseException noBody = assertThrows(ParseException.class, () -> Parsers.files().parse("a.json",
                "[{\"body\":\"ok\"},{\"title\":\"no body\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid-article", noBody.reason());
        assertTrue(noBody.getMessage().contains("element 1"), noBody.getMessage());

        ParseException badLine = assertThrows(ParseException.class, () -> Parsers.files().parse("a.jsonl",
                "{\"body\":\"ok\"}\n{broken\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid-json", badLine.reason());
        assertTrue(badLine.getMessage().startsWith("line 2"), badLine.getMessage());

        assertEquals("invalid-article", assertThrows(ParseException.class,
                () -> Parsers.files().parse("a.json", "[1,2]".getBytes(StandardCharsets.UTF_8))).reason());
        assertEquals("no-article", assertThrows(ParseException.class,
                () -> Parsers.files().parse("a.json", "[]".getBytes(StandardCharsets.UTF_8))).reason());
    }
}
