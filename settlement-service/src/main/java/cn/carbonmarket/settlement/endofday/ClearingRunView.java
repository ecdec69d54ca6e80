package cn.carbonmarket.settlement.endofday;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A trade date's clearing run: its totals, what became of its delivery at the registry, and every party's net
 * delivery and cash per instrument.
 */
public record ClearingRunView(String runId, LocalDate tradeDate, long trades, long feesFen, String startedBy,
                              OffsetDateTime completedAt, Delivery delivery, List<Position> positions) {

    public record Position(String partyId, String instrument, long netUnits, long netCashFen) {
    }

    /**
     * The registry's answer to the run's instructions. {@code publications} counts sendings (the first and every
     * operator's resend); the last rejection stays visible after a resend, until the run is delivered.
     */
    public record Delivery(DeliveryState state, int publications, OffsetDateTime publishedAt, UUID transactionId,
                           OffsetDateTime deliveredAt, String rejectionCode, String rejectionReason,
                           OffsetDateTime rejectedAt) {
    }

    /** A run in a list: its totals and delivery, without the positions. */
    public record Summary(String runId, LocalDate tradeDate, long trades, long feesFen, OffsetDateTime completedAt,
                          Delivery delivery) {
    }
}
