package cn.carbonmarket.trading.leadership;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The exchange's lease as one row of trading's database (exchange_lease). Expiry is judged by the database's clock
 * alone ({@code clock_timestamp()}), so the instances' clocks need not agree; the row lock orders a renewal and a
 * taking, so one of them finds the other's result. It has a connection of its own (the datasource {@code lease}), so
 * that a renewal does not wait behind the orders' statements.
 */
@ApplicationScoped
public class DatabaseExchangeLease implements ExchangeLease {

    private static final String NAME = "exchange";

    private final Pool pool;

    public DatabaseExchangeLease(@ReactiveDataSource("lease") Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<Long>> take(String holder, Duration duration) {
        return pool.preparedQuery("insert into exchange_lease (name, holder, epoch, expires_at)"
                        + " values ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')"
                        + " on conflict (name) do update set holder = excluded.holder,"
                        + " epoch = exchange_lease.epoch + 1, expires_at = excluded.expires_at"
                        + " where exchange_lease.expires_at < clock_timestamp() returning epoch")
                .execute(Tuple.of(NAME, holder, duration.toMillis()))
                .map(rows -> rows.rowCount() == 1 ? Optional.of(rows.iterator().next().getLong("epoch"))
                        : Optional.empty());
    }

    @Override
    public Uni<Boolean> renew(String holder, long epoch, Duration duration) {
        return pool.preparedQuery("update exchange_lease set expires_at = clock_timestamp() + $4 * interval"
                        + " '1 millisecond' where name = $1 and holder = $2 and epoch = $3")
                .execute(Tuple.of(NAME, holder, epoch, duration.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    @Override
    public Uni<Void> release(String holder, long epoch) {
        return pool.preparedQuery("update exchange_lease set expires_at = clock_timestamp()"
                        + " where name = $1 and holder = $2 and epoch = $3")
                .execute(Tuple.of(NAME, holder, epoch))
                .replaceWithVoid();
    }
}
