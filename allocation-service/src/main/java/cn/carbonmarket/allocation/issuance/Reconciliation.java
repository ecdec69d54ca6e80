package cn.carbonmarket.allocation.issuance;

/**
 * A period's issuance checked against its approvals: the net tonnes approved runs allocated (issued minus clawed
 * back), the instructions approval wrote for them, and what the registry confirmed: issued, returned from holdings,
 * recorded as debt, still pending or refused. Balanced when every instruction is answered and confirmed issued minus
 * returned minus debt equals the approved total.
 */
public record Reconciliation(String periodId, long approvedTonnes, long instructedTonnes, long issuedTonnes,
                             long returnedTonnes, long debtTonnes, int instructions, int pending, long pendingTonnes,
                             int refused, long refusedTonnes, boolean balanced) {

    static Reconciliation of(String periodId, long approved, long instructed, long issued, long returned, long debt,
                             int instructions, int pending, long pendingTonnes, int refused, long refusedTonnes) {
        boolean balanced = pending == 0 && refused == 0 && instructed == approved
                && issued - returned - debt == approved;
        return new Reconciliation(periodId, approved, instructed, issued, returned, debt, instructions, pending,
                pendingTonnes, refused, refusedTonnes, balanced);
    }
}
