package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.platform.job.SingleRun;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prepares the auctions whose preparation time (the pack's lead before the window opens) has come. Each due auction
 * is claimed with {@code for update skip locked} and prepared only while SCHEDULED, so two replicas never prepare
 * one twice; the run itself is once per period across the replicas too ({@link SingleRun}, job {@value #JOB}), so
 * they do not both scan for due auctions every minute and each period's run is on record.
 */
@ApplicationScoped
public class AutoPreparation {

    static final String JOB = "allocation.auction-preparation";
    private static final Logger LOG = Logger.getLogger(AutoPreparation.class);

    private final AuctionPreparation preparation;
    private final SingleRun singleRun;
    private final String every;

    AutoPreparation(AuctionPreparation preparation, SingleRun singleRun,
                    @ConfigProperty(name = "allocation.auction.prepare-every") String every) {
        this.preparation = preparation;
        this.singleRun = singleRun;
        this.every = every;
    }

    @Scheduled(every = "${allocation.auction.prepare-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run(ScheduledExecution execution) {
        return singleRun.once(JOB, every, execution.getScheduledFireTime(), this::prepare).replaceWithVoid();
    }

    private Uni<Integer> prepare() {
        return preparation.prepareDue().invoke(prepared -> {
            if (prepared > 0) {
                LOG.infof("%d auctions prepared", prepared);
            }
        });
    }
}
