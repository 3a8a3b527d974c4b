package io.newsflow.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.query.csv.CsvTable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Article counts per time bucket: {@code buckets} when ungrouped, {@code series} (one per key,
 * largest total first) when grouped. Every bucket of the window is present, empty ones with 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Articles per time bucket; buckets when ungrouped, series when grouped")
public record Timeline(
        @Schema(description = "The bucket width used, also when chosen automatically", example = "1h") String interval,
        @Schema(description = "Inclusive start of the window counted; null when nothing matched and no from was given")
        Instant from,
        @Schema(description = "Exclusive end of the window counted") Instant to,
        List<Bucket> buckets,
        List<Series> series) implements CsvTable {

    /** Ungrouped: start, count. Grouped: key, start, count, one line per series and bucket (long format). */
    @Override
    public List<String> csvHeader() {
        return series == null ? List.of("start", "count") : List.of("key", "start", "count");
    }

    @Override
    public List<List<Object>> csvRows() {
        if (series == null) {
            return buckets.stream().map(b -> List.<Object>of(b.start(), b.count())).toList();
        }
        return series.stream().flatMap(s -> s.buckets().stream().map(b -> List.<Object>of(s.key(), b.start(), b.count()))).toList();
    }

    public record Bucket(@Schema(description = "Start of the bucket", example = "2024-06-20T12:00:00Z") Instant start,
                         @Schema(description = "Articles whose event time falls in the bucket", example = "7") long count) {
    }

    public record Series(@Schema(description = "The group's value: language code, theme code, source or entity id",
                                 example = "en") String key,
                         @Schema(description = "Articles in the whole window", example = "42") long total,
                         List<Bucket> buckets) {
    }
}
