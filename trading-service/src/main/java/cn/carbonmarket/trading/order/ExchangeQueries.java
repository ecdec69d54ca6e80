package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.engine.BookDepth;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the exchange's books say now: listed instruments, depth, and a party's orders and fills of the current
 * trading day. Each read runs on its instrument's desk thread, after the commands submitted before it.
 */
@ApplicationScoped
public class ExchangeQueries {

    private final ExchangeDesks desks;
    private final DayOrders dayOrders;

    public ExchangeQueries(ExchangeDesks desks, DayOrders dayOrders) {
        this.desks = desks;
        this.dayOrders = dayOrders;
    }

    public List<InstrumentCode> instruments() {
        return desks.instruments();
    }

    public Uni<Optional<OrderView>> order(PartyId party, long orderId) {
        return dayOrders.instrumentOf(orderId)
                .map(instrument -> ExchangeDesks.uni(desks.desk(instrument)
                        .submit(engine -> engine.order(orderId).filter(o -> o.party().equals(party)))))
                .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
    }

    /** The party's orders in every instrument, oldest first. */
    public Uni<List<OrderView>> orders(PartyId party) {
        return gather(engine -> engine.orders(party)).map(all -> all.stream()
                .sorted(Comparator.comparingLong(OrderView::orderId)).toList());
    }

    /** The party's fills in every instrument, by instrument and then in execution order. */
    public Uni<List<Fill>> fills(PartyId party) {
        return gather(engine -> engine.fills(party));
    }

    public Uni<BookDepth> depth(InstrumentCode instrument) {
        return ExchangeDesks.uni(desks.desk(instrument).submit(InstrumentEngine::depth));
    }

    /** What every desk's engine says, right now, about {@code party}. */
    private <T> Uni<List<T>> gather(Function<InstrumentEngine, List<T>> read) {
        List<CompletableFuture<List<T>>> reads = desks.all().values().stream().map(desk -> desk.submit(read))
                .toList();
        return ExchangeDesks.uni(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> all = new ArrayList<>();
            reads.forEach(r -> all.addAll(r.join()));
            return all;
        }));
    }
}
