package cn.carbonmarket.allocation.reserve;

import java.time.Instant;

/**
 * One movement of the stability reserve, with its evidence: the auction's clearing price and the trigger or floor
 * price it was measured against, or the run it was set aside at; the registry's transaction once booked.
 */
public record ReserveMovement(String movementId, String jurisdiction, String instrument, MovementKind kind,
                              long tonnes, String reason, MovementStatus status, String periodId, String auctionRef,
                              String runId, Long clearingPriceFen, Long thresholdFen, String transactionId,
                              Instant recordedAt, Instant bookedAt) {

    /** A movement about to be recorded (PENDING). */
    public static ReserveMovement pending(String movementId, String jurisdiction, String instrument,
                                          MovementKind kind, long tonnes, String reason, String periodId,
                                          String auctionRef, String runId, Long clearingPriceFen, Long thresholdFen,
                                          Instant at) {
        return new ReserveMovement(movementId, jurisdiction, instrument, kind, tonnes, reason, MovementStatus.PENDING,
                periodId, auctionRef, runId, clearingPriceFen, thresholdFen, null, at, null);
    }
}
