package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.Units;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * A claw-back worked out against what its recipients hold: each returns what it has AVAILABLE of the instrument, up
 * to what is asked (a party named twice returns the second time from what the first left), and owes the rest as
 * allocation debt.
 */
record ClawBack(IssuanceInstruction instruction, List<AllocationReturned.Return> returns) {

    ClawBack {
        returns = List.copyOf(returns);
    }

    /** Everything asked back: the movement whose accounts are checked and whose holdings are locked first. */
    static Movement asked(IssuanceInstruction instruction) {
        if (instruction.recipients().isEmpty()) {
            throw new RuleViolationException("EMPTY_TRANSACTION", "a claw-back names at least one recipient");
        }
        return IssuanceMovements.withIssuanceAccount(TransactionType.ALLOCATION_RETURN, instruction.instrument(),
                instruction.recipients().stream().map(r -> new Movement.Line(
                        IssuanceMovements.availableOf(r.partyId(), instruction.instrument()),
                        Math.negateExact(r.quantity().tonnes()))).toList());
    }

    /** @param available what each recipient's AVAILABLE holding of the instrument holds now */
    static ClawBack against(IssuanceInstruction instruction, ToLongFunction<HoldingKey> available) {
        Map<HoldingKey, Long> left = new HashMap<>();
        List<AllocationReturned.Return> returns = new ArrayList<>(instruction.recipients().size());
        for (IssuanceInstruction.Recipient recipient : instruction.recipients()) {
            HoldingKey holding = IssuanceMovements.availableOf(recipient.partyId(), instruction.instrument());
            long there = left.computeIfAbsent(holding, available::applyAsLong);
            long returned = Math.min(recipient.quantity().tonnes(), there);
            left.put(holding, there - returned);
            returns.add(new AllocationReturned.Return(recipient.partyId(), recipient.quantity(), Units.of(returned),
                    recipient.quantity().minus(Units.of(returned))));
        }
        return new ClawBack(instruction, returns);
    }

    boolean returnsAny() {
        return returns.stream().anyMatch(r -> !r.returned().isZero());
    }

    /** The ALLOCATION_RETURN of what is returned, for a claw-back that {@link #returnsAny()}. */
    Movement movement() {
        return IssuanceMovements.withIssuanceAccount(TransactionType.ALLOCATION_RETURN, instruction.instrument(),
                returns.stream().filter(r -> !r.returned().isZero()).map(r -> new Movement.Line(
                        IssuanceMovements.availableOf(r.partyId(), instruction.instrument()),
                        -r.returned().tonnes())).toList());
    }

    /** What each party still owes, for the parties that owe anything, in the order they are named. */
    Map<PartyId, Long> debts() {
        Map<PartyId, Long> debts = new LinkedHashMap<>();
        returns.stream().filter(r -> !r.debt().isZero())
                .forEach(r -> debts.merge(r.partyId(), r.debt().tonnes(), Math::addExact));
        return debts;
    }

    /** @param transactionId the ALLOCATION_RETURN booked, null when nothing was returned */
    AllocationReturned event(UUID transactionId) {
        return new AllocationReturned(instruction.instructionId(), transactionId, instruction.instrument(), returns);
    }
}
