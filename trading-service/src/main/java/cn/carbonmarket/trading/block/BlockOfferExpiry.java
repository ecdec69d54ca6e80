package cn.carbonmarket.trading.block;

import cn.carbonmarket.trading.leadership.NotLeading;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records the expiry of offers whose block session has ended, so that queries by state see it. */
@ApplicationScoped
public class BlockOfferExpiry {

    private final BlockDesk desk;

    public BlockOfferExpiry(BlockDesk desk) {
        this.desk = desk;
    }

    @Scheduled(every = "${market.trading.block.expiry-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotLeading.class)
    Uni<Void> run() {
        return desk.expire().replaceWithVoid();
    }
}
