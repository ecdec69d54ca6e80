package cn.carbonmarket.trading.leadership;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Other services' events that change the exchange's memory (settlement's balances, the registry's moves into
 * trading, primary auction requests) take effect on the leader. Each instance reads them in a consumer group of
 * its own, so the leader sees every event whatever else runs; a standby lets an event pass once the leader has
 * recorded it as processed (the idempotent consumer's row), and once it leads it processes the events itself,
 * those the old leader never got to included. A standby's group thus stays about where the leader is.
 */
@ApplicationScoped
public class LeaderFeeds {

    private static final Duration LOOK_AGAIN = Duration.ofMillis(200);

    private final Leadership leadership;
    private final Pool pool;

    public LeaderFeeds(Leadership leadership, Pool pool) {
        this.leadership = leadership;
        this.pool = pool;
    }

    /** Runs {@code process} on the leader; elsewhere completes once {@code consumer} has processed the event. */
    public Uni<Void> once(String consumer, UUID eventId, Supplier<Uni<Void>> process) {
        return Uni.createFrom().deferred(() -> {
            if (leadership.holding()) {
                return process.get();
            }
            return pool.preparedQuery("select 1 from processed_event where consumer = $1 and event_id = $2")
                    .execute(Tuple.of(consumer, eventId))
                    .flatMap(rows -> rows.rowCount() > 0 ? Uni.createFrom().voidItem()
                            : Uni.createFrom().voidItem().onItem().delayIt().by(LOOK_AGAIN)
                                    .chain(() -> once(consumer, eventId, process)));
        });
    }
}
