package io.newsflow.query.http;

/** Descriptions and examples of the parameters many endpoints share, so the OpenAPI document words them alike. */
public final class ApiDocs {

    public static final String FROM = "Inclusive start of the article event time (published, else ingested): "
            + "ISO-8601 instant, date (UTC start of day) or epoch milliseconds";
    public static final String FROM_EXAMPLE = "2024-06-20T00:00:00Z";
    public static final String TO = "Exclusive end of the article event time: ISO-8601 instant, date (includes that "
            + "whole UTC day) or epoch milliseconds";
    public static final String TO_EXAMPLE = "2024-06-21";
    public static final String LANGUAGE = "Only articles in this ISO 639-1 language";
    public static final String LANGUAGE_EXAMPLE = "en";
    public static final String SOURCE = "Only articles from this exact source name";
    public static final String SOURCE_EXAMPLE = "Yonhap";
    public static final String THEME = "Only articles with this theme code";
    public static final String THEME_EXAMPLE = "ARMEDCONFLICT";
    public static final String ENTITY = "Only articles that mention this entity (its id)";
    public static final String ENTITY_EXAMPLE = "person/kim-jong-un";
    public static final String TYPE = "Only entities of this type: PERSON, ORGANIZATION or LOCATION";
    public static final String TYPE_EXAMPLE = "PERSON";
    public static final String LIMIT = "How many entries at most, 1 to 1000";
    public static final String BAD_REQUEST = "Unknown parameter or invalid value; the detail names the parameter";
    public static final String OK = "ETag and If-None-Match supported";
    public static final String NOT_MODIFIED = "Unchanged since the ETag sent in If-None-Match";

    private ApiDocs() {
    }
}
