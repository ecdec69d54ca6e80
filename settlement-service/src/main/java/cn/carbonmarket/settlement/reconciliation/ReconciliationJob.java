package cn.carbonmarket.settlement.reconciliation;

import cn.carbonmarket.platform.job.SingleRun;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reconciles on a schedule ({@code settlement.reconciliation.every}, e.g. 15m; "off" in tests), once per period
 * across settlement's replicas ({@link SingleRun}, job {@value #JOB}).
 */
@ApplicationScoped
public class ReconciliationJob {

    static final String JOB = "settlement.reconciliation";

    private final Reconciliations reconciliations;
    private final SingleRun singleRun;
    private final String every;

    public ReconciliationJob(Reconciliations reconciliations, SingleRun singleRun,
                             @ConfigProperty(name = "settlement.reconciliation.every") String every) {
        this.reconciliations = reconciliations;
        this.singleRun = singleRun;
        this.every = every;
    }

    @Scheduled(every = "${settlement.reconciliation.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run(ScheduledExecution execution) {
        return singleRun.once(JOB, every, execution.getScheduledFireTime(), () -> reconciliations.run(JOB))
                .replaceWithVoid();
    }
}
