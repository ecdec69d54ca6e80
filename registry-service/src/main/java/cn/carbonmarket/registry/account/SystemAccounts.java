package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;

/** The ids of the system accounts (opened by the V2 migration; a period's surrender account with its first obligation). */
public final class SystemAccounts {

    private SystemAccounts() {
    }

    public static String nationalIssuance(Jurisdiction jurisdiction) {
        return AccountType.NATIONAL_ISSUANCE.name() + "-" + jurisdiction.name();
    }

    /** The jurisdiction's stability reserve: allowances held back from the market and offered at auctions. */
    public static String stabilityReserve(Jurisdiction jurisdiction) {
        return AccountType.STABILITY_RESERVE.name() + "-" + jurisdiction.name();
    }

    /** The jurisdiction's auction delivery account, its auctioneer's holding account. */
    public static String auctionDelivery(Jurisdiction jurisdiction) {
        return SystemParties.auctionDeliveryAccount(jurisdiction).value();
    }

    public static String voluntaryCancellation() {
        return AccountType.VOLUNTARY_CANCELLATION.name() + "-" + Jurisdiction.CN.name();
    }

    /** The account units are surrendered into for a compliance period. */
    public static String surrender(String periodId) {
        return AccountType.SURRENDER.name() + "-" + periodId;
    }

    public static String migrationSource(Jurisdiction pilot) {
        return AccountType.MIGRATION_SOURCE.name() + "-" + pilot.name();
    }

    public static String migrationSuspense(Jurisdiction pilot) {
        return AccountType.MIGRATION_SUSPENSE.name() + "-" + pilot.name();
    }
}
