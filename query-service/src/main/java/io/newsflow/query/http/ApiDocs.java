package io.newsflow.query.http;

/** Texts many endpoints' OpenAPI annotations share, so the document words them alike. */
public final class ApiDocs {

    public static final String TYPE = "Only entities of this type: PERSON, ORGANIZATION or LOCATION";
    public static final String TYPE_EXAMPLE = "PERSON";
    public static final String ENTITY_EXAMPLE = "person/kim-jong-un";
    public static final String LIMIT = "How many entries at most, 1 to 1000";
    public static final String BAD_REQUEST = "Unknown parameter or invalid value; the detail names the parameter";
    public static final String OK = "ETag and If-None-Match supported";
    public static final String NOT_MODIFIED = "Unchanged since the ETag sent in If-None-Match";

    private ApiDocs() {
    }
}
