package cn.carbonmarket.allocation.auction;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Prepares the auctions whose preparation time (the pack's lead before the window opens) has come. Safe to run in
 * every instance: each due auction is claimed with {@code for update skip locked} and prepared only while SCHEDULED.
 */
@ApplicationScoped
public class AutoPreparation {

    private static final Logger LOG = Logger.getLogger(AutoPreparation.class);

    private final AuctionPreparation preparation;

    AutoPreparation(AuctionPreparation preparation) {
        this.preparation = preparation;
    }

    @Scheduled(every = "${allocation.auction.prepare-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return preparation.prepareDue().invoke(prepared -> {
            if (prepared > 0) {
                LOG.infof("%d auctions prepared", prepared);
            }
        }).replaceWithVoid();
    }
}
