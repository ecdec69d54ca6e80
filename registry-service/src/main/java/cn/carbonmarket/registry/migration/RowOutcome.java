package cn.carbonmarket.registry.migration;

import java.util.Locale;

/** What the import made of one record of an export. */
public enum RowOutcome {
    /** Booked to its holder's holding account (a zero-tonne row books nothing but counts). */
    BOOKED,
    /** Its holder could not be identified: booked to the pilot's suspense account until the regulator assigns it. */
    SET_ASIDE,
    /** An exact duplicate of an earlier record, which the control totals leave out. */
    DROPPED,
    /** Unreadable (a quantity or instrument that is not one): it fails the reconciliation. */
    FAILED;

    /** The metric tag, e.g. set_aside. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
