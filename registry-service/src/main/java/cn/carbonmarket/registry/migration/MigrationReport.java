package cn.carbonmarket.registry.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a finished job found: the reconciliation with the pilot's control totals, per instrument and in holding rows,
 * and either what was booked (committed) or why nothing was (failed, with the first unreadable rows; all of them
 * are under /issues).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationReport(boolean reconciled, List<InstrumentTotal> instruments, HoldingRows holdingRows,
                              Booked booked, Failure failure, List<MigrationIssue> failedRows) {

    /** {@code difference} is booked − control; booked = toHolders + toSuspense. */
    public record InstrumentTotal(String instrument, long control, long toHolders, long toSuspense, long booked,
                                  long difference) {
    }

    /** Holding rows the control totals count, and those the import counted (booked and set aside). */
    public record HoldingRows(long control, long counted, long difference) {
    }

    public record Booked(long partiesAdmitted, long partiesAlreadyRegistered, long transactions) {
    }

    /** {@code code}: RECONCILIATION_FAILED, FILE_UNREADABLE, ALREADY_BOOKED, INTERRUPTED, or a booking check's code. */
    public record Failure(String code, String detail) {
    }
}
