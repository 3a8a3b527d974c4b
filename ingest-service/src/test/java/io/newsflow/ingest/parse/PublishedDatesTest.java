package io.newsflow.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedDatesTest {

    private final PublishedDates utc = new PublishedDates(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jun 20, 2024 05:19 AM          | 2024-06-20T05:19:00Z",
            "Jun 20, 2024 05:19 PM          | 2024-06-20T17:19:00Z",
            "jun 20, 2024 5:19 am           | 2024-06-20T05:19:00Z",
            "June 20, 2024 17:19            | 2024-06-20T17:19:00Z",
            "20 June 2024 17:19             | 2024-06-20T17:19:00Z",
            "2024-06-20T05:19:00Z           | 2024-06-20T05:19:00Z",
            "2024-06-20T07:19:00+02:00      | 2024-06-20T05:19:00Z",
            "2024-06-20T05:19:00            | 2024-06-20T05:19:00Z",
            "2024-06-20 05:19               | 2024-06-20T05:19:00Z",
            "2024/06/20 05:19:30            | 2024-06-20T05:19:30Z",
            "Thu, 20 Jun 2024 05:19:00 GMT  | 2024-06-20T05:19:00Z",
            "2024年6月20日 05:19              | 2024-06-20T05:19:00Z",
            "2024-06-20                     | 2024-06-20T00:00:00Z",
            "Jun 20, 2024                   | 2024-06-20T00:00:00Z",
            "1718860740000                  | 2024-06-20T05:19:00Z",
    })
    void readsTheSpellingsNewsFilesUse(String text, String expected) {
        assertEquals(Instant.parse(expected), utc.parse(text).orElseThrow());
    }

    @Test
    void zoneLessTimesUseTheConfiguredZone() {
        PublishedDates seoul = new PublishedDates(ZoneId.of("Asia/Seoul"));
        assertEquals(Instant.parse("2024-06-19T20:19:00Z"), seoul.parse("Jun 20, 2024 05:19 AM").orElseThrow());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), seoul.parse("2024-06-20T05:19:00Z").orElseThrow());
    }

    @Test
    void nonsenseIsEmpty() {
        assertTrue(utc.parse("next Tuesday").isEmpty());
        assertTrue(utc.parse("").isEmpty());
        assertTrue(utc.parse(null).isEmpty());
    }
}
