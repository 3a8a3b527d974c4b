package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleFileParserTest {

    private final ArticleFileParser parser = Parsers.files();

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
        assertEquals("binary", reason("a.txt", new byte[] {'a', 0, 0, 'b'}));
        assertEquals("binary", reason("a.txt", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 'a', 'b'}));
        assertEquals("unsupported-type", reason("a.exe", new byte[] {'M', 'Z'}));
        assertEquals("unsupported-type", reason("README", new byte[] {'x'}));
        assertEquals("unsupported-type", reason("pom.xml", "<project><name>x</name></project>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid-json", reason("a.json", "{\"title\": ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void zipEntriesAreParsedByTheirOwnType() throws Exception {
        byte[] zip = zip(Map.of(
                "a.txt", "Source: Wire\n\nFirst article body.",
                "b.ndjson", "{\"title\":\"T2\",\"body\":\"Second.\"}\n{\"title\":\"T3\",\"body\":\"Third.\"}\n",
                "__MACOSX/._a.txt", "resource fork",
                "sub/.DS_Store", "junk"));
        List<ParsedArticle> articles = parser.parse("bundle.zip", zip);
        assertEquals(3, articles.size());
        assertTrue(articles.stream().anyMatch(a -> "First article body.".equals(a.body())));
        assertTrue(articles.stream().anyMatch(a -> "T3".equals(a.title())));
    }

    @Test
    void aBadEntryFailsTheArchiveNamingTheEntry() throws Exception {
        ParseException e = assertThrows(ParseException.class,
                () -> parser.parse("bundle.zip", zip(Map.of("good.txt", "Body.", "bad.exe", "MZ"))));
        assertEquals("unsupported-type", e.reason());
        assertTrue(e.getMessage().contains("'bad.exe'"), e.getMessage());
    }

    @Test
    void zipBombsTripTheLimitsInsteadOfFillingMemory() throws Exception {
        // 50 MB of zeros compresses to about 50 KB: a ratio near 1000.
        byte[] bomb = zipOf("zeros.txt", new byte[50 * 1024 * 1024]);
        assertTrue(bomb.length < 200_000, "the test archive is small: " + bomb.length);
        assertEquals("zip-limit", reasonOf(parser, "bomb.zip", bomb));

        ArticleFileParser fewEntries = Parsers.files(new ZipEntries.Limits(2, 1_000_000, 100));
        assertEquals("zip-limit", reasonOf(fewEntries, "many.zip", zip(Map.of("a.txt", "A.", "b.txt", "B.", "c.txt", "C."))));

        ArticleFileParser smallTotal = Parsers.files(new ZipEntries.Limits(100, 10, 1000));
        assertEquals("zip-limit", reasonOf(smallTotal, "big.zip", zip(Map.of("a.txt", "more than ten bytes of text"))));

        assertEquals("zip-limit", reason("nested.zip", zipOf("inner.zip", zipOf("a.txt", "A.".getBytes(StandardCharsets.UTF_8)))));
        assertEquals("invalid-zip", reason("broken.zip", "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1)));
    }

    private String reason(String name, byte[] content) {
        return reasonOf(parser, name, content);
    }

    private static String reasonOf(ArticleFileParser parser, String name, byte[] content) {
        return assertThrows(ParseException.class, () -> parser.parse(name, content)).reason();
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
