package cn.carbonmarket.registry.transaction;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuance from allocation's events, participants' movements, the checks' refusals and the audit chain. */
@QuarkusTest
class UnitMovementTest {

    private static final Database DB = RegistryFixtures.DB;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CEA = RegistryFixtures.CEA;

    private static String entity1() {
        return "HOLDING-" + DemoUser.ENTITY_1.partyId();
    }

    private static String entity2() {
        return "HOLDING-" + DemoUser.ENTITY_2.partyId();
    }

    @BeforeEach
    void entitiesHoldAllowances() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 100_000);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 0);
    }

    private static long available(String account, String instrument) {
        return RegistryFixtures.quantity(account, instrument, "AVAILABLE");
    }

    private static Map<String, Object> transfer(String from, String to, String instrument, long quantity) {
        return Map.of("fromAccount", from, "toAccount", to, "instrument", instrument, "quantity", quantity);
    }

    @Test
    void anIssuanceInstructionIsBookedOnceHoweverOftenItArrives() {
        String fresh = DemoUser.ENTITY_2.partyId();
        long before = available(entity2(), CEA);
        String event = RegistryFixtures.issue(fresh, 2_500);
        new KafkaTopic("allocation.issuance-instructions").send("again", event);
        new KafkaTopic("allocation.issuance-instructions").send("again", event);
        String marker = RegistryFixtures.issue(fresh, 1);

        assertThat(marker).isNotNull();
        assertThat(available(entity2(), CEA)).isEqualTo(before + 2_501);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).when().get("/api/v1/accounts/" + entity2())
                .then().statusCode(200).body("holdings.find { it.instrument == 'CEA-2025' }.quantity",
                        equalTo((int) (before + 2_501)));
    }

    @Test
    void aTransferMovesUnitsAndIsIdempotentByKey() throws Exception {
        long from = available(entity1(), CEA);
        long to = available(entity2(), CEA);
        String key = "t-" + UUID.randomUUID();
        Map<String, Object> body = transfer(entity1(), entity2(), CEA, 1_200);

        String id = RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", key, body).statusCode(201)
                .body("type", equalTo("TRANSFER"))
                .body("lines[0].delta", equalTo(-1200)).body("lines[1].account", equalTo(entity2()))
                .extract().path("id");
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", key, body).statusCode(200).body("id", equalTo(id));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", key, transfer(entity1(), entity2(), CEA, 1_201))
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(available(entity1(), CEA)).isEqualTo(from - 1_200);
        assertThat(available(entity2(), CEA)).isEqualTo(to + 1_200);

        JsonNode event = JSON.readTree(new KafkaTopic("registry.transactions")
                .await(r -> r.value().contains(id), Duration.ofSeconds(20)).value());
        assertThat(event.get("type").asText()).isEqualTo("TransactionBooked");
        assertThat(event.get("key").asText()).isEqualTo(DemoUser.ENTITY_1.partyId());
        assertThat(event.at("/payload/lines/1/partyId").asText()).isEqualTo(DemoUser.ENTITY_2.partyId());
    }

    @Test
    void everyCheckRefusesWithItsCodeAndBooksNothing() {
        long before = DB.count("select count(*) from registry_transaction");
        long holding = available(entity1(), CEA);

        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "k-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, holding + 1))
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_UNITS"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "k-" + UUID.randomUUID(),
                transfer(entity1(), "HOLDING-" + UUID.randomUUID(), CEA, 1))
                .statusCode(422).body("code", equalTo("ACCOUNT_NOT_FOUND"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "k-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, 50_000_001))
                .statusCode(422).body("code", equalTo("QUANTITY_CAP_EXCEEDED"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "k-" + UUID.randomUUID(),
                transfer(entity1(), "NATIONAL_ISSUANCE-CN", CEA, 1))
                .statusCode(422).body("code", equalTo("NOT_PERMITTED"));
        RegistryFixtures.post(DemoUser.ENTITY_2, "/api/v1/transfers", "k-" + UUID.randomUUID(), transfer(entity1(), entity2(), CEA, 1))
                .statusCode(403).body("code", equalTo("NOT_YOUR_ACCOUNT"));
        RegistryFixtures.post(DemoUser.REGULATOR, "/api/v1/transfers", "k-" + UUID.randomUUID(), transfer(entity1(), entity2(), CEA, 1))
                .statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "k-" + UUID.randomUUID(), transfer(entity1(), entity2(), "CEA-20x5", -3))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("quantity"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType(ContentType.JSON)
                .body(transfer(entity1(), entity2(), CEA, 1)).post("/api/v1/transfers")
                .then().statusCode(400);

        assertThat(DB.count("select count(*) from registry_transaction")).isEqualTo(before);
        assertThat(available(entity1(), CEA)).isEqualTo(holding);
    }

    @Test
    void unitsMoveIntoTradingAndCanBeCancelledVoluntarily() {
        long available = available(entity1(), CEA);
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/trading-moves", "m-" + UUID.randomUUID(),
                Map.of("account", entity1(), "instrument", CEA, "quantity", 300))
                .statusCode(201).body("type", equalTo("TO_TRADING")).body("lines[1].status", equalTo("IN_TRADING"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/cancellations", "c-" + UUID.randomUUID(),
                Map.of("account", entity1(), "instrument", CEA, "quantity", 7))
                .statusCode(201).body("lines[1].account", equalTo("VOLUNTARY_CANCELLATION-CN"));

        assertThat(available(entity1(), CEA)).isEqualTo(available - 307);
        assertThat(DB.count("select quantity from holding where account_id = ? and instrument = ? and status ="
                + " 'IN_TRADING'", entity1(), CEA)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void statementsFilterByTypeAndDateAndDownloadAsCsv() {
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "s-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, 3)).statusCode(201);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("type", "TRANSFER").queryParam("from", today)
                .queryParam("to", today).when().get("/api/v1/accounts/" + entity1() + "/transactions")
                .then().statusCode(200)
                .body("type", org.hamcrest.Matchers.everyItem(equalTo("TRANSFER")))
                .body("size()", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("from", "2001-01-01").queryParam("to", "2001-12-31")
                .when().get("/api/v1/accounts/" + entity1() + "/transactions")
                .then().statusCode(200).body("size()", equalTo(0));
        String csv = given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("type", "TRANSFER")
                .when().get("/api/v1/accounts/" + entity1() + "/transactions.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().findFirst()).contains("transaction_id,booked_at,type,instrument,status,delta,initiator");
        assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",TRANSFER,CEA-2025,AVAILABLE,"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("type", "GIFT")
                .when().get("/api/v1/accounts/" + entity1() + "/transactions")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("type"));
    }

    @Test
    void participantsSeeOnlyTheirOwnStatements() {
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/accounts/" + entity1() + "/transactions")
                .then().statusCode(200);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).when().get("/api/v1/accounts/" + entity1())
                .then().statusCode(403).body("code", equalTo("NOT_YOUR_ACCOUNT"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/accounts/NATIONAL_ISSUANCE-CN")
                .then().statusCode(200).body("type", equalTo("NATIONAL_ISSUANCE"));
    }

    /** Both queues a booking fills are vacuumed once rows left them: polls would otherwise walk their dead rows. */
    @Test
    void theAuditAndOutboxQueuesAreVacuumedAsTheyDrain() {
        long audit = vacuums("audit_pending");
        long outbox = vacuums("outbox_pending");
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "v-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, 3)).statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(vacuums("audit_pending")).isGreaterThan(audit);
            assertThat(vacuums("outbox_pending")).isGreaterThan(outbox);
        });
    }

    private static long vacuums(String table) {
        return DB.count("select vacuum_count from pg_stat_user_tables where relname = ?", table);
    }

    @Test
    void theRecordOfTransactionsIsAppendOnly() {
        String id = RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "r-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, 7)).statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                DB.count("select count(*) from audit_record where transaction_id = ?::uuid", id) == 1);

        for (String change : new String[] {
                "update registry_transaction set initiator = 'someone else' where id = ?::uuid",
                "delete from registry_transaction where id = ?::uuid",
                "update transaction_line set delta = -8 where transaction_id = ?::uuid and line_no = 1",
                "delete from transaction_line where transaction_id = ?::uuid",
                "update audit_record set hash = 'forged' where transaction_id = ?::uuid",
                "delete from audit_record where transaction_id = ?::uuid"}) {
            assertThatThrownBy(() -> DB.update(change, id)).as(change).hasMessageContaining("is append-only");
        }
        assertThatThrownBy(() -> DB.update("truncate transaction_line")).hasMessageContaining("is append-only");
        assertThatThrownBy(() -> DB.update("truncate audit_record")).hasMessageContaining("is append-only");
        assertThat(DB.count("select count(*) from registry_transaction where id = ?::uuid and initiator <> 'someone else'",
                id)).isEqualTo(1);
        assertThat(DB.count("select sum(delta) filter (where delta < 0) from transaction_line where transaction_id = ?::uuid",
                id)).isEqualTo(-7);
        assertThat(DB.count("select count(*) from audit_record where transaction_id = ?::uuid and hash <> 'forged'",
                id)).isEqualTo(1);
    }

    @Test
    void theAuditChainVerifiesAndNamesTheFirstTamperedRecord() {
        String id = RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "a-" + UUID.randomUUID(),
                transfer(entity1(), entity2(), CEA, 10)).statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                DB.count("select count(*) from audit_pending") == 0);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/audit/verify")
                .then().statusCode(200).body("brokenAt", equalTo(null)).body("pending", equalTo(0));

        long seq = DB.count("select seq from audit_record where transaction_id = ?::uuid", id);
        // A tamper with the tables' owner rights gets past the append-only trigger; the chain still shows it.
        DB.update("alter table transaction_line disable trigger transaction_line_append_only");
        try {
            DB.update("update transaction_line set delta = -11 where transaction_id = ?::uuid and line_no = 1", id);
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/audit/verify")
                    .then().statusCode(200)
                    .body("brokenAt.seq", equalTo((int) seq))
                    .body("brokenAt.transactionId", equalTo(id))
                    .body("verified", equalTo((int) seq - 1));
        } finally {
            DB.update("update transaction_line set delta = -10 where transaction_id = ?::uuid and line_no = 1", id);
            DB.update("alter table transaction_line enable trigger transaction_line_append_only");
        }
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/audit/verify").then().statusCode(403);
    }
}
