package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.AuctionSupply;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.contracts.event.ReserveSetAside;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.issuance.IssuanceInstructionStore.Instruction;
import cn.carbonmarket.registry.party.Auctioneers;
import cn.carbonmarket.registry.transaction.Booking;
import cn.carbonmarket.registry.transaction.Initiator;
import cn.carbonmarket.registry.transaction.Movement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Carries out allocation's issuance instructions, once per instruction id however often Kafka delivers them: an
 * issue moves units from the jurisdiction's issuance account to the recipients' holding accounts (the booking's
 * idempotency key is the instruction id, its TransactionBooked names it), a claw-back takes them back
 * ({@link ClawBacks}), an auction's supply puts its volume into trading in the auctioneer's name, a set-aside moves
 * units into the stability reserve. An instruction a rule refuses books nothing and is answered with IssuanceRefused,
 * as is one allocation did not approve and sign ({@link InstructionApprovals}, UNAPPROVED_INSTRUCTION).
 */
@ApplicationScoped
public class IssuanceInstructions {

    private static final Logger LOG = Logger.getLogger(IssuanceInstructions.class);
    static final Initiator ALLOCATION = Initiator.system("allocation-service");

    private final EventCodec codec;
    private final Booking booking;
    private final ClawBacks clawBacks;
    private final Auctioneers auctioneers;
    private final IssuanceInstructionStore instructions;
    private final InstructionApprovals approvals;
    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    IssuanceInstructions(EventCodec codec, Booking booking, ClawBacks clawBacks, Auctioneers auctioneers,
                         IssuanceInstructionStore instructions, InstructionApprovals approvals, Pool pool,
                         Outbox outbox, Clock clock) {
        this.codec = codec;
        this.booking = booking;
        this.clawBacks = clawBacks;
        this.auctioneers = auctioneers;
        this.instructions = instructions;
        this.approvals = approvals;
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
        List<Uni<Void>> each = batch.stream().map(this::carryOut).toList();
        return each.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(each).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> carryOut(String json) {
        return codec.decodeIf(json, IssuanceInstruction.TYPE).map(event -> apply(event.payload()))
                .or(() -> codec.decodeIf(json, AuctionSupply.TYPE).map(event -> supply(event.payload())))
                .or(() -> codec.decodeIf(json, ReserveSetAside.TYPE).map(event -> setAside(event.payload())))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Only what allocation approved and signed as it is ({@link InstructionApprovals}); else refused whole. */
    Uni<Void> apply(IssuanceInstruction instruction) {
        Instruction recorded = Instruction.of(instruction);
        return refusedAs(recorded, () -> {
            approvals.check(instruction);
            return instruction.reason() == IssuanceInstruction.Reason.CLAW_BACK
                    ? clawBacks.apply(instruction) : issue(recorded, IssuanceMovements.issue(instruction));
        });
    }

    /**
     * An auction's supply ({@link IssuanceMovements#supply}): its movements booked together and its record written
     * in one database transaction, so that allocation sees all of it in trading or none, after the auctioneer's
     * registration (a no-op once it is registered). Only the reserve can be short (the issuance account mirrors what
     * it issues, and the supply fills the delivery account before it moves into trading): then the refusal says so.
     */
    Uni<Void> supply(AuctionSupply supply) {
        Instruction recorded = Instruction.of(supply);
        return refusedAs(recorded, () -> booking.bookTogether(IssuanceMovements.supply(supply), ALLOCATION,
                        conn -> auctioneers.register(conn).replaceWithVoid(),
                        (conn, booked) -> booked(conn, recorded, booked.get(booked.size() - 1).id()))
                .replaceWithVoid()
                .onFailure(f -> f instanceof RuleViolationException r && "INSUFFICIENT_UNITS".equals(r.code()))
                .transform(f -> new RuleViolationException("RESERVE_SHORT", "the stability reserve holds less than"
                        + " the " + supply.fromReserveTonnes() + " t auction " + supply.auctionRef() + " offers from"
                        + " it: " + f.getMessage())));
    }

    Uni<Void> setAside(ReserveSetAside setAside) {
        Instruction recorded = Instruction.of(setAside);
        return refusedAs(recorded, () -> issue(recorded, IssuanceMovements.setAside(setAside)));
    }

    /**
     * Booked with whatever else is waiting (group commit), then recorded: the booking's key makes it once, and a
     * redelivery replays it and records it again if a crash came in between.
     */
    private Uni<Void> issue(Instruction instruction, Movement movement) {
        return booking.book(movement, ALLOCATION, instruction.id())
                .chain(booked -> pool.withTransaction(conn -> booked(conn, instruction, booked.transaction().id())));
    }

    private Uni<Void> booked(SqlConnection conn, Instruction instruction, UUID transactionId) {
        return instructions.record(conn, instruction, IssuanceInstructionStore.Status.BOOKED, transactionId, null,
                null, clock.instant()).replaceWithVoid();
    }

    /** Carries the instruction out; a rule's refusal, also of the instruction as such, is recorded and published. */
    private Uni<Void> refusedAs(Instruction instruction, Supplier<Uni<? extends Void>> carryOut) {
        return Uni.createFrom().<Void>deferred(carryOut)
                .onFailure(RuleViolationException.class)
                .recoverWithUni(failure -> refuse(instruction, (RuleViolationException) failure));
    }

    /**
     * Records the refusal and publishes it in the same transaction. Every refusal of an instruction not carried out
     * is published, also of one resent after an earlier refusal, so that allocation hears each; one resent once it
     * can be carried out is carried out then, and a carried-out instruction's record never changes.
     */
    private Uni<Void> refuse(Instruction instruction, RuleViolationException refusal) {
        LOG.warnf("%s instruction %s refused: %s", instruction.reason(), instruction.id(), refusal.getMessage());
        return pool.withTransaction(conn -> instructions.record(conn, instruction,
                        IssuanceInstructionStore.Status.REFUSED, null, refusal.code(), refusal.getMessage(),
                        clock.instant())
                .flatMap(recorded -> !recorded ? Uni.createFrom().voidItem()
                        : outbox.publish(conn, IssuanceRefused.TYPE, instruction.id(),
                                new IssuanceRefused(instruction.id(), refusal.code(), refusal.getMessage()))
                                .replaceWithVoid()));
    }
}
