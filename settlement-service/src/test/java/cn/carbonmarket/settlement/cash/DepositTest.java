package cn.carbonmarket.settlement.cash;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.cash;
import static cn.carbonmarket.settlement.SettlementFixtures.deposit;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clearing bank's deposits: booked once per bank reference, announced on settlement.ledger, bank-only. */
@QuarkusTest
class DepositTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTITY_1 = DemoUser.ENTITY_1.partyId();

    @BeforeEach
    void admitted() {
        SettlementFixtures.admitted(DemoUser.ENTITY_1);
        SettlementFixtures.admitted(DemoUser.ENTITY_2);
    }

    @Test
    void aDepositIsBookedOnceAndAnnouncedWithThePartysBalance() throws Exception {
        long before = cash(DemoUser.ENTITY_1, "available");
        String reference = "ICBC-" + UUID.randomUUID();

        deposit(reference, ENTITY_1, 50_000_00).statusCode(201).body("entryId", equalTo("DEPOSIT:" + reference))
                .body("partyId", equalTo(ENTITY_1)).body("amountFen", equalTo(50_000_00));
        deposit(reference, ENTITY_1, 50_000_00).statusCode(200).body("entryId", equalTo("DEPOSIT:" + reference));
        deposit(reference, ENTITY_1, 50_000_01).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ENTRY_ID_CONFLICT"));
        deposit(reference, DemoUser.ENTITY_2.partyId(), 50_000_00).statusCode(409);

        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(before + 50_000_00);
        assertThat(DB.count("select count(*) from journal_entry where id = ?", "DEPOSIT:" + reference)).isEqualTo(1);
        JsonNode event = JSON.readTree(new KafkaTopic("settlement.ledger")
                .await(r -> r.value().contains("DEPOSIT:" + reference), Duration.ofSeconds(30)).value());
        assertThat(event.get("type").asText()).isEqualTo("LedgerEntryPosted");
        assertThat(event.get("key").asText()).isEqualTo(ENTITY_1);
        assertThat(event.at("/payload/state").asText()).isEqualTo("POSTED");
        assertThat(event.at("/payload/balances/0/account").asText()).isEqualTo("CASH_AVAILABLE");
        assertThat(event.at("/payload/balances/0/posted").asLong()).isGreaterThanOrEqualTo(before + 50_000_00);
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'LedgerEntryPosted'"
                + " and envelope like ?", "%DEPOSIT:" + reference + "%")).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneNoticeBookItOnce() throws Exception {
        long before = cash(DemoUser.ENTITY_1, "available");
        String reference = "ICBC-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> deposit(reference, ENTITY_1, 7_00).extract().statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answered).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(before + 7_00);
    }

    @Test
    void onlyTheClearingBankDepositsAndBadInputChangesNothing() {
        long entries = DB.count("select count(*) from journal_entry");
        long available = cash(DemoUser.ENTITY_1, "available");
        String reference = "ICBC-" + UUID.randomUUID();

        SettlementFixtures.post(DemoUser.ENTITY_1, "/api/v1/deposits", java.util.Map.of("bankReference", reference,
                "partyId", ENTITY_1, "amountFen", 100)).statusCode(403);
        SettlementFixtures.post(DemoUser.REGULATOR, "/api/v1/deposits", java.util.Map.of("bankReference", reference,
                "partyId", ENTITY_1, "amountFen", 100)).statusCode(403);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/deposits").then().statusCode(401);
        deposit(reference, ENTITY_1, -5).statusCode(400).body("errors.field", hasItem("amountFen"));
        deposit(reference, ENTITY_1, 0).statusCode(400);
        deposit(reference, "not-a-party", 100).statusCode(400).body("errors.field", hasItem("partyId"));
        deposit("has space", ENTITY_1, 100).statusCode(400).body("errors.field", hasItem("bankReference"));
        deposit(reference, UUID.randomUUID().toString(), 100).statusCode(422)
                .body("code", equalTo("CASH_ACCOUNT_NOT_FOUND"));
        given().auth().oauth2(accessToken(DemoUser.BANK)).contentType(ContentType.JSON)
                .body("{\"bankReference\":\"" + reference + "\",\"partyId\":\"" + ENTITY_1 + "\",\"amountFen\":10.5}")
                .when().post("/api/v1/deposits").then().statusCode(400);
        given().auth().oauth2(accessToken(DemoUser.BANK)).contentType(ContentType.JSON)
                .body("{\"bankReference\":\"" + reference + "\",\"partyId\":\"" + ENTITY_1 + "\",\"amountFen\":10,"
                        + "\"currency\":\"USD\"}")
                .when().post("/api/v1/deposits").then().statusCode(400);

        assertThat(DB.count("select count(*) from journal_entry")).isEqualTo(entries);
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available);
    }
}
