package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * An operator sends a run's delivery instructions to the registry again, under the same run id: the registry books
 * a run id at most once (its idempotency key), so a resend can never deliver a run twice, whatever answers are still
 * on their way. A rejected run may be resent at once; a run still waiting for an answer only after
 * {@link DeliveryConfig#resendAfter()}; a delivered run, or one without deliveries, never.
 */
@ApplicationScoped
public class Redelivery {

    private final Pool pool;
    private final ClearingRunStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryConfig config;
    private final ClearingRuns runs;
    private final DeliveryMetrics metrics;

    public Redelivery(Pool pool, ClearingRunStore store, Outbox outbox, Clock clock, DeliveryConfig config,
                      ClearingRuns runs, DeliveryMetrics metrics) {
        this.pool = pool;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.runs = runs;
        this.metrics = metrics;
    }

    public Uni<ClearingRunView> resend(LocalDate tradeDate) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return pool.withTransaction(conn -> store.lockDelivery(conn, tradeDate)
                        .flatMap(run -> {
                            if (run == null) {
                                return Uni.createFrom().failure(new NotFoundException("CLEARING_RUN_NOT_FOUND",
                                        "no clearing run for " + tradeDate));
                            }
                            refuseUnlessResendable(run, now);
                            return send(conn, run.runId(), tradeDate, now);
                        }))
                .invoke(() -> metrics.entered(DeliveryState.PUBLISHED))
                .chain(() -> runs.get(tradeDate));
    }

    private void refuseUnlessResendable(ClearingRunStore.LockedDelivery run, OffsetDateTime now) {
        String runId = run.runId();
        switch (run.state()) {
            case DELIVERED -> throw new ConflictException("RUN_DELIVERED", "the registry booked the delivery of "
                    + runId + " already; there is nothing to send again");
            case NOTHING_TO_DELIVER -> throw new ConflictException("NOTHING_TO_DELIVER", runId
                    + " moves no units; the registry is sent nothing for it");
            case PUBLISHED -> {
                OffsetDateTime resendable = run.publishedAt().plus(config.resendAfter());
                if (now.isBefore(resendable)) {
                    throw new ConflictException("AWAITING_REGISTRY", runId + " was sent at "
                            + run.publishedAt() + " and its answer is awaited; it may"
                            + " be sent again from " + resendable);
                }
            }
            case REJECTED -> {
                // The operator has seen the registry's reason and resends once it is dealt with.
            }
        }
    }

    private Uni<Void> send(SqlConnection conn, String runId, LocalDate tradeDate, OffsetDateTime now) {
        return store.deliveries(conn, runId)
                .map(positions -> RunInstructions.of(runId, tradeDate, positions))
                .flatMap(instructions -> outbox.publish(conn, DeliveryInstructions.TYPE, runId, instructions))
                .chain(() -> store.markPublished(conn, runId, now));
    }
}
