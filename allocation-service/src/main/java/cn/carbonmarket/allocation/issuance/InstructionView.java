package cn.carbonmarket.allocation.issuance;

import java.time.Instant;

/**
 * An issuance instruction and the registry's answer: for a claw-back, {@code returned} and {@code debt} split the
 * tonnes asked back; for a refusal, the registry's code and reason. {@code runId} is null for a pilot enrolment's.
 */
public record InstructionView(String instructionId, String runId, String periodId, String partyId, String region,
                              String instrument, String reason, long tonnes, String status, String transactionId,
                              Long returned, Long debt, String refusalCode, String refusalReason, Instant createdAt,
                              Instant updatedAt) {
}
