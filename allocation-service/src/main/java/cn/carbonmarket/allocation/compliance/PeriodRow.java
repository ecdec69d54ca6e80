package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.Jurisdiction;
import java.time.LocalDate;

/** The terms of a compliance period its obligations, status and penalties are judged by. */
record PeriodRow(String periodId, Jurisdiction jurisdiction, int firstYear, int lastYear, String instrument,
                 String benchmarkPack, LocalDate deadline95, LocalDate deadline100) {

    int years() {
        return lastYear - firstYear + 1;
    }
}
