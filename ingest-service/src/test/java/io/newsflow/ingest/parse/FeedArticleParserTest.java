package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedArticleParserTest {

    @Test
    void rssItemsBecomeArticlesWithTheChannelAsSource() throws ParseException {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Example Wire</title><link>https://wire.example</link>
                  <item><title>Summit ends</title><link>https://wire.example/1</link>
                    <description>&lt;p&gt;The summit &lt;b&gt;ended&lt;/b&gt; on Friday.&lt;/p&gt;</description>
                    <pubDate>Thu, 20 Jun 2024 05:19:00 GMT</pubDate><dc:creator>Ann Writer</dc:creator></item>
                  <item><title>Second</title><content:encoded><![CDATA[<p>Full text of the second item.</p>]]></content:encoded>
                    <description>Teaser only</description></item>
                  <item><title>Headline only</title></item>
                </channel></rss>""";
        List<ParsedArticle> articles = Parsers.files().parse("feed.rss", rss.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, articles.size());
        ParsedArticle first = articles.get(0);
        assertEquals("Summit ends", first.title());
        assertEquals("The summit ended on Friday.", first.body());
        assertEquals("Example Wire", first.source());
        assertEquals("Ann Writer", first.author());
        assertEquals("https://wire.example/1", first.url());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), first.publishedAt());
        assertEquals("Full text of the second item.", articles.get(1).body());
    }

    @Test
    void atomEntriesBecomeArticles() throws ParseException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
                  <entry><title>Entry one</title><link rel="alternate" href="https://atom.example/1"/>
                    <published>2024-06-20T05:19:00Z</published><author><name>Bob</name></author>
                    <content type="html">&lt;p&gt;Entry body.&lt;/p&gt;</content></entry>
                </feed>""";
        ParsedArticle entry = Parsers.files().parse("news.atom", atom.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("Entry one", entry.title());
        assertEquals("Entry body.", entry.body());
        assertEquals("Atom News", entry.source());
        assertEquals("Bob", entry.author());
        assertEquals("https://atom.example/1", entry.url());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), entry.publishedAt());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws ParseException {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss><channel><title>T</title><item><title>x</title><description>before &secret; after</description></item></channel></rss>""";
        String body = Parsers.files().parse("evil.xml", xxe.getBytes(StandardCharsets.UTF_8)).get(0).body();
        assertFalse(body.contains("root:"), body);
    }

    @Test
    void aFeedWithoutTextIsNotAnArticle() {
        assertEquals("no-article", assertThrows(ParseException.class, () -> Parsers.files().parse("f.rss",
                "<rss><channel><title>T</title><item><title>only</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8))).reason());
    }
}
