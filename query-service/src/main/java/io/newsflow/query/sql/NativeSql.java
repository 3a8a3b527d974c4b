package io.newsflow.query.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A native statement assembled from fixed fragments, with every client value as a bind parameter.
 * Native because the reads use PostgreSQL features (tsvector, epoch arithmetic) and tables that are
 * not mapped as entities.
 */
public final class NativeSql {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public NativeSql(String start) {
        text.append(start);
    }

    /** Appends a fixed fragment; never one that contains a client's value. */
    public NativeSql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Makes the statement so far a subquery: fixed text before and after it, its parameters kept. */
    public NativeSql wrap(String before, String after) {
        text.insert(0, before).append(after);
        return this;
    }

    public NativeSql bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public List<Tuple> list(EntityManager entityManager) {
        Query query = entityManager.createNativeQuery(text.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = query.getResultList();
        return tuples;
    }
}
