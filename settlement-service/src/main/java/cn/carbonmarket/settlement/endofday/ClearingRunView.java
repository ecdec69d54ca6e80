package cn.carbonmarket.settlement.endofday;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A trade date's clearing run: its totals and every party's net delivery and cash per instrument. */
public record ClearingRunView(String runId, LocalDate tradeDate, long trades, long feesFen, String startedBy,
                              OffsetDateTime completedAt, List<Position> positions) {

    public record Position(String partyId, String instrument, long netUnits, long netCashFen) {
    }
}
