package io.newsflow.ingest.publish;

import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.parse.ArticleFileParser;
import io.newsflow.ingest.parse.ParseException;
import io.newsflow.ingest.parse.ParsedArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a file from the inbox and an HTTP upload both go through before they are published: parsed
 * by the type its name gives, made into events with their provenance, each event held against the
 * size Kafka takes. A refusal carries the reason failed/ reports and problem+json bodies name.
 */
@ApplicationScoped
public class ArticleIntake {

    private static final Logger LOG = Logger.getLogger(ArticleIntake.class);

    /** Why content can never be published as it is. */
    public static final class Refused extends Exception {

        private final String reason;
        private final String stage;

        Refused(String reason, String stage, String message) {
            super(message);
            this.reason = reason;
            this.stage = stage;
        }

        /** For example {@code unsupported-type}, {@code parser-error}, {@code article-too-large}. */
        public String reason() {
            return reason;
        }

        /** {@code parse} or {@code publish}. */
        public String stage() {
            return stage;
        }
    }

    private final ArticleFileParser parser;
    private final ArticleEvents events;
    private final IngestConfig config;

    public ArticleIntake(ArticleFileParser parser, ArticleEvents events, IngestConfig config) {
        this.parser = parser;
        this.events = events;
        this.config = config;
    }

    /** @param name the file's path below the inbox */
    public List<ArticleRawV1> fromFile(String name, byte[] content, BasicFileAttributes attributes) throws Refused {
        return events(name, content, parsed -> events.fromFile(parsed, name, content, attributes));
    }

    /**
     * @param name    the uploaded file's name, or null for a request body
     * @param parseAs a name whose extension selects the parser
     */
    public List<ArticleRawV1> fromRequest(String name, String parseAs, byte[] content) throws Refused {
        return events(parseAs, content, parsed -> events.fromRequest(parsed, name, content));
    }

    private List<ArticleRawV1> events(String parseAs, byte[] content, Function<List<ParsedArticle>, List<ArticleRawV1>> toEvents)
            throws Refused {
        List<ParsedArticle> parsed;
        try {
            parsed = parser.parse(parseAs, content);
        } catch (ParseException e) {
            throw new Refused(e.reason(), "parse", e.getMessage());
        } catch (RuntimeException e) {
            // A parser bug must cost one file or request, never the watcher.
            LOG.errorf(e, "file=%s parser failure", parseAs);
            throw new Refused("parser-error", "parse", "the file could not be parsed: " + e.getClass().getSimpleName());
        }
        List<ArticleRawV1> built = toEvents.apply(parsed);
        Optional<ArticleRawV1> tooLarge = ArticleEvents.firstTooLarge(built, config.inbox().maxArticleBytes());
        if (tooLarge.isPresent()) {
            throw new Refused("article-too-large", "publish", "article " + tooLarge.get().provenance().index() + " is larger than "
                    + config.inbox().maxArticleBytes() + " bytes as an event (NEWSFLOW_INBOX_MAX_ARTICLE_BYTES)");
        }
        return built;
    }
}
