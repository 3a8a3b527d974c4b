package io.newsflow.enrich.failure;

import io.newsflow.events.InvalidEventException;
import jakarta.persistence.PersistenceException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Failures as the JDBC driver, Hibernate, Agroal and Kafka raise them, sorted by what a retry can do. */
class FailureClassifierTest {

    @Test
    void aDatabaseAwayIsTransientHoweverDeeplyWrapped() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5433 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        Failure failure = FailureClassifier.classify(new PersistenceException("could not prepare statement",
                new JDBCConnectionException("could not prepare statement", refused)));
        assertEquals(FailureKind.TRANSIENT, failure.kind());
        assertEquals("database", failure.waitingFor());

        for (String state : new String[] {"08006", "08003", "57P01", "57P02", "57P03", "53300"}) {
            assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(new RuntimeException(new SQLException("x", state))).kind(), state);
        }
        assertEquals(FailureKind.TRANSIENT, FailureClassifier.classify(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))).kind(),
                "Agroal's pool timeout");
    }

    @Test
    void locksDeadlocksSerializationAndTimeoutsWaitForALock() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014"}) {
            Failure failure = FailureClassifier.classify(new PersistenceException(new SQLException("x", state)));
            assertEquals(FailureKind.TRANSIENT, failure.kind(), state);
            assertEquals("lock", failure.waitingFor(), state);
        }
        assertEquals("kafka", FailureClassifier.classify(new RuntimeException(new NotLeaderOrFollowerException("moved"))).waitingFor());
    }

    @Test
    void aUniqueKeyIsAConflictAndBugsAndBadDataAreDeterministic() {
        assertEquals(FailureKind.CONFLICT, FailureClassifier.classify(new PersistenceException(new SQLException("duplicate key", "23505"))).kind());
        for (RuntimeException bug : new RuntimeException[] {
                new PersistenceException(new SQLException("value too long for type character varying(200)", "22001")),
                new PersistenceException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")),
                new NullPointerException("entity"),
                new InvalidEventException("missing body"),
                new IllegalStateException("A different object with the same identifier value was already associated with the session")}) {
            assertEquals(FailureKind.DETERMINISTIC, FailureClassifier.classify(bug).kind(), bug.toString());
        }
    }

    @Test
    void theFingerprintIgnoresIdsAndValuesButNotTheKindOfFailure() {
        String one = FailureClassifier.classify(failAt("Key (article_id, entity_id)=(a1b2c3d4e5f6a7b8, person/lara) already exists, 42 rows")).fingerprint();
        String other = FailureClassifier.classify(failAt("Key (article_id, entity_id)=(ffffeeee11112222, person/kim) already exists, 7 rows")).fingerprint();
        assertEquals(one, other);
        assertEquals(12, one.length());
        assertNotEquals(one, FailureClassifier.classify(new IllegalArgumentException("Key (article_id, entity_id)=(a1, b) already exists, 1 rows")).fingerprint());
        assertNotEquals(one, FailureClassifier.classify(failAt("a different message altogether")).fingerprint());
    }

    private static IllegalStateException failAt(String message) {
        // Thrown from one place, as the same bug is for every article.
        return new IllegalStateException(message);
    }
}
