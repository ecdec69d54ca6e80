package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Carries out allocation's issuance instructions, once per instruction id however often Kafka delivers them: an
 * issue moves units from the jurisdiction's issuance account to the recipients' holding accounts (the booking's
 * idempotency key is the instruction id, its TransactionBooked names it), a claw-back takes them back
 * ({@link ClawBacks}). An instruction a rule refuses books nothing and is answered with IssuanceRefused.
 */
@ApplicationScoped
public class IssuanceInstructions {

    private static final Logger LOG = Logger.getLogger(IssuanceInstructions.class);
    static final Initiator ALLOCATION = Initiator.system("allocation-service");

    private final EventCodec codec;
    private final Booking booking;
    private final ClawBacks clawBacks;
    private final IssuanceInstructionStore instructions;
    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    IssuanceInstructions(EventCodec codec, Booking booking, ClawBacks clawBacks,
                         IssuanceInstructionStore instructions, Pool pool, Outbox outbox, Clock clock) {
        this.codec = codec;
        this.booking = booking;
        this.clawBacks = clawBacks;
        this.instructions = instructions;
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A poll's instructions are carried out side by side: an approved allocation run sends one per entity, thousands at
     * once, and issues waiting together share a group commit, where one at a time would take a database transaction
     * each. Different instruction ids are independent; the same id twice is booked once (the booking's key).
     */
    @Incoming("issuance-instructions")
    public Uni<Void> onInstructions(List<String> batch) {
        List<Uni<Void>> each = batch.stream().map(json -> codec.decodeIf(json, IssuanceInstruction.TYPE)
                        .map(event -> apply(event.payload()))
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .toList();
        return each.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(each).andCollectFailures().replaceWithVoid();
    }

    Uni<Void> apply(IssuanceInstruction instruction) {
        Uni<Void> carriedOut = instruction.reason() == IssuanceInstruction.Reason.CLAW_BACK
                ? clawBacks.apply(instruction) : issue(instruction);
        return carriedOut.onFailure(RuleViolationException.class)
                .recoverWithUni(failure -> refuse(instruction, (RuleViolationException) failure));
    }

    /**
     * Booked with whatever else is waiting (group commit), then recorded: the booking's key makes it once, and a
     * redelivery replays it and records it again if a crash came in between.
     */
    private Uni<Void> issue(IssuanceInstruction instruction) {
        return booking.book(IssuanceMovements.issue(instruction), ALLOCATION, instruction.instructionId())
                .chain(booked -> pool.withTransaction(conn -> instructions.record(conn, instruction,
                        IssuanceInstructionStore.Status.BOOKED, booked.transaction().id(), null, null,
                        clock.instant())))
                .replaceWithVoid();
    }

    /**
     * Records the refusal and publishes it in the same transaction. Every refusal of an instruction not carried out
     * is published, also of one resent after an earlier refusal, so that allocation hears each; one resent once it
     * can be carried out is carried out then, and a carried-out instruction's record never changes.
     */
    private Uni<Void> refuse(IssuanceInstruction instruction, RuleViolationException refusal) {
        LOG.warnf("issuance instruction %s refused: %s", instruction.instructionId(), refusal.getMessage());
        return pool.withTransaction(conn -> instructions.record(conn, instruction,
                        IssuanceInstructionStore.Status.REFUSED, null, refusal.code(), refusal.getMessage(),
                        clock.instant())
                .flatMap(recorded -> !recorded ? Uni.createFrom().voidItem()
                        : outbox.publish(conn, IssuanceRefused.TYPE, instruction.instructionId(),
                                new IssuanceRefused(instruction.instructionId(), refusal.code(), refusal.getMessage()))
                                .replaceWithVoid()));
    }
}
