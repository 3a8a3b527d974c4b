package io.newsflow.query.pipeline;

import io.agroal.api.AgroalDataSource;
import io.newsflow.schema.Rollups;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many articles enrich has finished in all, read from the rollup counters enrich keeps in the
 * same transactions: two index lookups whatever the store's size. (Counting the articles stored in the
 * last minute would read every one of them, and {@code article.stored_at} has no index.)
 */
@ApplicationScoped
public class ThroughputRepository {

    private static final String FINISHED = "SELECT coalesce(sum(articles), 0) FROM rollup_total WHERE dim IN (?, ?)";

    private final AgroalDataSource dataSource;

    public ThroughputRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Articles stored plus exact duplicates dropped, since the store began. */
    long finished() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(FINISHED)) {
            s.setString(1, Rollups.ARTICLE);
            s.setString(2, Rollups.DUPLICATE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
