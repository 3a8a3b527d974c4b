package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/** Chooses how a file is read from its name; one file may hold several articles. */
@ApplicationScoped
public class ArticleFileParser {

    private final TextArticleParser text;

    public ArticleFileParser(TextArticleParser text) {
        this.text = text;
    }

    public List<ParsedArticle> parse(String fileName, byte[] content) throws ParseException {
        if (content.length == 0) {
            throw new ParseException("empty", "the file is empty");
        }
        String type = extension(fileName);
        return switch (type) {
            case "txt", "md", "text" -> List.of(text.parse(TextDecoder.decode(content)));
            default -> throw new ParseException("unsupported-type",
                    "files of type '" + (type.isEmpty() ? "(no extension)" : type) + "' are not supported; use .txt or .md");
        };
    }

    public static String extension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        int dot = fileName.lastIndexOf('.');
        return dot > slash + 1 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
