package io.newsflow.query.duplicates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A group of near-duplicate articles; the canonical one is the earliest, and it is a member too. */
public record DuplicateCluster(@Schema(example = "42") long clusterId,
                               @Schema(description = "The earliest article of the cluster",
                                       example = "5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10") String canonicalId,
                               @Schema(description = "Members, the canonical article included", example = "3") int size,
                               @Schema(description = "Members in the order they joined") List<Member> members) {

    public record Member(@Schema(example = "5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10") String id,
                         @Schema(description = "Similarity (0 to 1] to its most similar member when it joined",
                                 example = "0.91") double similarity) {
    }
}
