package cn.carbonmarket.registry.audit;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.TransactionStore;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The audit chain's links are keyed: a database administrator who changes a transaction and recomputes the chain as
 * the unkeyed SHA-256 did is caught, whether the records keep their key id or pretend to predate the key; only the
 * key (which the database never holds) makes a link match. A rotated key keeps the records linked with the earlier
 * key verifiable.
 */
@QuarkusTest
class KeyedAuditChainTest {

    /** The test profile's keys: local-1 links new records, local-0 is the earlier key (registry's properties). */
    private static final List<NamedKey> KEYS = NamedKey.parseAll(ConfigProvider.getConfig()
            .getValue("registry.audit.chain-key", String.class));

    @Inject
    Pool pool;
    @Inject
    TransactionStore transactions;

    /** One audit record as stored. */
    private record Row(long seq, UUID transactionId, String previousHash, String hash, String keyId) {
    }

    private static JsonPath verify() {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/audit/verify").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Books an issue of 10 t to a new entity and returns its transaction's id once the chain holds it. */
    private static String bookedAndChained() {
        String id = bookedNotWaiting();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                DB.count("select count(*) from audit_record where transaction_id = ?::uuid", id) == 1);
        return id;
    }

    private static String bookedNotWaiting() {
        String instruction = "ALLOC-" + UUID.randomUUID();
        RegistryFixtures.instruct(instruction, RegistryFixtures.instruction(instruction, "FREE_ALLOCATION",
                new RegistryFixtures.Recipient(RegistryFixtures.freshEntity(), 10)), "BOOKED");
        return DB.texts("select id::text from registry_transaction where idempotency_key = ?",
                "system/allocation-service:" + instruction).get(0);
    }

    private BookedTransaction transaction(UUID id) {
        return pool.withConnection(conn -> transactions.withIds(conn, new UUID[] {id})).await()
                .atMost(Duration.ofSeconds(10)).get(0);
    }

    /** Keeps the service's chainer out while the test writes the chain as someone with the database would. */
    private static Connection holdingTheChain() throws SQLException {
        Connection conn = DB.connect();
        try (Statement lock = conn.createStatement()) {
            lock.execute("select pg_advisory_lock(" + 0x6175646974L + ")");
        }
        return conn;
    }

    private static List<Row> records(Connection conn, long fromSeq) throws SQLException {
        try (PreparedStatement select = conn.prepareStatement("select seq, transaction_id, prev_hash, hash, key_id"
                + " from audit_record where seq >= ? order by seq")) {
            select.setLong(1, fromSeq);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return rows;
        }
    }

    private static void rewrite(Connection conn, Row row) throws SQLException {
        try (PreparedStatement update = conn.prepareStatement("update audit_record set prev_hash = ?, hash = ?,"
                + " key_id = ? where seq = ?")) {
            update.setString(1, row.previousHash());
            update.setString(2, row.hash());
            update.setString(3, row.keyId());
            update.setLong(4, row.seq());
            update.executeUpdate();
        }
    }

    private static void execute(Connection conn, String sql) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Relinks every record from the first of {@code rows} on, as {@code link} computes it from the previous hash. */
    private void relink(Connection conn, List<Row> rows, String keyId,
                        BiFunction<String, BookedTransaction, String> link) throws SQLException {
        String previous = rows.get(0).previousHash();
        for (Row row : rows) {
            String hash = link.apply(previous, transaction(row.transactionId()));
            rewrite(conn, new Row(row.seq(), row.transactionId(), previous, hash, keyId));
            previous = hash;
        }
    }

    @Test
    void anAdministratorWhoRecomputesTheUnkeyedDigestIsCaughtAndOnlyTheKeyMakesTheChainMatch() throws Exception {
        bookedAndChained();
        // The record edited follows a keyed one (a chain whose every record is unkeyed verifies only where
        // registry.audit.unkeyed-until allows: the prod profile's default allows none).
        String id = bookedAndChained();
        long seq = DB.count("select seq from audit_record where transaction_id = ?::uuid", id);
        ChainKeys keys = new ChainKeys(KEYS);
        try (Connection dba = holdingTheChain()) {
            List<Row> original = records(dba, seq);
            execute(dba, "alter table transaction_line disable trigger transaction_line_append_only");
            execute(dba, "alter table audit_record disable trigger audit_record_append_only");
            try {
                // Ten more tonnes issued, the lines still balanced, and the chain from there on recomputed as the
                // unkeyed digest did: keeping the records' key id, or clearing it as if they predated the key.
                execute(dba, "update transaction_line set delta = delta + sign(delta) where transaction_id = '"
                        + id + "'");
                relink(dba, original, original.get(0).keyId(), CanonicalTransaction::unkeyedHash);
                JsonPath keptKeyId = verify();
                assertThat(keptKeyId.getLong("brokenAt.seq")).isEqualTo(seq);
                assertThat(keptKeyId.getString("brokenAt.transactionId")).isEqualTo(id);
                assertThat(keptKeyId.getString("brokenAt.reason")).contains("no longer matches");

                relink(dba, original, null, CanonicalTransaction::unkeyedHash);
                JsonPath clearedKeyId = verify();
                assertThat(clearedKeyId.getLong("brokenAt.seq")).isEqualTo(seq);
                assertThat(clearedKeyId.getString("brokenAt.reason")).contains("no key after keyed records");

                // With the key, which only the service's configuration holds, the same edit would verify.
                relink(dba, original, keys.currentId(), (previous, t) -> keys.link(keys.currentId(), previous, t));
                assertThat(verify().getString("brokenAt")).isNull();
            } finally {
                execute(dba, "update transaction_line set delta = delta - sign(delta) where transaction_id = '"
                        + id + "'");
                for (Row row : original) {
                    rewrite(dba, row);
                }
                execute(dba, "alter table audit_record enable trigger audit_record_append_only");
                execute(dba, "alter table transaction_line enable trigger transaction_line_append_only");
            }
        }
        JsonPath restored = verify();
        assertThat(restored.getString("brokenAt")).isNull();
        assertThat(restored.getLong("verified")).isGreaterThanOrEqualTo(seq);
    }

    @Test
    void afterARotationTheRecordsLinkedWithTheEarlierKeyStillVerify() throws Exception {
        String earlier;
        try (Connection before = holdingTheChain()) {
            // What the deployment before the rotation chained, under its key local-0: every transaction waiting.
            earlier = bookedNotWaiting();
            ChainKeys previousKeys = new ChainKeys(KEYS.subList(1, KEYS.size()));
            assertThat(previousKeys.currentId()).isEqualTo("local-0");
            List<UUID> waiting = DB.texts("select transaction_id::text from audit_pending order by transaction_seq")
                    .stream().map(UUID::fromString).toList();
            assertThat(waiting).contains(UUID.fromString(earlier));
            long seq = DB.count("select coalesce(max(seq), 0) from audit_record");
            String previous = records(before, seq).stream().map(Row::hash).findFirst()
                    .orElse(CanonicalTransaction.GENESIS);
            try (PreparedStatement insert = before.prepareStatement("insert into audit_record (seq, transaction_id,"
                    + " prev_hash, hash, key_id, chained_at) values (?, ?, ?, ?, 'local-0', now())");
                 PreparedStatement dequeue = before.prepareStatement(
                         "delete from audit_pending where transaction_id = ?")) {
                for (UUID transactionId : waiting) {
                    String hash = previousKeys.link("local-0", previous, transaction(transactionId));
                    insert.setLong(1, ++seq);
                    insert.setObject(2, transactionId);
                    insert.setString(3, previous);
                    insert.setString(4, hash);
                    insert.executeUpdate();
                    dequeue.setObject(1, transactionId);
                    dequeue.executeUpdate();
                    previous = hash;
                }
            }
        }
        // The rotated deployment links new records with local-1 and lists local-0 after it.
        String later = bookedAndChained();
        assertThat(DB.texts("select key_id from audit_record where transaction_id = ?::uuid", earlier))
                .containsExactly("local-0");
        assertThat(DB.texts("select key_id from audit_record where transaction_id = ?::uuid", later))
                .containsExactly("local-1");
        JsonPath verified = verify();
        assertThat(verified.getString("brokenAt")).isNull();
        assertThat(verified.getLong("verified")).isGreaterThanOrEqualTo(DB.count(
                "select seq from audit_record where transaction_id = ?::uuid", later));
    }
}
