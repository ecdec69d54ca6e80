package cn.carbonmarket.settlement.reconciliation;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reconciles on a schedule ({@code settlement.reconciliation.every}, e.g. 15m; "off" in tests). */
@ApplicationScoped
public class ReconciliationJob {

    private final Reconciliations reconciliations;

    public ReconciliationJob(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Scheduled(every = "${settlement.reconciliation.every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return reconciliations.run().replaceWithVoid();
    }
}
