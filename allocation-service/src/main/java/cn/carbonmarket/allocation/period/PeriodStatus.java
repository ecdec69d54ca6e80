package cn.carbonmarket.allocation.period;

/** Where a compliance period stands in the annual cycle; it moves forward one step at a time, never back. */
public enum PeriodStatus {
    DRAFT, ALLOCATING, REPORTING, SURRENDER, CLOSED;

    /** Whether a period in this status may move to {@code next}: the following status only (or stay). */
    boolean mayBecome(PeriodStatus next) {
        return next == this || next.ordinal() == ordinal() + 1;
    }
}
