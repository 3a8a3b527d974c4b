package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chooses how a file is read from its name; one file may hold several articles. */
@ApplicationScoped
public class ArticleFileParser {

    private static final Pattern XML_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");

    private final TextArticleParser text;
    private final HtmlArticleParser html;
    private final JsonArticleParser json;
    private final FeedArticleParser feed;
    private final ZipEntries.Limits zipLimits;

    public ArticleFileParser(TextArticleParser text, HtmlArticleParser html, JsonArticleParser json, FeedArticleParser feed,
                             ZipEntries.Limits zipLimits) {
        this.text = text;
        this.html = html;
        this.json = json;
        this.feed = feed;
        this.zipLimits = zipLimits;
    }

    public List<ParsedArticle> parse(String fileName, byte[] content) throws ParseException {
        if (content.length == 0) {
            throw new ParseException("empty", "the file is empty");
        }
        if (type(fileName).equals("zip")) {
            List<ParsedArticle> articles = new ArrayList<>();
            for (ZipEntries.Entry entry : ZipEntries.read(content, zipLimits)) {
                if (type(entry.name()).equals("zip")) {
                    throw new ParseException("zip-limit", "archives inside archives are not read ('" + entry.name() + "')");
                }
                try {
                    articles.addAll(parseSingle(entry.name(), entry.content()));
                } catch (ParseException e) {
                    throw new ParseException(e.reason(), "'" + entry.name() + "' in the archive: " + e.getMessage());
                }
            }
            return articles;
        }
        return parseSingle(fileName, content);
    }

    private List<ParsedArticle> parseSingle(String fileName, byte[] content) throws ParseException {
        if (content.length == 0) {
            throw new ParseException("empty", "the file is empty");
        }
        return switch (type(fileName)) {
            case "text" -> List.of(text.parse(TextDecoder.decode(content).text()));
            case "html" -> List.of(html.parse(TextDecoder.decode(content, HtmlArticleParser.declaredCharset(content)).text()));
            case "json" -> json.parseDocument(TextDecoder.decode(content).text());
            case "ndjson" -> json.parseLines(TextDecoder.decode(content).text());
            case "feed" -> {
                String xml = TextDecoder.decode(content, xmlEncoding(content)).text();
                if (!FeedArticleParser.isFeed(xml)) {
                    throw new ParseException("unsupported-type", "XML that is not an RSS or Atom feed is not supported");
                }
                yield feed.parse(xml);
            }
            default -> throw new ParseException("unsupported-type", "files of type '" + (extension(fileName).isEmpty()
                    ? "(no extension)" : extension(fileName)) + "' are not supported; see README for the formats read");
        };
    }

    /** The kind of reader a file name calls for; also reported as {@code detectedType} when a file fails. */
    public static String type(String fileName) {
        return switch (extension(fileName)) {
            case "txt", "text", "md", "markdown" -> "text";
            case "html", "htm", "xhtml" -> "html";
            case "json" -> "json";
            case "ndjson", "jsonl" -> "ndjson";
            case "xml", "rss", "atom" -> "feed";
            case "zip" -> "zip";
            default -> "unknown";
        };
    }

    public static String extension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        int dot = fileName.lastIndexOf('.');
        return dot > slash + 1 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static Optional<String> xmlEncoding(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
