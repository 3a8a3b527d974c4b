package io.newsflow.query.csv;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code format} parameter of endpoints that also answer CSV, as a {@code @BeanParam}: declared
 * here so it is documented and accepted there; {@link FormatFilter} acts on it.
 */
public class FormatParameter {

    static final String NAME = "format";

    @Parameter(description = "csv for text/csv (RFC 4180, header line first), json (the default) for JSON; "
            + "the same as sending that Accept header", schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}))
    @QueryParam(NAME)
    String format;
}
