package cn.carbonmarket.allocation.compliance;

/** Where an entity stands against its obligation for a period. */
public enum ComplianceStatus {
    /** Nothing surrendered yet, the deadline not passed. */
    OPEN,
    /** Some surrendered, not all, the deadline not passed. */
    PARTIAL,
    /** Surrendered at least the obligation. */
    COMPLIANT,
    /** The full surrender deadline passed with less than the obligation surrendered. */
    SHORTFALL;

    static ComplianceStatus of(long obligation, long surrendered, boolean deadlinePassed) {
        if (surrendered >= obligation) {
            return COMPLIANT;
        }
        if (deadlinePassed) {
            return SHORTFALL;
        }
        return surrendered == 0 ? OPEN : PARTIAL;
    }
}
