package io.newsflow.query.timeline;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.time.TimeRange;
import io.newsflow.query.timeline.Timeline.Bucket;
import io.newsflow.query.timeline.Timeline.Series;
import io.newsflow.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class TimelineService {

    /** Beyond this a chart has more buckets than pixels, and the answer only costs memory and bandwidth. */
    static final int MAX_BUCKETS = 5000;

    private final TimelineRepository repository;

    public TimelineService(TimelineRepository repository) {
        this.repository = repository;
    }

    @Transactional
    Timeline timeline(TimelineQuery query) {
        TimeRange asked = query.filter().time();
        Instant from = asked.from();
        Instant to = asked.to();
        if (from == null || to == null) {
            // An open end stops at the first or last matching article rather than at an arbitrary date.
            TimelineRepository.Extent extent = repository.extent(query.filter());
            if (extent == null) {
                return empty(query, from, to);
            }
            from = from != null ? from : extent.earliest();
            // Just past the latest article, whose bucket would otherwise be cut off.
            to = to != null ? to : extent.latest().plusNanos(1000);
        }
        Interval interval = query.interval() != null ? query.interval() : Interval.auto(from, to, MAX_BUCKETS);
        long buckets = interval.buckets(from, to);
        if (buckets > MAX_BUCKETS) {
            throw ProblemException.badParameter(query.interval() != null ? "interval" : "from",
                    "gives " + buckets + " buckets of " + interval.code() + " between " + from + " and " + to
                            + "; at most " + MAX_BUCKETS + " are answered: choose a longer interval or a shorter from/to window.");
        }
        ArticleFilter window = query.filter().within(new TimeRange(from, to));
        Instant start = interval.floor(from);
        long first = (start.getEpochSecond() - Interval.ORIGIN.getEpochSecond()) / interval.seconds();
        if (query.groupBy() == null) {
            long[] counts = new long[(int) buckets];
            repository.counts(window, interval).forEach(c -> counts[(int) (c.bucket() - first)] = c.articles());
            return new Timeline(interval.code(), from, to, buckets(interval, start, counts), null);
        }
        Map<String, long[]> byKey = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (TimelineRepository.Count c : repository.groupedCounts(window, interval, query.groupBy(), query.limit())) {
            byKey.computeIfAbsent(c.key(), k -> new long[(int) buckets])[(int) (c.bucket() - first)] = c.articles();
            totals.put(c.key(), c.total());
        }
        List<Series> series = new ArrayList<>();
        byKey.forEach((key, counts) -> series.add(new Series(key, totals.get(key), buckets(interval, start, counts))));
        return new Timeline(interval.code(), from, to, null, series);
    }

    private static Timeline empty(TimelineQuery query, Instant from, Instant to) {
        // Nothing matched and the window is open: there is no bucket to fill. Auto falls back to its
        // finest width, as for any short window.
        Interval interval = query.interval() != null ? query.interval() : Interval.MINUTES_15;
        return new Timeline(interval.code(), from, to, query.groupBy() == null ? List.of() : null,
                query.groupBy() == null ? null : List.of());
    }

    private static List<Bucket> buckets(Interval interval, Instant first, long[] counts) {
        List<Bucket> buckets = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Bucket(first.plusSeconds(i * interval.seconds()), counts[i]));
        }
        return buckets;
    }
}
