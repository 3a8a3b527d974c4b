package io.newsflow.ingest.parse;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.ZoneId;

/** Parser settings from the operator's configuration. */
public class ParserSettingsProducer {

    /** Zone-less publication times are read in {@code NEWSFLOW_INBOX_DEFAULT_TIMEZONE}, checked at start by {@link ZoneIds}. */
    @Produces
    @Singleton
    PublishedDates publishedDates(IngestConfig config) {
        return new PublishedDates(ZoneId.of(config.inbox().defaultTimezone()));
    }

    @Produces
    @Singleton
    ZipEntries.Limits zipLimits(IngestConfig config) {
        IngestConfig.Zip zip = config.inbox().zip();
        return new ZipEntries.Limits(zip.maxEntries(), zip.maxTotalBytes(), zip.maxRatio());
    }
}
