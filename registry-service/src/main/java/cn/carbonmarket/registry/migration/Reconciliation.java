package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.registry.migration.export.ControlTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upload against its pilot's control totals, before anything is written: per instrument the tonnes to book (to
 * holders and to suspense) must equal the control total exactly, the holding rows counted must be as many as the
 * control counts, and no row may be unreadable (its units would be unaccounted for).
 */
record Reconciliation(List<MigrationReport.InstrumentTotal> instruments, MigrationReport.HoldingRows holdingRows,
                      long unreadableRows) {

    static Reconciliation of(ControlTotals control, ImportTally tally) {
        Map<InstrumentCode, Long> toHolders = tally.toHolders();
        Map<InstrumentCode, Long> toSuspense = tally.toSuspense();
        Set<InstrumentCode> all = new TreeSet<>(ImportTally.INSTRUMENT_ORDER);
        all.addAll(control.tonnesByInstrument().keySet());
        all.addAll(toHolders.keySet());
        all.addAll(toSuspense.keySet());
        List<MigrationReport.InstrumentTotal> instruments = new ArrayList<>();
        for (InstrumentCode instrument : all) {
            long expected = control.tonnesByInstrument().getOrDefault(instrument, 0L);
            long holders = toHolders.getOrDefault(instrument, 0L);
            long suspense = toSuspense.getOrDefault(instrument, 0L);
            long booked = Math.addExact(holders, suspense);
            instruments.add(new MigrationReport.InstrumentTotal(instrument.toString(), expected, holders, suspense,
                    booked, Math.subtractExact(booked, expected)));
        }
        RowCounters counters = tally.counters();
        long counted = counters.rowsBooked() + counters.rowsSetAside();
        return new Reconciliation(instruments, new MigrationReport.HoldingRows(control.holdingRows(), counted,
                counted - control.holdingRows()), counters.rowsFailed());
    }

    boolean reconciles() {
        return unreadableRows == 0 && holdingRows.difference() == 0
                && instruments.stream().allMatch(i -> i.difference() == 0);
    }

    /** Why it does not reconcile, in a sentence. */
    String discrepancy() {
        List<String> reasons = new ArrayList<>();
        if (unreadableRows > 0) {
            reasons.add(unreadableRows + " rows cannot be read");
        }
        long instrumentsOff = instruments.stream().filter(i -> i.difference() != 0).count();
        if (instrumentsOff > 0) {
            reasons.add(instrumentsOff + " instruments differ from the control totals");
        }
        if (holdingRows.difference() != 0) {
            reasons.add(holdingRows.counted() + " holding rows counted, the control totals say "
                    + holdingRows.control());
        }
        return String.join("; ", reasons) + "; nothing was booked";
    }
}
