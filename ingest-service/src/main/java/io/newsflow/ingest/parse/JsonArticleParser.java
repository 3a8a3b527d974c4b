package io.newsflow.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON articles: one object, an array of objects, or NDJSON (one object per line). Fields are the
 * contract's ({@code title, body, source, author, publishedAt, url, language}); a few common
 * spellings from other tools are read too. A file is all or nothing: one bad record fails the file,
 * naming the record, so that nothing is half-published.
 */
@ApplicationScoped
public class JsonArticleParser {

    private final ObjectMapper json;
    private final PublishedDates dates;

    public JsonArticleParser(ObjectMapper json, PublishedDates dates) {
        this.json = json;
        this.dates = dates;
    }

    public List<ParsedArticle> parseDocument(String text) throws ParseException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ParseException("invalid-json", "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || root.isMissingNode()) {
            throw new ParseException("empty", "the JSON document is empty");
        }
        List<ParsedArticle> articles = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                articles.add(article(root.get(i), "element " + i));
            }
        } else {
            articles.add(article(root, "the document"));
        }
        if (articles.isEmpty()) {
            throw new ParseException("no-article", "the JSON array is empty");
        }
        return articles;
    }

    public List<ParsedArticle> parseLines(String text) throws ParseException {
        List<ParsedArticle> articles = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new ParseException("invalid-json", "line " + (i + 1) + " is not valid JSON: " + e.getOriginalMessage());
            }
            articles.add(article(node, "line " + (i + 1)));
        }
        if (articles.isEmpty()) {
            throw new ParseException("no-article", "the file has no JSON lines");
        }
        return articles;
    }

    /** One JSON object as an article, as the HTTP endpoint receives it too. */
    public ParsedArticle article(JsonNode node, String where) throws ParseException {
        if (node == null || !node.isObject()) {
            throw new ParseException("invalid-article", where + " is not a JSON object");
        }
        String body = text(node, "body", "text", "content", "articleBody");
        if (body == null || body.isBlank()) {
            throw new ParseException("invalid-article", where + " has no body (field \"body\")");
        }
        String published = text(node, "publishedAt", "published", "published_at", "datePublished", "date");
        return new ParsedArticle(text(node, "title", "headline"), body.strip(), text(node, "source", "site", "publisher"),
                text(node, "author", "byline"), dates.parse(published).orElse(null), text(node, "url", "link"),
                text(node, "language", "lang"));
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
            // Authors and publishers are often objects: {"name": "..."}.
            if (value != null && value.isObject() && value.hasNonNull("name")) {
                return value.get("name").asText().strip();
            }
        }
        return null;
    }
}
