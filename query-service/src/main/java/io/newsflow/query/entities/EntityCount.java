package io.newsflow.query.entities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entity and how many matching articles mention it. */
public record EntityCount(@Schema(example = "person/kim-jong-un") String id,
                          @Schema(description = "Canonical name", example = "Kim Jong Un") String name,
                          @Schema(example = "PERSON") String type,
                          @Schema(description = "Matching articles that mention it", example = "12") long articles) {
}
