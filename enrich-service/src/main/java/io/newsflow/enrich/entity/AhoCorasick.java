package io.newsflow.enrich.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over {@code char}s: finds every occurrence of thousands of patterns in one
 * pass over the text, whatever their number. Immutable after construction, so it is shared by threads.
 *
 * @param <V> what a pattern stands for
 */
public final class AhoCorasick<V> {

    /** {@code [start, end)} in the searched text. */
    public record Hit<V>(int start, int end, V value) {
    }

    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<List<Integer>> outputs = new ArrayList<>();
    private final int[] fail;
    private final List<String> patterns = new ArrayList<>();
    private final List<V> values = new ArrayList<>();

    public AhoCorasick(Map<String, ? extends V> patternValues) {
        newNode();
        patternValues.forEach((pattern, value) -> {
            if (pattern.isEmpty()) {
                return;
            }
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                Integer child = next.get(node).get(c);
                if (child == null) {
                    child = newNode();
                    next.get(node).put(c, child);
                }
                node = child;
            }
            outputs.get(node).add(patterns.size());
            patterns.add(pattern);
            values.add(value);
        });
        fail = new int[next.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Map.Entry<Character, Integer> edge : next.get(node).entrySet()) {
                int child = edge.getValue();
                int f = fail[node];
                while (f != 0 && !next.get(f).containsKey(edge.getKey())) {
                    f = fail[f];
                }
                Integer target = next.get(f).get(edge.getKey());
                fail[child] = target != null && target != child ? target : 0;
                outputs.get(child).addAll(outputs.get(fail[child]));
                queue.add(child);
            }
        }
    }

    private int newNode() {
        next.add(new HashMap<>(4));
        outputs.add(new ArrayList<>(1));
        return next.size() - 1;
    }

    public int size() {
        return patterns.size();
    }

    /** Every occurrence of every pattern, overlapping ones included, ordered by end position. */
    public List<Hit<V>> search(CharSequence text) {
        List<Hit<V>> hits = new ArrayList<>();
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer target;
            while ((target = next.get(node).get(c)) == null && node != 0) {
                node = fail[node];
            }
            node = target == null ? 0 : target;
            for (int p : outputs.get(node)) {
                hits.add(new Hit<>(i + 1 - patterns.get(p).length(), i + 1, values.get(p)));
            }
        }
        return hits;
    }

    /** Leftmost-longest choice among overlapping hits: "North Korea" wins over "Korea". */
    public static <V> List<Hit<V>> longestNonOverlapping(List<Hit<V>> hits) {
        List<Hit<V>> sorted = new ArrayList<>(hits);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Hit<V>> chosen = new ArrayList<>();
        int covered = 0;
        for (Hit<V> hit : sorted) {
            if (hit.start() >= covered) {
                chosen.add(hit);
                covered = hit.end();
            }
        }
        return chosen;
    }
}
