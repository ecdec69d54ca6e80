package cn.carbonmarket.allocation.issuance;

import cn.carbonmarket.allocation.auction.RegistryAnswers;
import cn.carbonmarket.allocation.reserve.StabilityReserve;
import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.platform.outbox.EventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the registry's answers to allocation's instructions (of approved runs and of pilot enrolments) on
 * {@code registry.transactions}: the ALLOCATION booking whose reference is an instruction id, a refusal, a
 * claw-back's returns. Each answer moves its instruction only from PENDING (or REFUSED, for a booking after a
 * resend), so redeliveries change nothing. Answers about auctions (their supply and returns) and the stability
 * reserve's set-asides are handed to those; everything else on the topic (transfers, deliveries, ...) is passed over.
 */
@ApplicationScoped
public class IssuanceOutcomes {

    private static final String ALLOCATION_BOOKING = "ALLOCATION";

    private final EventCodec codec;
    private final Pool pool;
    private final IssuanceInstructionStore store;
    private final RegistryAnswers auctions;
    private final StabilityReserve reserve;
    private final Clock clock;

    IssuanceOutcomes(EventCodec codec, Pool pool, IssuanceInstructionStore store, RegistryAnswers auctions,
                     StabilityReserve reserve, Clock clock) {
        this.codec = codec;
        this.pool = pool;
        this.store = store;
        this.auctions = auctions;
        this.reserve = reserve;
        this.clock = clock;
    }

    @Incoming("registry-transactions")
    public Uni<Void> onRegistryEvent(String json) {
        return codec.decodeIf(json, TransactionBooked.TYPE).map(event -> booked(event.payload()))
                .or(() -> codec.decodeIf(json, IssuanceRefused.TYPE).map(event -> refused(event.payload())))
                .or(() -> codec.decodeIf(json, AllocationReturned.TYPE).map(event -> returned(event.payload())))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> booked(TransactionBooked booked) {
        if (ALLOCATION_BOOKING.equals(booked.type()) && ours(booked.reference())) {
            return store.issued(pool, booked.reference(), booked.transactionId(), clock.instant());
        }
        if (RegistryAnswers.answers(booked.reference())) {
            return auctions.booked(booked);
        }
        return StabilityReserve.answers(booked.reference()) ? reserve.booked(booked) : Uni.createFrom().voidItem();
    }

    private Uni<Void> refused(IssuanceRefused refused) {
        if (ours(refused.instructionId())) {
            return store.refused(pool, refused.instructionId(), refused.code(), refused.reason(), clock.instant());
        }
        if (RegistryAnswers.answers(refused.instructionId())) {
            return auctions.refused(refused);
        }
        return StabilityReserve.answers(refused.instructionId()) ? reserve.refused(refused)
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> returned(AllocationReturned returned) {
        return !ours(returned.instructionId()) ? Uni.createFrom().voidItem()
                : store.returned(pool, returned, clock.instant());
    }

    private static boolean ours(String instructionId) {
        return instructionId != null && (instructionId.startsWith(IssuanceInstructionStore.PREFIX)
                || instructionId.startsWith(IssuanceInstructionStore.PILOT_PREFIX));
    }
}
