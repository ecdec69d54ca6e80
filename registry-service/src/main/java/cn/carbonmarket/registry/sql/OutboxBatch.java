package cn.carbonmarket.registry.sql;

import cn.carbonmarket.contracts.event.EventType;
import cn.carbonmarket.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;

/**
 * Records many events in the outbox inside the caller's transaction. The inserts of a window are issued together,
 * so the connection pipelines them (one network wait per window, not per event); windows follow each other, so
 * the outbox keeps the events in list order.
 */
public final class OutboxBatch {

    /** The reactive PostgreSQL client's default pipelining limit: a larger window would only queue. */
    private static final int WINDOW = 256;

    private OutboxBatch() {
    }

    public static <T, P> Uni<Void> publishAll(Outbox outbox, SqlConnection conn, EventType<P> type, List<T> items,
                                              Function<T, String> key, Function<T, P> payload) {
        return Multi.createFrom().iterable(Chunks.of(items, WINDOW))
                .onItem().transformToUniAndConcatenate(window -> Uni.join().all(window.stream()
                                .map(item -> outbox.publish(conn, type, key.apply(item), payload.apply(item)))
                                .toList())
                        .andFailFast())
                .collect().last().replaceWithVoid();
    }
}
