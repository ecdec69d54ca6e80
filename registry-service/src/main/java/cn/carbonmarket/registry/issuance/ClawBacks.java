package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.registry.debt.AllocationDebtStore;
import cn.carbonmarket.registry.issuance.IssuanceInstructionStore.Instruction;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.PlannedBooking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Carries out allocation's claw-backs, each in one database transaction and once per instruction id: the
 * instruction's record is taken first (a second delivery finds it and does nothing), the recipients' holdings are
 * locked as every booking locks them, what each holds up to what is asked goes back to the issuance account as one
 * ALLOCATION_RETURN, the rest is recorded as its allocation debt, and AllocationReturned is published.
 */
@ApplicationScoped
class ClawBacks {

    private final Pool pool;
    private final PlannedBooking booking;
    private final IssuanceInstructionStore instructions;
    private final AllocationDebtStore debts;
    private final Outbox outbox;
    private final Clock clock;

    ClawBacks(Pool pool, PlannedBooking booking, IssuanceInstructionStore instructions, AllocationDebtStore debts,
              Outbox outbox, Clock clock) {
        this.pool = pool;
        this.booking = booking;
        this.instructions = instructions;
        this.debts = debts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Fails with the rule's refusal, having changed nothing, when an account refuses the claw-back. */
    Uni<Void> apply(IssuanceInstruction instruction) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> instructions.record(conn, Instruction.of(instruction),
                                IssuanceInstructionStore.Status.RETURNED, null, null, null, now)
                        .flatMap(first -> first ? carryOut(conn, instruction, now) : Uni.createFrom().voidItem()))
                // A concurrent booking inserted a holding this one inserts too (an issuance account's first units
                // of an instrument): the retry updates it.
                .onFailure(UniqueViolation::test).retry().atMost(1);
    }

    private Uni<Void> carryOut(SqlConnection conn, IssuanceInstruction instruction, Instant now) {
        String id = instruction.instructionId();
        return booking.lock(conn, ClawBack.asked(instruction), IssuanceInstructions.ALLOCATION).flatMap(locks -> {
            ClawBack clawBack = ClawBack.against(instruction, locks::quantity);
            Uni<UUID> returned = !clawBack.returnsAny() ? Uni.createFrom().nullItem()
                    : booking.book(conn, locks, clawBack.movement(), IssuanceInstructions.ALLOCATION, id)
                            .map(BookedTransaction::id)
                            .call(transactionId -> instructions.returnedBy(conn, id, transactionId));
            return returned
                    .call(() -> debts.record(conn, clawBack.debts().entrySet().stream()
                            .map(debt -> new AllocationDebtStore.Debt(id, debt.getKey(), instruction.instrument(),
                                    debt.getValue(), now)).toList()))
                    .flatMap(transactionId -> outbox.publish(conn, AllocationReturned.TYPE, id,
                            clawBack.event(transactionId)))
                    .replaceWithVoid();
        });
    }
}
