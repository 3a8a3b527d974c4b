package io.newsflow.query.freshness;

import io.agroal.api.AgroalDataSource;
import io.newsflow.query.http.QueryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The data watermark as last read from the database. Re-read on a short period instead of per
 * request, so that a poll whose ETag still matches is answered 304 without touching the database:
 * a change reaches the ETags, and the answers cached under them, within one period.
 */
@ApplicationScoped
public class WatermarkService {

    private static final Logger LOG = Logger.getLogger(WatermarkService.class);

    private final AgroalDataSource dataSource;
    private final Duration period;
    private ScheduledExecutorService refresher;
    private volatile Watermark current;
    private volatile boolean failing;

    public WatermarkService(AgroalDataSource dataSource, QueryConfig config) {
        this.dataSource = dataSource;
        this.period = config.watermarkRefresh();
    }

    void start(@Observes StartupEvent event) {
        if (period.isZero()) {
            return;
        }
        refresher = Refreshers.every("watermark-refresh", period, this::refresh);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /**
     * The watermark last read; null until a read succeeded. With a zero period it is read now, one
     * small query per request, for answers that must follow every change at once.
     */
    public Watermark current() {
        if (period.isZero()) {
            refresh();
        }
        return current;
    }

    private void refresh() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version, changed_at FROM data_watermark");
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                current = new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
            if (failing) {
                LOG.info("data watermark readable again");
                failing = false;
            }
        } catch (SQLException e) {
            // While the database is out of reach nothing can commit a change either, so the last value stays true.
            if (!failing) {
                LOG.warnf("cannot read the data watermark (%s); ETags keep the last one read", e.getMessage());
                failing = true;
            }
        }
    }
}
