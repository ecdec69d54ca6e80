package cn.carbonmarket.platform.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job once per period across all replicas of a service: every replica's timer fires, the first to
 * claim the period's run ({@link JobRuns}) does the work, the others skip it. The lease keeps runs from overlapping
 * while one is under way; it lapses after the job's period, so a replica that dies mid-run holds nothing back for
 * longer than one period, and the next period runs elsewhere.
 */
@ApplicationScoped
public class SingleRun {

    private static final Logger LOG = Logger.getLogger(SingleRun.class);
    /** The lease outlasts a short period a little: a run of a 2-second job may take a few seconds. */
    private static final Duration SHORTEST_LEASE = Duration.ofSeconds(30);

    private final JobRuns runs;
    private final InstanceName instance;

    public SingleRun(JobRuns runs, InstanceName instance) {
        this.runs = runs;
        this.instance = instance;
    }

    /**
     * The job's work, if this replica claims the period {@code now} falls in; true when it ran here. {@code every}
     * is the period as the job's {@code @Scheduled(every)} has it.
     */
    public Uni<Boolean> once(String job, String every, Instant now, Supplier<Uni<?>> work) {
        JobSchedule schedule = JobSchedule.every(every);
        Duration lease = schedule.every().compareTo(SHORTEST_LEASE) < 0 ? SHORTEST_LEASE : schedule.every();
        return runs.claim(job, schedule.dueAt(now), instance.name(), lease).flatMap(claim -> claim.isEmpty()
                ? Uni.createFrom().item(false)
                : Uni.createFrom().deferred(work)
                        .onFailure().call(failure -> runs.finish(claim.get(), String.valueOf(failure.getMessage())))
                        .call(() -> runs.finish(claim.get(), null))
                        .onFailure().invoke(failure -> LOG.errorf(failure, "job %s of %s failed", job,
                                claim.get().dueAt()))
                        .replaceWith(true));
    }
}
