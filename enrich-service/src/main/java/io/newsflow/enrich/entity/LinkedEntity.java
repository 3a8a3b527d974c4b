package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One canonical entity in one article, with every place it is mentioned.
 *
 * @param offsets {@code [start, end)} pairs into the enriched text, in text order
 */
public record LinkedEntity(NamedEntity entity, List<int[]> offsets) {

    public int mentions() {
        return offsets.size();
    }

    /**
     * One entry per entity id, most mentioned first (ties in order of appearance). Different spellings
     * may link to one id ("Lara" named by the model, "LARA" by a repeat): an article stores one row per
     * entity, so their mentions are summed and their offsets merged in text order. The first entry's
     * name is kept, unless it is in capitals only and a later one is not ({@link NamedEntity#betterWritten}).
     */
    public static List<LinkedEntity> mergeById(Collection<LinkedEntity> entities) {
        Map<String, NamedEntity> named = new LinkedHashMap<>();
        Map<String, List<int[]>> offsets = new LinkedHashMap<>();
        for (LinkedEntity linked : entities) {
            named.merge(linked.entity().id(), linked.entity(), NamedEntity::betterWritten);
            offsets.computeIfAbsent(linked.entity().id(), id -> new ArrayList<>()).addAll(linked.offsets());
        }
        List<LinkedEntity> merged = new ArrayList<>(named.size());
        named.forEach((id, entity) -> {
            List<int[]> spans = offsets.get(id);
            spans.sort(Comparator.<int[]>comparingInt(span -> span[0]).thenComparingInt(span -> span[1]));
            merged.add(new LinkedEntity(entity, List.copyOf(spans)));
        });
        merged.sort(Comparator.comparingInt(LinkedEntity::mentions).reversed());
        return merged;
    }
}
