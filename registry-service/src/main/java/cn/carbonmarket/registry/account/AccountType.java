package cn.carbonmarket.registry.account;

/**
 * The kinds of registry account. Every party has one HOLDING account; the others are system accounts that only
 * the regulator, or events from the service that owns the flow, may move units in or out of.
 */
public enum AccountType {
    HOLDING(false),
    /** Per jurisdiction; mirrors what was issued, so it is the one account whose holdings go negative. */
    NATIONAL_ISSUANCE(true),
    AUCTION_DELIVERY(true),
    STABILITY_RESERVE(true),
    /** Per jurisdiction and compliance period: units surrendered against obligations. */
    SURRENDER(true),
    VOLUNTARY_CANCELLATION(true),
    /** Per pilot: where migrated units come from (mirrors the pilot's registry, goes negative like issuance). */
    MIGRATION_SOURCE(true),
    /** Per pilot: migrated units whose holder could not be identified, until the regulator assigns them. */
    MIGRATION_SUSPENSE(true);

    private final boolean system;

    AccountType(boolean system) {
        this.system = system;
    }

    public boolean isSystem() {
        return system;
    }

    /** Units credited here have left circulation for good (surrendered or voluntarily cancelled): none leave it. */
    public boolean retiresUnits() {
        return this == SURRENDER || this == VOLUNTARY_CANCELLATION;
    }

    /** Only the mirror accounts may show negative holdings: they count what left them, not what they hold. */
    public boolean mayGoNegative() {
        return this == NATIONAL_ISSUANCE || this == MIGRATION_SOURCE;
    }
}
