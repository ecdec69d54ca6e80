package cn.carbonmarket.allocation.reserve;

import java.util.List;

/**
 * A jurisdiction's stability reserve: per instrument what the registry booked into and out of it (the balance of its
 * STABILITY_RESERVE account) and what is still on its way, and every movement in the order it was recorded.
 */
public record ReserveView(String jurisdiction, String account, List<Balance> balances,
                          List<ReserveMovement> movements) {

    /**
     * {@code balanceTonnes} = booked in - booked out; {@code availableTonnes} what an auction may still be offered
     * from it (the balance less releases not yet booked).
     */
    public record Balance(String instrument, long balanceTonnes, long pendingIntakeTonnes, long pendingReleaseTonnes,
                          long availableTonnes) {
    }
}
