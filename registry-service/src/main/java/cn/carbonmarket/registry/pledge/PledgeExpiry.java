package cn.carbonmarket.registry.pledge;

import cn.carbonmarket.platform.job.SingleRun;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Releases lapsed pledges. A pledge's expiry date is a calendar date in China: it binds through that day, so the
 * run after midnight Beijing time frees it; running hourly catches up after downtime. Once per hour across the
 * registry's replicas ({@link SingleRun}, job {@value #JOB}).
 */
@ApplicationScoped
public class PledgeExpiry {

    private static final Logger LOG = Logger.getLogger(PledgeExpiry.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String JOB = "registry.pledge-expiry";

    private final Pledges pledges;
    private final Clock clock;
    private final SingleRun singleRun;
    private final String every;

    public PledgeExpiry(Pledges pledges, Clock clock, SingleRun singleRun,
                        @ConfigProperty(name = "registry.pledge-expiry.every", defaultValue = "1h") String every) {
        this.pledges = pledges;
        this.clock = clock;
        this.singleRun = singleRun;
        this.every = every;
    }

    @Scheduled(every = "${registry.pledge-expiry.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run(ScheduledExecution execution) {
        return singleRun.once(JOB, every, execution.getScheduledFireTime(), this::expire).replaceWithVoid();
    }

    private Uni<Integer> expire() {
        return pledges.expireBefore(LocalDate.now(clock.withZone(BEIJING)))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d lapsed pledges released", expired);
                    }
                });
    }
}
