package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * RSS 2.0 and Atom feeds: one article per item or entry, the feed's title as the source. jsoup's
 * XML parser never resolves DTDs or external entities, so a hostile feed cannot read local files.
 */
@ApplicationScoped
public class FeedArticleParser {

    private final HtmlArticleParser html;
    private final PublishedDates dates;

    public FeedArticleParser(HtmlArticleParser html, PublishedDates dates) {
        this.html = html;
        this.dates = dates;
    }

    /** Whether XML text is a feed at all, so other XML can be reported as unsupported. */
    public static boolean isFeed(String xml) {
        String head = xml.substring(0, Math.min(xml.length(), 4096));
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    public List<ParsedArticle> parse(String xml) throws ParseException {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        boolean atom = doc.selectFirst("feed") != null;
        String source = childText(atom ? doc.selectFirst("feed") : doc.selectFirst("channel"), "title");
        List<ParsedArticle> articles = new ArrayList<>();
        for (Element item : doc.select(atom ? "entry" : "item")) {
            String content = atom ? firstNonBlank(childText(item, "content"), childText(item, "summary"))
                    : firstNonBlank(childText(item, "content|encoded"), childText(item, "description"));
            String body = content == null ? null : html.text(content);
            if (body == null || body.isBlank()) {
                // A headline-only item carries no article to analyse; it is skipped, not an error for the whole feed.
                continue;
            }
            String title = childText(item, "title");
            String author = atom ? childText(item.selectFirst("author"), "name") : firstNonBlank(childText(item, "dc|creator"), childText(item, "author"));
            String published = atom ? firstNonBlank(childText(item, "published"), childText(item, "updated"))
                    : firstNonBlank(childText(item, "pubDate"), childText(item, "dc|date"));
            String url = atom ? link(item) : firstNonBlank(childText(item, "link"), childText(item, "guid"));
            articles.add(new ParsedArticle(title, body, source, author, dates.parse(published).orElse(null), url, null));
        }
        if (articles.isEmpty()) {
            throw new ParseException("no-article", "the feed has no item with text");
        }
        return articles;
    }

    private static String link(Element entry) {
        for (Element link : entry.select("> link")) {
            String rel = link.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                return link.attr("href");
            }
        }
        return null;
    }

    private static String childText(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        Element child = parent.selectFirst("> " + tag);
        return child == null ? null : child.wholeText().strip();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
