package io.newsflow.ingest;

import io.newsflow.ingest.parse.ZoneIds;
import io.newsflow.ingest.watch.ClaimFolderName;
import io.newsflow.ingest.watch.Globs;
import io.newsflow.settings.AtLeast;
import io.newsflow.settings.ByteSize;
import io.newsflow.settings.ByteSizeConverter;
import io.newsflow.settings.Check;
import io.newsflow.settings.DurationRange;
import io.newsflow.settings.Range;
import io.newsflow.settings.TopicName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operator settings of ingest-service; each maps to an env var, e.g. {@code newsflow.inbox.min-age} ↔ {@code NEWSFLOW_INBOX_MIN_AGE}.
 * The annotated bounds are checked at start (web-support's settings check): a value outside them stops the service.
 */
@ConfigMapping(prefix = "newsflow")
public interface IngestConfig {

    /** Root holding inbox/, processed/ and failed/ ({@code NEWSFLOW_DATA_DIR}). */
    Path dataDir();

    /** Names this replica's claims; unique per process unless set ({@code NEWSFLOW_INSTANCE_ID}). */
    @Check(ClaimFolderName.class)
    Optional<String> instanceId();

    /** When set, {@code /api/*} requests must carry it as {@code X-API-Key} or a bearer token ({@code NEWSFLOW_API_KEY}). */
    Optional<String> apiKey();

    /** When set, {@code /admin/*} requests must carry it as {@code X-API-Key} or a bearer token ({@code NEWSFLOW_ADMIN_API_KEY}). */
    Optional<String> adminApiKey();

    Inbox inbox();

    Topic topic();

    interface Topic {

        /** Raw articles ({@code NEWSFLOW_TOPIC_RAW}); the messaging channel reads it too. */
        @WithDefault("articles.raw.v1")
        @Check(TopicName.class)
        String raw();
    }

    interface Inbox {

        /**
         * How often the whole inbox is scanned. Native file events trigger a scan at once; this
         * periodic one catches what events miss (bind mounts, network filesystems).
         */
        @WithDefault("1s")
        @DurationRange(min = "PT0.01S", max = "PT1H")
        Duration scanInterval();

        /** Globs (relative to the inbox, e.g. {@code **.txt}) a file must match one of. */
        @WithDefault("**")
        @Check(Globs.class)
        List<String> include();

        /** Globs a file must match none of. */
        @Check(Globs.class)
        Optional<List<String>> exclude();

        /** When on, a file is taken only once a {@code <name>.done} marker stands beside it. */
        @WithDefault("false")
        boolean markerMode();

        /** Threads that read and parse files. */
        @WithDefault("4")
        @Range(min = 1, max = 256)
        int workers();

        /** Files read and waiting for Kafka's acknowledgement at once: bounds memory under a flood. */
        @WithDefault("2000")
        @Range(min = 1, max = 1_000_000)
        int maxInFlight();

        /**
         * Another replica's claimed files are taken back once its heartbeat is this old. A replica beats on
         * each scan: a timeout within a few scan intervals would take files from replicas that live.
         */
        @WithDefault("2m")
        @DurationRange(min = "PT1S", max = "P1D")
        @AtLeast(value = "scanInterval", times = 3)
        Duration claimTimeout();

        /** A file is taken once its size and mtime have not changed for this long, seen on two scans. */
        @WithDefault("1s")
        @DurationRange(min = "PT0.001S", max = "PT1H")
        Duration minAge();

        /** Larger files go to failed/ unread; a file is read whole, so it must fit in memory. */
        @WithDefault("20971520")
        @WithConverter(ByteSizeConverter.class)
        @ByteSize(min = 1024, max = 1L << 30)
        long maxFileBytes();

        /**
         * Largest article event, as JSON bytes. Kafka refuses records over its request size (1 MiB
         * by default on producers and brokers); a larger article fails its file at once, with this reason.
         */
        @WithDefault("1000000")
        @WithConverter(ByteSizeConverter.class)
        @ByteSize(min = 1024, max = 1L << 30)
        long maxArticleBytes();

        /** How long to wait for Kafka to acknowledge a file's articles before retrying the file later. */
        @WithDefault("60s")
        @DurationRange(min = "PT0.1S", max = "PT1H")
        Duration publishTimeout();

        /** First wait before retrying a file whose publication failed; doubles up to {@link #retryMaxBackoff()}. */
        @WithDefault("2s")
        @DurationRange(min = "PT0.001S", max = "PT1H")
        Duration retryBackoff();

        @WithDefault("60s")
        @DurationRange(min = "PT0.001S", max = "P1D")
        @AtLeast("retryBackoff")
        Duration retryMaxBackoff();

        /**
         * Zone for publication times written without one (e.g. {@code Jun 20, 2024 05:19 AM}). A string checked
         * by a rule rather than a {@code ZoneId}: a failed conversion would be reported without the variable's name.
         */
        @WithDefault("UTC")
        @Check(ZoneIds.class)
        String defaultTimezone();

        /**
         * Files in processed/ are deleted once their day folder is more than this many whole days old
         * ({@code NEWSFLOW_INBOX_PROCESSED_RETENTION_DAYS}); 0 keeps them forever.
         */
        @WithDefault("0")
        @Range(min = 0, max = 36_500)
        int processedRetentionDays();

        Zip zip();
    }

    /** Limits on what a zip archive may inflate to ({@code NEWSFLOW_INBOX_ZIP_*}). */
    interface Zip {

        @WithDefault("1000")
        @Range(min = 1, max = 1_000_000)
        int maxEntries();

        @WithDefault("104857600")
        @WithConverter(ByteSizeConverter.class)
        @ByteSize(min = 1024, max = 1L << 40)
        long maxTotalBytes();

        /** Inflated bytes per byte of archive; text compresses about 5:1, bombs by thousands. */
        @WithDefault("100")
        @Range(min = 1, max = 100_000)
        int maxRatio();
    }
}
