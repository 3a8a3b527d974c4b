package io.newsflow.ingest.parse;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Parser settings from the operator's configuration. */
public class ParserSettingsProducer {

    /** Zone-less publication times are read in {@code NEWSFLOW_INBOX_DEFAULT_TIMEZONE}. */
    @Produces
    @Singleton
    PublishedDates publishedDates(IngestConfig config) {
        return new PublishedDates(config.inbox().defaultTimezone());
    }

    @Produces
    @Singleton
    ZipEntries.Limits zipLimits(IngestConfig config) {
        IngestConfig.Zip zip = config.inbox().zip();
        return new ZipEntries.Limits(zip.maxEntries(), zip.maxTotalBytes(), zip.maxRatio());
    }
}
