package cn.carbonmarket.allocation.run;

import cn.carbonmarket.allocation.period.PeriodStatus;

/** The terms of a compliance period a run needs, read in the run's own transaction. */
record PeriodTermsRow(String periodId, PeriodStatus status, int firstYear, int lastYear, String instrument,
                      String benchmarkPack) {

    int years() {
        return lastYear - firstYear + 1;
    }

    /** A period allocates from the moment it opens for allocation until it closes. */
    boolean allocating() {
        return status != PeriodStatus.DRAFT && status != PeriodStatus.CLOSED;
    }
}
