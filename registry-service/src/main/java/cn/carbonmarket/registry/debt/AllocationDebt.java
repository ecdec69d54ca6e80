package cn.carbonmarket.registry.debt;

import java.time.Instant;
import java.util.List;

/** What a party owes of one instrument after claw-backs, and the claw-back instructions that left each part. */
public record AllocationDebt(String instrument, long tonnes, List<Instruction> instructions) {

    public record Instruction(String instructionId, long tonnes, Instant recordedAt) {
    }

    public AllocationDebt {
        instructions = List.copyOf(instructions);
    }
}
