package cn.carbonmarket.trading.leadership;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Scheduled work of the exchange (day rollover, block offer expiry, auction closing) runs on the leader only; a
 * stopping instance is no leader any more (see {@link Leadership}), so it also skips what would meet a closed pool.
 */
@Singleton
public class NotLeading implements Scheduled.SkipPredicate {

    private final Leadership leadership;

    public NotLeading(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !leadership.accepting();
    }
}
