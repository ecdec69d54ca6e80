package cn.carbonmarket.allocation.compliance;

/**
 * An entity's standing for a period: its obligation in its latest version, what it surrendered of each kind, its
 * status and the tonnes still missing.
 */
public record Standing(String partyId, String name, String region, int obligationVersion, long obligationTonnes,
                       long offsetLimitTonnes, long borrowingLimitTonnes, long surrenderedTonnes,
                       long allowanceTonnes, long borrowedTonnes, long offsetTonnes, ComplianceStatus status,
                       long missingTonnes) {

    static Standing of(String partyId, String name, String region, int version, long obligation, long offsetLimit,
                       long borrowingLimit, long allowance, long borrowed, long offsets, boolean deadlinePassed) {
        long surrendered = allowance + borrowed + offsets;
        return new Standing(partyId, name, region, version, obligation, offsetLimit, borrowingLimit, surrendered,
                allowance, borrowed, offsets, ComplianceStatus.of(obligation, surrendered, deadlinePassed),
                Math.max(0, obligation - surrendered));
    }

    /** Surrendered below the share (in percent) of the obligation. */
    boolean below(int percent) {
        return surrenderedTonnes * 100 < obligationTonnes * percent;
    }
}
