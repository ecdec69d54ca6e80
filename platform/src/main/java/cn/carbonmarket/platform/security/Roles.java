package cn.carbonmarket.platform.security;

/** The realm roles (docs/architecture.md, Actors and roles), as constants for {@code @RolesAllowed}. */
public final class Roles {

    public static final String REGULATOR = "regulator";
    public static final String PROVINCIAL_AUTHORITY = "provincial-authority";
    public static final String COMPLIANCE_ENTITY = "compliance-entity";
    public static final String INVESTOR = "investor";
    public static final String VERIFIER = "verifier";
    public static final String EXCHANGE_OPERATOR = "exchange-operator";
    public static final String CLEARING_BANK = "clearing-bank";
    public static final String MARKET_DATA = "market-data";
    public static final String EVENT_READER = "event-reader";
    /** The settlement service itself (its service account), asking trading to hold or report balances. */
    public static final String CLEARING_HOUSE = "clearing-house";

    private Roles() {
    }
}
