package io.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.ZoneOffset;

/** The parsers wired as the service wires them, for plain unit tests. */
final class Parsers {

    static final PublishedDates DATES = new PublishedDates(ZoneOffset.UTC);
    static final HtmlArticleParser HTML = new HtmlArticleParser(DATES);
    static final JsonArticleParser JSON = new JsonArticleParser(new ObjectMapper(), DATES);
    static final FeedArticleParser FEED = new FeedArticleParser(HTML, DATES);

    private Parsers() {
    }

    static ArticleFileParser files(ZipEntries.Limits limits) {
        return new ArticleFileParser(new TextArticleParser(DATES), HTML, JSON, FEED, limits);
    }

    static ArticleFileParser files() {
        return files(new ZipEntries.Limits(1000, 100L * 1024 * 1024, 100));
    }
}
