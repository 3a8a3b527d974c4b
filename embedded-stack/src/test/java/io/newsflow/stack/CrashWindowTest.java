package io.newsflow.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashWindowTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theFifthCrashWithinTwoMinutesIsTheLast() {
        CrashWindow window = new CrashWindow(5, Duration.ofMinutes(2));
        for (int i = 0; i < 4; i++) {
            assertFalse(window.crashedAt(i * 25 * SECOND), "crash " + (i + 1));
        }
        assertTrue(window.crashedAt(119 * SECOND));
    }

    @Test
    void crashesOlderThanTheWindowNoLongerCount() {
        CrashWindow window = new CrashWindow(5, Duration.ofMinutes(2));
        for (int i = 0; i < 4; i++) {
            assertFalse(window.crashedAt(i * 40 * SECOND));
        }
        // 0 s and 40 s are more than two minutes before 161 s: three crashes in the window with this one.
        assertFalse(window.crashedAt(161 * SECOND));
        assertFalse(window.crashedAt(170 * SECOND));
        assertTrue(window.crashedAt(175 * SECOND), "80, 120, 161, 170 and 175 s: five within two minutes");
    }
}
