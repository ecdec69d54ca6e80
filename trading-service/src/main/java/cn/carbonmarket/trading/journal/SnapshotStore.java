package cn.carbonmarket.trading.journal;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The journal snapshots in PostgreSQL (table journal_snapshot), for the journal topic this service writes: a
 * position means nothing in another topic.
 */
@ApplicationScoped
public class SnapshotStore {

    private final String topic;

    public SnapshotStore(JournalConfig config) {
        this.topic = config.topic();
    }

    /** Stores a snapshot; the same instrument and day again changes nothing (a roll is journaled once). */
    public Uni<Void> save(SqlConnection conn, JournalSnapshot snapshot, Instant takenAt) {
        return conn.preparedQuery("insert into journal_snapshot (instrument, trading_day, previous_close_fen,"
                        + " last_order_id, fill_sequence, journal_topic, journal_partition, journal_offset, taken_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing")
                .execute(Tuple.from(new Object[] {snapshot.instrument().toString(), snapshot.tradingDay(),
                        snapshot.previousClose(), snapshot.lastOrderId(), snapshot.fillSequence(), topic,
                        snapshot.position().partition(), snapshot.position().offset(),
                        takenAt.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /** Each instrument's latest snapshot in this topic. */
    public Uni<Map<InstrumentCode, JournalSnapshot>> latest(SqlConnection conn) {
        return conn.preparedQuery("select distinct on (instrument) instrument, trading_day, previous_close_fen,"
                        + " last_order_id, fill_sequence, journal_partition, journal_offset from journal_snapshot"
                        + " where journal_topic = $1 order by instrument, trading_day desc")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Map<InstrumentCode, JournalSnapshot> latest = new HashMap<>();
                    rows.forEach(row -> latest.put(InstrumentCode.parse(row.getString("instrument")), of(row)));
                    return latest;
                });
    }

    private static JournalSnapshot of(Row row) {
        return new JournalSnapshot(InstrumentCode.parse(row.getString("instrument")),
                row.getLocalDate("trading_day"), row.getLong("previous_close_fen"), row.getLong("last_order_id"),
                row.getLong("fill_sequence"), new JournalPosition(row.getInteger("journal_partition"),
                row.getLong("journal_offset")));
    }
}
