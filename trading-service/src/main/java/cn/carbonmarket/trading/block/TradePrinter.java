package cn.carbonmarket.trading.block;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/** Hands each off-book trade to every {@link OffBookTrades} bean in turn, inside the caller's transaction. */
@ApplicationScoped
public class TradePrinter {

    private final List<OffBookTrades> listeners;

    public TradePrinter(@Any Instance<OffBookTrades> listeners) {
        this.listeners = listeners.stream().toList();
    }

    public Uni<Void> print(List<OffBookTrade> trades) {
        return Multi.createFrom().iterable(trades)
                .onItem().transformToUniAndConcatenate(trade -> Multi.createFrom().iterable(listeners)
                        .onItem().transformToUniAndConcatenate(listener -> listener.executed(trade))
                        .collect().last())
                .collect().last().replaceWithVoid();
    }
}
