package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads booked transactions with their lines, exactly as stored (the audit chain hashes what this returns). */
public final class TransactionQueries {

    private TransactionQueries() {
    }

    /** Each transaction's lines by its key ({@code t.id}), in booking order. */
    private static final String LINES = "cross join lateral (select l.account_id, l.instrument, l.status, l.delta,"
            + " l.line_no from transaction_line l where l.transaction_id = t.id offset 0) l";
    private static final String COLUMNS = "select t.id, t.type, t.initiator, t.booked_at, l.account_id, l.instrument,"
            + " l.status, l.delta from ";

    /**
     * @param where a condition on {@code t} (registry_transaction), with $n parameters from {@code args}
     * @param order an order over {@code t}, lines follow in booking order
     */
    public static Uni<List<BookedTransaction>> find(SqlClient sql, String where, String order, Tuple args) {
        // "offset 0" keeps the planner from turning the lateral lines into a join it may plan as a scan of every
        // line (it did, on a table that was never analyzed).
        return read(sql, COLUMNS + "registry_transaction t " + LINES + " where " + where + " order by " + order
                + ", l.line_no", args);
    }

    /**
     * The transactions whose ids {@code ids} selects (a query with a column {@code id}), in booking order, each
     * looked up by its key. Given "t.id in (...)" instead, the planner hashed a scan of every transaction booked so
     * far against the ids: each round of the audit chain read the whole table, a little more every round.
     */
    public static Uni<List<BookedTransaction>> withIds(SqlClient sql, String ids, Tuple args) {
        return read(sql, COLUMNS + "(" + ids + ") k cross join lateral (select t.id, t.seq, t.type, t.initiator,"
                + " t.booked_at from registry_transaction t where t.id = k.id offset 0) t " + LINES
                + " order by t.seq, l.line_no", args);
    }

    private static Uni<List<BookedTransaction>> read(SqlClient sql, String query, Tuple args) {
        return sql.preparedQuery(query)
                .execute(args)
                .map(rows -> {
                    Map<UUID, List<Row>> byId = new LinkedHashMap<>();
                    rows.forEach(r -> byId.computeIfAbsent(r.getUUID("id"), k -> new ArrayList<>()).add(r));
                    List<BookedTransaction> result = new ArrayList<>(byId.size());
                    byId.forEach((id, lines) -> result.add(toTransaction(id, lines)));
                    return result;
                });
    }

    public static Uni<BookedTransaction> byId(SqlClient sql, UUID id) {
        return find(sql, "t.id = $1", "t.seq", Tuple.of(id)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private static BookedTransaction toTransaction(UUID id, List<Row> lines) {
        Row first = lines.get(0);
        return new BookedTransaction(id, TransactionType.valueOf(first.getString("type")), first.getString("initiator"),
                first.getOffsetDateTime("booked_at").toInstant(),
                lines.stream().map(r -> new BookedTransaction.Line(r.getString("account_id"), r.getString("instrument"),
                        r.getString("status"), r.getLong("delta"))).toList());
    }
}
