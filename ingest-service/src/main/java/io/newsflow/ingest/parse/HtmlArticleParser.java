package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One article from an HTML page: title, author, date and site name from the usual meta tags
 * (Open Graph, article:*, Dublin Core, schema.org), and the main text without navigation, headers,
 * footers, asides, forms or scripts.
 */
@ApplicationScoped
public class HtmlArticleParser {

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final String BOILERPLATE = "script, style, noscript, template, nav, header, footer, aside, form, button, "
            + "iframe, svg, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], "
            + ".nav, .navbar, .menu, .breadcrumb, .breadcrumbs, .share, .social, .related, .comments, .advert, .ad, .cookie";
    private static final String TEXT_BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private final PublishedDates dates;

    public HtmlArticleParser(PublishedDates dates) {
        this.dates = dates;
    }

    /** The charset a page declares in its first kilobytes, to try before guessing. */
    public static Optional<String> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public ParsedArticle parse(String html) throws ParseException {
        return parse(Jsoup.parse(html));
    }

    /** Also used for the HTML inside feed items, where the page has no head of its own. */
    public String text(String htmlFragment) {
        return mainText(Jsoup.parseBodyFragment(htmlFragment));
    }

    private ParsedArticle parse(Document doc) throws ParseException {
        String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), meta(doc, "dc.title"),
                doc.title(), text(doc.selectFirst("h1")));
        String author = first(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "dc.creator"),
                meta(doc, "byl"), text(doc.selectFirst("[itemprop=author], [rel=author], .byline, .author")));
        String published = first(meta(doc, "article:published_time"), meta(doc, "og:published_time"), meta(doc, "pubdate"),
                meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "dc.date"), meta(doc, "dc.date.issued"),
                attr(doc.selectFirst("[itemprop=datePublished]"), "content"), attr(doc.selectFirst("time[datetime]"), "datetime"));
        String site = first(meta(doc, "og:site_name"), meta(doc, "application-name"), meta(doc, "publisher"));
        String url = first(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
        String language = first(doc.select("html").attr("lang"), meta(doc, "og:locale"));
        String body = mainText(doc);
        if (body.isBlank()) {
            throw new ParseException("no-article", "the page has no readable text");
        }
        Instant publishedAt = dates.parse(published).orElse(null);
        return new ParsedArticle(title, body, site, author, publishedAt, url, language == null ? null : language.split("[-_]")[0]);
    }

    /**
     * The text of the element most likely to be the article: an {@code <article>}, {@code <main>} or
     * schema.org articleBody if there is one, else the element whose direct paragraphs hold the most text.
     */
    private static String mainText(Document doc) {
        doc.select(BOILERPLATE).remove();
        Element root = Stream.of("[itemprop=articleBody]", "article", "main", "[role=main]")
                .map(doc::selectFirst).filter(e -> e != null && !blocks(e).isEmpty()).findFirst()
                .orElseGet(() -> densest(doc));
        List<String> parts = blocks(root);
        if (parts.isEmpty()) {
            return root.text().strip();
        }
        return String.join("\n\n", parts);
    }

    private static Element densest(Document doc) {
        return doc.select("p").stream().map(Element::parent).distinct()
                .max(Comparator.comparingInt(parent -> parent.select("> p").text().length()))
                .orElse(doc.body());
    }

    private static List<String> blocks(Element root) {
        List<String> parts = new ArrayList<>();
        Elements elements = root.select(TEXT_BLOCKS);
        for (Element e : elements) {
            // A list item holding paragraphs is read through its paragraphs, not twice.
            if (!e.select(TEXT_BLOCKS).stream().allMatch(inner -> inner == e)) {
                continue;
            }
            String text = e.text().strip();
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return parts;
    }

    private static String meta(Document doc, String name) {
        return attr(doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]"), "content");
    }

    private static String attr(Element e, String attribute) {
        return e == null ? "" : e.attr(attribute).strip();
    }

    private static String text(Element e) {
        return e == null ? "" : e.text();
    }

    private static String first(String... candidates) {
        for (String value : candidates) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
