package cn.carbonmarket.allocation.pilot;

import cn.carbonmarket.allocation.period.PeriodStatus;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;

/** The terms of a period an enrolment needs: whose it is, the allowance it issues, its pack and where it stands. */
record PilotPeriod(String periodId, Jurisdiction jurisdiction, InstrumentCode instrument, String pack,
                   PeriodStatus status) {
}
