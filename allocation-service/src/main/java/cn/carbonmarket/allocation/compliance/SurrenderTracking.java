package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the registry's SURRENDER bookings on {@code registry.transactions}: units credited to a period's surrender
 * account {@code SURRENDER-<periodId>} count for the parties whose holdings they left, per instrument and kind. A
 * transaction counts once (its id is the key), so redeliveries change nothing; every other booking is passed over.
 */
@ApplicationScoped
public class SurrenderTracking {

    private static final Logger LOG = Logger.getLogger(SurrenderTracking.class);
    private static final String SURRENDER = "SURRENDER";
    private static final String ACCOUNT_PREFIX = "SURRENDER-";

    /** Units one party surrendered in one transaction, of one instrument. */
    record Surrendered(UUID transactionId, UUID partyId, String instrument, String periodId, SurrenderKind kind,
                       long tonnes, Instant bookedAt) {
    }

    private final EventCodec codec;
    private final Pool pool;
    private final SurrenderStore store;
    private final ObligationStore periods;

    SurrenderTracking(EventCodec codec, Pool pool, SurrenderStore store, ObligationStore periods) {
        this.codec = codec;
        this.pool = pool;
        this.store = store;
        this.periods = periods;
    }

    @Incoming("registry-surrenders")
    public Uni<Void> onRegistryEvent(String json) {
        return codec.decodeIf(json, TransactionBooked.TYPE).map(event -> onBooked(event.payload()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    public Uni<Void> onBooked(TransactionBooked booked) {
        if (!SURRENDER.equals(booked.type())) {
            return Uni.createFrom().voidItem();
        }
        Map<InstrumentCode, String> periodOf = booked.lines().stream()
                .filter(line -> line.delta() > 0 && line.account().value().startsWith(ACCOUNT_PREFIX))
                .collect(Collectors.toMap(TransactionBooked.Line::instrument,
                        line -> line.account().value().substring(ACCOUNT_PREFIX.length()), (a, b) -> a));
        if (periodOf.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(conn -> periods.instruments(conn, Set.copyOf(periodOf.values()))
                .chain(instruments -> {
                    List<Surrendered> surrendered = new ArrayList<>();
                    for (TransactionBooked.Line line : booked.lines()) {
                        String periodId = periodOf.get(line.instrument());
                        if (line.delta() >= 0 || line.partyId() == null || periodId == null) {
                            continue;
                        }
                        InstrumentCode own = instruments.get(periodId);
                        if (own == null) {
                            LOG.warnf("transaction %s surrenders into %s, a period allocation does not know",
                                    booked.transactionId(), periodId);
                            continue;
                        }
                        surrendered.add(new Surrendered(booked.transactionId(), UUID.fromString(line.partyId()),
                                line.instrument().toString(), periodId, SurrenderKind.of(line.instrument(), own),
                                -line.delta(), booked.bookedAt()));
                    }
                    return store.record(conn, surrendered);
                }));
    }
}
