package cn.carbonmarket.registry.audit;

import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit chain in PostgreSQL: its records (audit_record), the queue of booked transactions waiting to be chained
 * (audit_pending, which the booking fills in the statement that writes the transactions), and the advisory lock
 * that makes one chainer at a time.
 */
@ApplicationScoped
class AuditStore {

    private static final long CHAIN_LOCK = 0x6175646974L;
    private static final String COLUMNS = "seq, transaction_id, prev_hash, hash, key_id";

    private static final ColumnBatch<Link> RECORDS = new ColumnBatch<Link>()
            .column(Long.class, Link::seq)
            .column(UUID.class, Link::transactionId)
            .column(String.class, Link::previousHash)
            .column(String.class, Link::hash)
            .column(String.class, Link::keyId);

    /**
     * One audit record: its place in the chain, its transaction, the hashes that link it and the id of the key its
     * link is made with (null for a record chained before the chain had a key).
     */
    record Link(long seq, UUID transactionId, String previousHash, String hash, String keyId) {
    }

    /** Waits for the chainer's lock until the caller's transaction ends. */
    static Uni<Void> lockChain(SqlConnection conn) {
        return conn.query("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").execute().replaceWithVoid();
    }

    /** Takes the chainer's lock for the caller's transaction if no one holds it. */
    Uni<Boolean> tryLockChain(SqlConnection conn) {
        return conn.query("select pg_try_advisory_xact_lock(" + CHAIN_LOCK + ")").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The last record of the chain; null while the chain is empty. */
    Uni<Link> head(SqlConnection conn) {
        return conn.query("select " + COLUMNS + " from audit_record order by seq desc limit 1")
                .execute().map(rows -> rows.size() == 0 ? null : link(rows.iterator().next()));
    }

    /** The ids of the transactions longest waiting to be chained, in booking order. */
    Uni<UUID[]> pending(SqlConnection conn, int limit) {
        return conn.preparedQuery("select transaction_id from audit_pending order by transaction_seq limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(r -> ids.add(r.getUUID("transaction_id")));
                    return ids.toArray(UUID[]::new);
                });
    }

    /** Appends the records; their transactions stop waiting. */
    Uni<Void> append(SqlConnection conn, List<Link> links) {
        return Uni.combine().all().unis(
                        RECORDS.execute(conn, "insert into audit_record (seq, transaction_id, prev_hash, hash, key_id,"
                                + " chained_at) select s, t, p, h, k, now() from unnest($1::bigint[], $2::uuid[],"
                                + " $3::text[], $4::text[], $5::text[]) as r(s, t, p, h, k)", links),
                        conn.preparedQuery("delete from audit_pending where transaction_id = any($1)")
                                .execute(Tuple.of(links.stream().map(Link::transactionId).toArray(UUID[]::new))))
                .discardItems();
    }

    Uni<Long> pendingCount(SqlConnection conn) {
        return conn.query("select count(*) from audit_pending").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The records after {@code afterSeq}, in chain order, at most {@code limit}. */
    Uni<List<Link>> after(SqlConnection conn, long afterSeq, int limit) {
        return conn.preparedQuery("select " + COLUMNS + " from audit_record where seq > $1"
                        + " order by seq limit " + limit).execute(Tuple.of(afterSeq))
                .map(rows -> {
                    List<Link> links = new ArrayList<>(rows.size());
                    rows.forEach(r -> links.add(link(r)));
                    return links;
                });
    }

    private static Link link(Row row) {
        return new Link(row.getLong("seq"), row.getUUID("transaction_id"), row.getString("prev_hash"),
                row.getString("hash"), row.getString("key_id"));
    }
}
