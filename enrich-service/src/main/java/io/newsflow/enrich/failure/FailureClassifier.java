package io.newsflow.enrich.failure;

import io.newsflow.events.InvalidEventException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts failures by type, as Kafka Connect and Debezium do: by the exception classes and PostgreSQL
 * SQLStates anywhere in the cause chain, never by message text alone (messages change with versions and locales).
 * Whatever is not known to pass is deterministic: a failure wrongly taken as transient would block its
 * partition for ever, one wrongly taken as deterministic is one record to replay.
 */
public final class FailureClassifier {

    /**
     * PostgreSQL's codes for "try again": connection exceptions (class 08), serialization failure, deadlock,
     * lock not available, statement cancelled by a timeout, administrator/crash shutdown, cannot connect now,
     * and insufficient resources (class 53: too many connections, out of memory, disk full).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");
    private static final Set<String> LOCK_STATES = Set.of("40001", "40P01", "55P03", "57014");
    private static final String UNIQUE_VIOLATION = "23505";

    /** Agroal's pool gives up waiting for a connection with a plain SQLException and no SQLState. */
    private static final String POOL_TIMEOUT = "acquisition timeout";

    /** What differs between two failures of one kind: PostgreSQL's {@code Key (…)=(values)}, ids, numbers, quoted values. */
    private static final Pattern VARIABLE = Pattern.compile("(?i)=\\([^)]*\\)|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|\\d+|'[^']*'|\"[^\"]*\"");

    private FailureClassifier() {
    }

    public static Failure classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                return of(FailureKind.TRANSIENT, LOCK_STATES.contains(state) ? "lock" : "database", t);
            }
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException || t instanceof QueryTimeoutException) {
                return of(FailureKind.TRANSIENT, "lock", t);
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || (t instanceof SQLException && state == null && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains(POOL_TIMEOUT))) {
                return of(FailureKind.TRANSIENT, "database", t);
            }
            if (t instanceof RetriableException) {
                return of(FailureKind.TRANSIENT, "kafka", t);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return of(FailureKind.CONFLICT, null, t);
            }
        }
        return of(FailureKind.DETERMINISTIC, null, telling(chain));
    }

    /**
     * The exception that says what went wrong: the event contract's refusal, or the database's own error
     * (the innermost SQLException: a batch's BatchUpdateException only points at it), else the root cause.
     */
    private static Throwable telling(List<Throwable> chain) {
        return chain.stream().filter(t -> t instanceof InvalidEventException).findFirst()
                .or(() -> chain.stream().filter(t -> t instanceof SQLException).reduce((outer, inner) -> inner))
                .orElseGet(() -> {
                    Throwable root = chain.get(0);
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    return root;
                });
    }

    private static Failure of(FailureKind kind, String waitingFor, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return new Failure(kind, waitingFor, cause.getClass().getName(), message, fingerprint(cause));
    }

    /**
     * The class, the message with its variable parts (numbers, ids, quoted values) blanked, and the first
     * frame: the same bug with another article gives the same fingerprint.
     */
    static String fingerprint(Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        String where = frames.length > 0 ? frames[0].getClassName() + "." + frames[0].getMethodName() : "";
        String shape = cause.getClass().getName() + "|" + VARIABLE.matcher(String.valueOf(cause.getMessage())).replaceAll("#") + "|" + where;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Causes and suppressed exceptions, outermost first, each once (chains may loop). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            chain.add(t);
            todo.add(t.getCause());
            if (t instanceof SQLException sql) {
                todo.add(sql.getNextException());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
