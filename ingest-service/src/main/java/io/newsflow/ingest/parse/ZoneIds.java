package io.newsflow.ingest.parse;

import io.newsflow.settings.Rule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** NEWSFLOW_INBOX_DEFAULT_TIMEZONE: a region id or an offset Java knows. */
public final class ZoneIds implements Rule<String> {

    @Override
    public Optional<String> broken(String zone) {
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone such as UTC, Europe/Paris or +02:00");
        }
    }
}
