package cn.carbonmarket.trading.block;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every off-book trade the service printed during the test run, as a trade publisher would receive it. */
@ApplicationScoped
public class RecordedTrades implements OffBookTrades {

    private final Queue<OffBookTrade> trades = new ConcurrentLinkedQueue<>();

    @Override
    public Uni<Void> executed(OffBookTrade trade) {
        trades.add(trade);
        return Uni.createFrom().voidItem();
    }

    public List<OffBookTrade> withIdStartingWith(String prefix) {
        return trades.stream().filter(trade -> trade.tradeId().startsWith(prefix)).toList();
    }
}
