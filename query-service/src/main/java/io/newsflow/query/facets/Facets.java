package io.newsflow.query.facets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The entries of the ranking endpoints: a value and how many matching articles have it. */
public final class Facets {

    private Facets() {
    }

    public record ThemeCount(@Schema(description = "Theme code", example = "ARMEDCONFLICT") String theme,
                             @Schema(example = "17") long articles) {
    }

    public record LanguageCount(@Schema(description = "ISO 639-1 code", example = "en") String language,
                                @Schema(example = "120") long articles) {
    }

    public record SourceCount(@Schema(example = "Yonhap") String source, @Schema(example = "31") long articles) {
    }
}
