package cn.carbonmarket.settlement.clearing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Where the consumer's polls of {@code trading.trades} reach the clearing: every poll that arrived while the
 * previous transaction ran is cleared in the next one ({@link TradePolls}).
 */
@ApplicationScoped
public class TradeIntake {

    private final TradeClearing clearing;

    public TradeIntake(TradeClearing clearing) {
        this.clearing = clearing;
    }

    @Incoming("trading-trades")
    public Flow.Subscriber<Message<List<String>>> trades() {
        return new TradePolls(clearing::clear);
    }
}
