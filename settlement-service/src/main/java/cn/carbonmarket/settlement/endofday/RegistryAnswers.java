package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryRunRejected;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the registry's answer to each clearing run's delivery instructions on registry.transactions: a
 * SETTLEMENT_DELIVERY booking makes the run DELIVERED, a DeliveryRunRejected makes it REJECTED. Each answer takes
 * effect once (its event id is recorded in the same transaction as the run's new state), so a redelivered answer
 * changes nothing, and an old rejection redelivered after an operator's resend cannot undo the resend.
 * <p>
 * A booking names its run (TransactionBooked's reference is the run id it was booked under) and must move exactly
 * the run's non-zero net deliveries (its IN_TRADING lines); a booking published before events carried a reference
 * is matched by content alone, the oldest trade date first should two waiting runs ever move the same units.
 */
@ApplicationScoped
public class RegistryAnswers {

    private static final Logger LOG = Logger.getLogger(RegistryAnswers.class);
    static final String CONSUMER = "settlement.delivery-answers";
    private static final String SETTLEMENT_DELIVERY = "SETTLEMENT_DELIVERY";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final ClearingRunStore runs;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public RegistryAnswers(IdempotentConsumer consumer, EventCodec codec, ClearingRunStore runs,
                           DeliveryMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.codec = codec;
        this.runs = runs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What an answer did to a run; reported once its transaction committed. */
    private interface Outcome {
        void report();
    }

    private static final Outcome NOTHING = () -> {
    };

    @Incoming("registry-delivery-answers")
    public Uni<Void> onAnswer(String json) {
        // The consumer retries a failed transaction: the metric and the log line wait for the one that commits.
        AtomicReference<Outcome> outcome = new AtomicReference<>(NOTHING);
        return codec.decodeIf(json, TransactionBooked.TYPE)
                .filter(event -> SETTLEMENT_DELIVERY.equals(event.payload().type()))
                .map(event -> consumer.once(CONSUMER, event, booked -> delivered(booked).invoke(outcome::set)))
                .or(() -> codec.decodeIf(json, DeliveryRunRejected.TYPE).map(event -> consumer.once(CONSUMER, event,
                        rejection -> rejected(rejection).invoke(outcome::set))))
                .orElseGet(() -> Uni.createFrom().voidItem())
                .invoke(() -> outcome.get().report());
    }

    private Uni<Outcome> delivered(TransactionBooked booked) {
        String deliveries = deliveriesOf(booked);
        UUID transactionId = booked.transactionId();
        OffsetDateTime bookedAt = booked.bookedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // The booking names its run (reference = the run id it was booked under); events from before it did are
        // matched by content alone. Either way the booked lines must be the run's net deliveries.
        return Panache.getSession().chain(session -> runs.runDelivering(session, deliveries, booked.reference())
                .chain(run -> run == null ? Uni.createFrom().item(unmatched(transactionId))
                        : runs.markDelivered(session, run, transactionId, bookedAt)
                                .map(updated -> updated ? deliveredOutcome(run, transactionId)
                                        : unmatched(transactionId))));
    }

    /**
     * The booking's non-zero IN_TRADING lines as "party instrument delta", ordered and joined as
     * {@link ClearingRunStore#runDelivering} renders a run's net positions (byte order: party ids and instrument
     * codes are ASCII).
     */
    static String deliveriesOf(TransactionBooked booked) {
        return booked.lines().stream()
                .filter(l -> "IN_TRADING".equals(l.status()) && l.partyId() != null && l.delta() != 0)
                .map(l -> UUID.fromString(l.partyId()) + " " + l.instrument() + " " + l.delta())
                .sorted()
                .collect(Collectors.joining(","));
    }

    private Uni<Outcome> rejected(DeliveryRunRejected rejection) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // Only a run waiting for its answer is refused: a delivered run stays delivered whatever arrives after.
        return Panache.getSession().chain(session -> runs.markRejected(session, rejection.runId(), rejection.code(),
                        rejection.reason(), now))
                .map(updated -> updated ? rejectedOutcome(rejection) : () -> LOG.warnf(
                        "the registry rejected delivery run %s, which is unknown here or not waiting for an answer;"
                                + " ignored", rejection.runId()));
    }

    private Outcome deliveredOutcome(String runId, UUID transactionId) {
        return () -> {
            metrics.entered(DeliveryState.DELIVERED);
            LOG.infof("clearing run %s delivered: registry transaction %s", runId, transactionId);
        };
    }

    private Outcome rejectedOutcome(DeliveryRunRejected rejection) {
        return () -> {
            metrics.entered(DeliveryState.REJECTED);
            LOG.errorf("clearing run %s: the registry rejected its delivery instructions (%s: %s); none of its units"
                    + " moved. Resolve the cause, then resend with POST /api/v1/clearing-runs/{tradeDate}/delivery",
                    rejection.runId(), rejection.code(), rejection.reason());
        };
    }

    private static Outcome unmatched(UUID transactionId) {
        return () -> LOG.warnf("registry SETTLEMENT_DELIVERY transaction %s matches no clearing run waiting for"
                + " delivery; ignored", transactionId);
    }
}
