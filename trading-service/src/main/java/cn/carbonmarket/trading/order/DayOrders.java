package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders of the current trading day that the exchange remembers: which instrument each order id is on, each
 * party's client order ids with the first order made under them, and the last order id handed out. An order of an
 * earlier day is no longer found here (its trades stay in the trade log) and its client order id is free again.
 */
@ApplicationScoped
public class DayOrders {

    /** A participant's order id of its own. */
    record ClientOrder(PartyId party, String clientOrderId) {
    }

    /** The request first made under a client order id, and its order once the desk answered. */
    record Pending(OrderRequest request, CompletableFuture<OrderView> order) {
    }

    private final Map<Long, InstrumentCode> instrumentOf = new ConcurrentHashMap<>();
    private final Map<ClientOrder, Pending> clientOrders = new ConcurrentHashMap<>();
    private final AtomicLong lastOrderId = new AtomicLong();

    long nextOrderId() {
        return lastOrderId.incrementAndGet();
    }

    long lastOrderId() {
        return lastOrderId.get();
    }

    /** Order ids continue after {@code orderId}, one a snapshot or the journal shows was handed out. */
    void handedOut(long orderId) {
        lastOrderId.accumulateAndGet(orderId, Math::max);
    }

    Optional<InstrumentCode> instrumentOf(long orderId) {
        return Optional.ofNullable(instrumentOf.get(orderId));
    }

    void placed(long orderId, InstrumentCode instrument) {
        instrumentOf.put(orderId, instrument);
    }

    /** The pending entry first made under {@code key}, or null when {@code mine} is now the first. */
    Pending claim(ClientOrder key, Pending mine) {
        return clientOrders.putIfAbsent(key, mine);
    }

    /** A refused order leaves its client order id free for a corrected one. */
    void release(ClientOrder key, Pending mine) {
        clientOrders.remove(key, mine);
    }

    /** An order the journal replays: its id and client order id are taken as when it was placed. */
    void replayed(OrderView order) {
        handedOut(order.orderId());
        placed(order.orderId(), order.instrument());
        OrderRequest request = new OrderRequest(order.clientOrderId(), order.instrument(), order.side(),
                order.price(), order.level(), order.quantity());
        clientOrders.put(new ClientOrder(order.party(), order.clientOrderId()),
                new Pending(request, CompletableFuture.completedFuture(order)));
    }

    /** The closed day's orders leave memory: their ids are not found any more, their client order ids are free. */
    void forget(DayClose closed) {
        for (OrderView order : closed.orders()) {
            instrumentOf.remove(order.orderId());
            clientOrders.computeIfPresent(new ClientOrder(order.party(), order.clientOrderId()),
                    (key, pending) -> pending.order().isDone() && !pending.order().isCompletedExceptionally()
                            && pending.order().join().orderId() == order.orderId() ? null : pending);
        }
    }
}
