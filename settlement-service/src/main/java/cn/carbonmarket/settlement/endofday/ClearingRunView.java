package cn.carbonmarket.settlement.endofday;

import io.vertx.mutiny.sqlclient.Row;
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

        /** The columns {@link #of} reads, for a select list over {@code clearing_run}. */
        static final String COLUMNS = "delivery_state, delivery_publications, delivery_published_at,"
                + " delivery_transaction_id, delivered_at, rejection_code, rejection_reason, rejected_at";

        static Delivery of(Row row) {
            return new Delivery(DeliveryState.valueOf(row.getString("delivery_state")),
                    row.getInteger("delivery_publications"), row.getOffsetDateTime("delivery_published_at"),
                    row.getUUID("delivery_transaction_id"), row.getOffsetDateTime("delivered_at"),
                    row.getString("rejection_code"), row.getString("rejection_reason"),
                    row.getOffsetDateTime("rejected_at"));
        }
    }

    /** A run in a list: its totals and delivery, without the positions. */
    public record Summary(String runId, LocalDate tradeDate, long trades, long feesFen, OffsetDateTime completedAt,
                          Delivery delivery) {
    }
}
