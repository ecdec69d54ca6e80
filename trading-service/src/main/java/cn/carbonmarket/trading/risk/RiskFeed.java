package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.trading.leadership.LeaderFeeds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How the risk view takes in another service's event: on the leader ({@link LeaderFeeds}; a standby waits for the
 * leader to have processed it) and once recovery is done, the event's effect is stored in one transaction with its
 * event id (a redelivery finds the id and changes nothing), and only after the commit is it applied in memory, so
 * memory never runs ahead of what a restart would load.
 */
@ApplicationScoped
public class RiskFeed {

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final Pool pool;
    private final PreTradeRisk risk;
    private final LeaderFeeds leaderFeeds;

    public RiskFeed(IdempotentConsumer consumer, EventCodec codec, Pool pool, PreTradeRisk risk,
                    LeaderFeeds leaderFeeds) {
        this.consumer = consumer;
        this.codec = codec;
        this.pool = pool;
        this.risk = risk;
        this.leaderFeeds = leaderFeeds;
    }

    /**
     * Events of {@code type} that {@code concern} the risk view take effect once for {@code consumerName}:
     * {@code stored} writes the effect and says what to apply in memory, {@code applied} applies it to the book.
     * Other events on the topic pass without a trace.
     */
    public <P, E> Uni<Void> once(String consumerName, String json, EventType<P> type, Predicate<P> concern,
                                 BiFunction<SqlConnection, P, Uni<E>> stored, Consumer<E> applied) {
        return codec.decodeIf(json, type).filter(event -> concern.test(event.payload()))
                .map(event -> leaderFeeds.once(consumerName, event.eventId(),
                        () -> risk.whenReady(() -> apply(consumerName, event, stored, applied))))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private <P, E> Uni<Void> apply(String consumerName, EventEnvelope<P> event,
                                   BiFunction<SqlConnection, P, Uni<E>> stored, Consumer<E> applied) {
        return pool.withTransaction(conn -> consumer.firstDeliveries(conn, consumerName, List.of(event))
                        .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().<E>nullItem()
                                : stored.apply(conn, event.payload())))
                .invoke(effect -> {
                    if (effect != null) {
                        applied.accept(effect);
                    }
                })
                .replaceWithVoid()
                // A lost connection or a serialization conflict passes on a retry; the transaction changed nothing.
                .onFailure().retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(2)).atMost(5);
    }
}
