package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArticleFileParserTest {

    private final ArticleFileParser parser = new ArticleFileParser(new TextArticleParser(new PublishedDates(ZoneOffset.UTC)));

    @Test
    void textWithAByteOrderMarkParses() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Source: Wire\n\nBody.".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        List<ParsedArticle> articles = parser.parse("a.TXT", content);
        assertEquals("Wire", articles.get(0).source());
    }

    @Test
    void utf16WithByteOrderMarkParses() throws Exception {
        byte[] content = "\uFEFFSource: Wire\n\n本文。".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("本文。", parser.parse("a.md", content).get(0).body());
    }

    @Test
    void badFilesAreRejectedWithAStableReason() {
        assertEquals("empty", reason("a.txt", new byte[0]));
        assertEquals("undecodable", reason("a.txt", new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'}));
        assertEquals("binary", reason("a.txt", new byte[] {'a', 0, 0, 'b'}));
        assertEquals("unsupported-type", reason("a.exe", new byte[] {'M', 'Z'}));
        assertEquals("unsupported-type", reason("README", new byte[] {'x'}));
    }

    private String reason(String name, byte[] content) {
        return assertThrows(ParseException.class, () -> parser.parse(name, content)).reason();
    }
}
