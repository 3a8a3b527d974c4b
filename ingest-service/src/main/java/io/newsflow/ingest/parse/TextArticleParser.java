package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text and Markdown: optional header lines ({@code Source:}, {@code Author:},
 * {@code Release time:}/{@code Published:}/{@code Date:}, {@code Title:}, {@code URL:},
 * {@code Language:}), then the body. A single line right above the headers is the title, as in
 * news exports that put the headline first.
 */
@ApplicationScoped
public class TextArticleParser {

    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(source|author|by|release time|released|published|publish time|date|title|url|link|language|lang)\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_TITLE_LENGTH = 300;

    private final PublishedDates dates;

    public TextArticleParser(PublishedDates dates) {
        this.dates = dates;
    }

    public ParsedArticle parse(String text) throws ParseException {
        List<String> lines = text.lines().toList();
        int i = skipBlank(lines, 0);
        String leadingTitle = null;
        // A headline line followed (after blank lines) by a header line is the title.
        if (i < lines.size() && !isHeader(lines.get(i))) {
            int next = skipBlank(lines, i + 1);
            if (next < lines.size() && isHeader(lines.get(next)) && lines.get(i).strip().length() <= MAX_TITLE_LENGTH) {
                leadingTitle = lines.get(i).strip();
                i = next;
            }
        }
        Map<String, String> headers = new HashMap<>();
        while (i < lines.size()) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            headers.putIfAbsent(canonical(m.group(1)), m.group(2).strip());
            i = skipBlank(lines, i + 1);
        }
        String body = String.join("\n", lines.subList(i, lines.size())).strip();
        if (body.isEmpty()) {
            throw new ParseException("no-article", "the file has headers but no article text");
        }
        String title = blankToNull(headers.getOrDefault("title", leadingTitle));
        Instant published = dates.parse(headers.get("published")).orElse(null);
        return new ParsedArticle(title, body, blankToNull(headers.get("source")), blankToNull(headers.get("author")),
                published, blankToNull(headers.get("url")), blankToNull(headers.get("language")));
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "by" -> "author";
            case "release time", "released", "publish time", "date" -> "published";
            case "link" -> "url";
            case "lang" -> "language";
            default -> name.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
