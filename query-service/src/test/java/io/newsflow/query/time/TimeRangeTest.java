package io.newsflow.query.time;

import io.newsflow.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeRangeTest {

    @Test
    void aDateRangeCoversWholeUtcDays() {
        TimeRange range = TimeRange.parse("2024-06-20", "2024-06-21");

        assertEquals(Instant.parse("2024-06-20T00:00:00Z"), range.from());
        assertEquals(Instant.parse("2024-06-22T00:00:00Z"), range.to());
    }

    @Test
    void instantsWithOffsetsAndEpochMillisAreTheSameMoment() {
        Instant moment = Instant.parse("2024-06-20T05:19:00Z");

        assertEquals(moment, TimeRange.parse("2024-06-20T07:19:00+02:00", null).from());
        assertEquals(moment, TimeRange.parse(Long.toString(moment.toEpochMilli()), null).from());
        assertEquals(Instant.EPOCH, TimeRange.parse(null, "0").to());
    }

    @Test
    void absentBoundsStayOpen() {
        TimeRange range = TimeRange.parse(null, null);

        assertNull(range.from());
        assertNull(range.to());
    }

    @Test
    void malformedOrImpossibleValuesNameTheirParameter() {
        assertRejected("from", "20.06.2024", null);
        assertRejected("to", null, "2024-02-30");
        assertRejected("to", null, "2024-06-20T05:19:00");
        assertRejected("from", "99999999999999999", null);
        assertRejected("from", "2024-06-20", "2024-06-20T00:00:00Z");
    }

    private static void assertRejected(String parameter, String from, String to) {
        ProblemException e = assertThrows(ProblemException.class, () -> TimeRange.parse(from, to));
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
    }
}
