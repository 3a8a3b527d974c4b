package io.newsflow.enrich.entity;

import java.util.List;

/**
 * One canonical entity in one article, with every place it is mentioned.
 *
 * @param offsets {@code [start, end)} pairs into the enriched text, in text order
 */
public record LinkedEntity(NamedEntity entity, List<int[]> offsets) {

    public int mentions() {
        return offsets.size();
    }
}
