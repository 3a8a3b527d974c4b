package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlArticleParserTest {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en-GB"><head>
              <meta charset="utf-8">
              <title>Summit in the Far East | Example News</title>
              <meta property="og:title" content="Putin and Kim meet at the cosmodrome">
              <meta property="og:site_name" content="Example News">
              <meta name="author" content="Jane Reporter">
              <meta property="article:published_time" content="2023-09-13T08:30:00+03:00">
              <link rel="canonical" href="https://news.example/summit">
              <script>var tracking = "do not read me";</script>
            </head><body>
              <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
              <article>
                <h1>Putin and Kim meet at the cosmodrome</h1>
                <p>Russian President Vladimir Putin met North Korean leader Kim Jong-un on Wednesday.</p>
                <p>The two leaders discussed military cooperation and satellites.</p>
                <aside><p>Read also: ten other stories</p></aside>
                <ul><li>Talks lasted four hours.</li></ul>
              </article>
              <footer><p>© Example News. All rights reserved.</p></footer>
            </body></html>
            """;

    @Test
    void metaTagsGiveTitleAuthorDateSiteAndUrl() throws ParseException {
        ParsedArticle article = Parsers.HTML.parse(PAGE);
        assertEquals("Putin and Kim meet at the cosmodrome", article.title());
        assertEquals("Jane Reporter", article.author());
        assertEquals("Example News", article.source());
        assertEquals(Instant.parse("2023-09-13T05:30:00Z"), article.publishedAt());
        assertEquals("https://news.example/summit", article.url());
        assertEquals("en", article.language());
    }

    @Test
    void mainTextKeepsParagraphsAndDropsNavigationAsidesFootersAndScripts() throws ParseException {
        String body = Parsers.HTML.parse(PAGE).body();
        assertEquals("""
                Russian President Vladimir Putin met North Korean leader Kim Jong-un on Wednesday.

                The two leaders discussed military cooperation and satellites.

                Talks lasted four hours.""", body);
        assertFalse(body.contains("Home"));
        assertFalse(body.contains("Read also"));
        assertFalse(body.contains("rights reserved"));
        assertFalse(body.contains("tracking"));
    }

    @Test
    void withoutArticleMarkupTheDensestBlockIsTheText() throws ParseException {
        String page = """
                <html><head><title>Plain page</title></head><body>
                <div class="sidebar"><p>Subscribe</p></div>
                <div class="content"><p>First long paragraph of the story about the summit and its results.</p>
                <p>Second long paragraph with more detail about what the two sides agreed.</p></div>
                </body></html>""";
        ParsedArticle article = Parsers.HTML.parse(page);
        assertEquals("Plain page", article.title());
        assertTrue(article.body().startsWith("First long paragraph"), article.body());
        assertFalse(article.body().contains("Subscribe"));
    }

    @Test
    void aPageInWindows1251DeclaringItsCharsetIsRead() throws Exception {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Новости</title></head>"
                + "<body><article><p>Путин встретился с Ким Чен Ыном на космодроме Восточный.</p></article></body></html>";
        ParsedArticle article = Parsers.files().parse("page.html", page.getBytes(Charset.forName("windows-1251"))).get(0);
        assertEquals("Новости", article.title());
        assertEquals("Путин встретился с Ким Чен Ыном на космодроме Восточный.", article.body());
    }

    @Test
    void aPageWithoutTextIsNotAnArticle() {
        ParseException e = assertThrows(ParseException.class, () -> Parsers.HTML.parse("<html><body><nav>Menu</nav></body></html>"));
        assertEquals("no-article", e.reason());
    }
}
