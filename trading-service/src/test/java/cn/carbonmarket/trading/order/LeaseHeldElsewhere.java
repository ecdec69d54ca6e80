package cn.carbonmarket.trading.order;

import cn.carbonmarket.testing.Database;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Another instance holds the exchange's lease when the application starts, so that it starts as a standby: the
 * schema is migrated first (as the application would) and the lease row then given to {@link #HOLDER} in a new
 * epoch, for an hour, until a test lets it go.
 */
public class LeaseHeldElsewhere implements QuarkusTestResourceLifecycleManager {

    static final String HOLDER = "another-instance";
    static final Database DATABASE = new Database("trading");

    @Override
    public Map<String, String> start() {
        Flyway.configure().dataSource("jdbc:postgresql://127.0.0.1:5432/trading_test", "trading", "trading")
                .locations("db/platform", "db/migration").outOfOrder(true).load().migrate();
        DATABASE.update("insert into exchange_lease (name, holder, epoch, expires_at)"
                + " values ('exchange', ?, 1, now() + interval '1 hour') on conflict (name) do update"
                + " set holder = excluded.holder, epoch = exchange_lease.epoch + 1, expires_at = excluded.expires_at",
                HOLDER);
        return Map.of();
    }

    @Override
    public void stop() {
    }

    static long epoch() {
        return DATABASE.count("select epoch from exchange_lease where holder = ?", HOLDER);
    }

    /** The other instance stops cleanly: its lease ends now. */
    static void released() {
        DATABASE.update("update exchange_lease set expires_at = now() where holder = ?", HOLDER);
    }
}
