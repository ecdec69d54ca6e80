package cn.carbonmarket.registry.pledge;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * Releases lapsed pledges. A pledge's expiry date is a calendar date in China: it binds through that day, so the
 * run after midnight Beijing time frees it; running hourly catches up after downtime.
 */
@ApplicationScoped
public class PledgeExpiry {

    private static final Logger LOG = Logger.getLogger(PledgeExpiry.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Pledges pledges;
    private final Clock clock;

    public PledgeExpiry(Pledges pledges, Clock clock) {
        this.pledges = pledges;
        this.clock = clock;
    }

    @Scheduled(every = "${registry.pledge-expiry.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return pledges.expireBefore(LocalDate.now(clock.withZone(BEIJING)))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d lapsed pledges released", expired);
                    }
                })
                .replaceWithVoid();
    }
}
