package cn.carbonmarket.trading.order;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends the engines' trading days on the market clock, so that the accelerated demo clock rolls days as the wall
 * clock does; without orders arriving, nothing else would notice that the close has passed.
 */
@ApplicationScoped
public class DayRollover {

    private final Exchange exchange;

    public DayRollover(Exchange exchange) {
        this.exchange = exchange;
    }

    // Not once the service is stopping: its database pool closes first, and each second of the shutdown (about 9 s)
    // logged a failed run.
    @Scheduled(every = "${market.trading.rollover.check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return Uni.createFrom().completionStage(exchange::rollOver).replaceWithVoid();
    }
}
