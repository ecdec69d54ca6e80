package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.Jurisdiction;

/** The ids of the system accounts (opened by the V2 migration; a period's surrender account with its first obligation). */
public final class SystemAccounts {

    private SystemAccounts() {
    }

    public static String nationalIssuance(Jurisdiction jurisdiction) {
        return AccountType.NATIONAL_ISSUANCE.name() + "-" + jurisdiction.name();
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
