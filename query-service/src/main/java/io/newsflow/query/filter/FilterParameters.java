package io.newsflow.query.filter;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The article filters as query parameters, shared by every list, ranking and timeline endpoint so
 * they are spelled, validated and documented alike. Used as a {@code @BeanParam}.
 */
public class FilterParameters {

    @Parameter(description = "Inclusive start of the article event time (published, else ingested): "
            + "ISO-8601 instant, date (UTC start of day) or epoch milliseconds", example = "2024-06-20T00:00:00Z")
    @QueryParam("from")
    String from;

    @Parameter(description = "Exclusive end of the article event time: ISO-8601 instant, date (includes that "
            + "whole UTC day) or epoch milliseconds", example = "2024-06-21")
    @QueryParam("to")
    String to;

    @Parameter(description = "Only articles in this ISO 639-1 language", example = "en")
    @QueryParam("language")
    String language;

    @Parameter(description = "Only articles from this exact source name", example = "Yonhap")
    @QueryParam("source")
    String source;

    @Parameter(description = "Only articles with this theme code", example = "ARMEDCONFLICT")
    @QueryParam("theme")
    String theme;

    @Parameter(description = "Only articles that mention this entity (its id)", example = "person/kim-jong-un")
    @QueryParam("entity")
    String entity;

    /** The validated filter; a bad value is a 400 naming its parameter. */
    public ArticleFilter filter() {
        return ArticleFilter.parse(from, to, language, source, theme, entity);
    }
}
