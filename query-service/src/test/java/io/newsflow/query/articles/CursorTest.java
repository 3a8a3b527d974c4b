package io.newsflow.query.articles;

import io.newsflow.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorTest {

    @Test
    void anEncodedCursorParsesBackUrlSafe() {
        String encoded = new Cursor(9_007_199_254_740_993L).encode();

        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertEquals(new Cursor(9_007_199_254_740_993L), Cursor.parse(encoded));
        assertNull(Cursor.parse(null));
    }

    @Test
    void foreignValuesAreRejected() {
        for (String value : new String[] {"", "42", "%%%", "c3g"}) {
            assertThrows(ProblemException.class, () -> Cursor.parse(value), value);
        }
    }
}
