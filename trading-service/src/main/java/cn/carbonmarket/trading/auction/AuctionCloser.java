package cn.carbonmarket.trading.auction;

import cn.carbonmarket.trading.leadership.NotLeading;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Closes auctions when their bid window ends, without waiting for the operator. */
@ApplicationScoped
public class AuctionCloser {

    private static final Logger LOG = Logger.getLogger(AuctionCloser.class);

    private final AuctionHouse house;

    public AuctionCloser(AuctionHouse house) {
        this.house = house;
    }

    @Scheduled(every = "${market.trading.auction.close-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotLeading.class)
    Uni<Void> run() {
        return house.closeDue().invoke(closed -> {
            if (closed > 0) {
                LOG.infof("%d auctions closed at the end of their bid window", closed);
            }
        }).replaceWithVoid();
    }
}
