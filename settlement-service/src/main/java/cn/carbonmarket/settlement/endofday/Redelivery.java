package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.clearing.NetPosition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator sends a run's delivery instructions to the registry again, under the same run id: the registry books
 * a run id at most once (its idempotency key), so a resend can never deliver a run twice, whatever answers are still
 * on their way. A rejected run may be resent at once; a run still waiting for an answer only after
 * {@link DeliveryConfig#resendAfter()}; a delivered run, or one without deliveries, never.
 */
@ApplicationScoped
public class Redelivery {

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryConfig config;
    private final ClearingRuns runs;
    private final DeliveryMetrics metrics;

    public Redelivery(Pool pool, Outbox outbox, Clock clock, DeliveryConfig config, ClearingRuns runs,
                      DeliveryMetrics metrics) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.runs = runs;
        this.metrics = metrics;
    }

    public Uni<ClearingRunView> resend(LocalDate tradeDate) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery("select run_id, delivery_state, delivery_published_at"
                                + " from clearing_run where trade_date = $1 for update")
                        .execute(Tuple.of(tradeDate))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().failure(new NotFoundException("CLEARING_RUN_NOT_FOUND",
                                        "no clearing run for " + tradeDate));
                            }
                            Row run = rows.iterator().next();
                            refuseUnlessResendable(run, now);
                            return send(conn, run.getString("run_id"), tradeDate, now);
                        }))
                .invoke(() -> metrics.entered(DeliveryState.PUBLISHED))
                .chain(() -> runs.get(tradeDate));
    }

    private void refuseUnlessResendable(Row run, OffsetDateTime now) {
        String runId = run.getString("run_id");
        switch (DeliveryState.valueOf(run.getString("delivery_state"))) {
            case DELIVERED -> throw new ConflictException("RUN_DELIVERED", "the registry booked the delivery of "
                    + runId + " already; there is nothing to send again");
            case NOTHING_TO_DELIVER -> throw new ConflictException("NOTHING_TO_DELIVER", runId
                    + " moves no units; the registry is sent nothing for it");
            case PUBLISHED -> {
                OffsetDateTime resendable = run.getOffsetDateTime("delivery_published_at").plus(config.resendAfter());
                if (now.isBefore(resendable)) {
                    throw new ConflictException("AWAITING_REGISTRY", runId + " was sent at "
                            + run.getOffsetDateTime("delivery_published_at") + " and its answer is awaited; it may"
                            + " be sent again from " + resendable);
                }
            }
            case REJECTED -> {
                // The operator has seen the registry's reason and resends once it is dealt with.
            }
        }
    }

    private Uni<Void> send(SqlConnection conn, String runId, LocalDate tradeDate, OffsetDateTime now) {
        return conn.preparedQuery("select party_id, instrument, net_units, net_cash_fen from net_position"
                        + " where run_id = $1 and net_units <> 0")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    List<NetPosition> positions = new ArrayList<>(rows.size());
                    rows.forEach(r -> positions.add(new NetPosition(new PartyId(r.getUUID("party_id")),
                            InstrumentCode.parse(r.getString("instrument")), r.getLong("net_units"),
                            r.getLong("net_cash_fen"))));
                    return RunInstructions.of(runId, tradeDate, positions);
                })
                .flatMap(instructions -> outbox.publish(conn, DeliveryInstructions.TYPE, runId, instructions))
                .chain(() -> conn.preparedQuery("update clearing_run set delivery_state = 'PUBLISHED',"
                                + " delivery_published_at = $2, delivery_publications = delivery_publications + 1"
                                + " where run_id = $1")
                        .execute(Tuple.of(runId, now)))
                .replaceWithVoid();
    }
}
