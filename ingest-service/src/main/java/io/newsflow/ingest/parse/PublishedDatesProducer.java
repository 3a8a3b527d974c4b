package io.newsflow.ingest.parse;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads zone-less publication times in the operator's zone ({@code NEWSFLOW_INBOX_DEFAULT_TIMEZONE}). */
public class PublishedDatesProducer {

    @Produces
    @Singleton
    PublishedDates publishedDates(IngestConfig config) {
        return new PublishedDates(config.inbox().defaultTimezone());
    }
}
