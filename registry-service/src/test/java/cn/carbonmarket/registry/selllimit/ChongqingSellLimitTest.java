package cn.carbonmarket.registry.selllimit;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.RegistryFixtures.Obligation;
import cn.carbonmarket.registry.RegistryFixtures.Recipient;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chongqing's rule that an entity sells at most half of its free allocation, at the moves into trading, through the
 * real services: the figures come from the entity's FREE_ALLOCATION issues net of claw-backs, its units available
 * and those it surrendered; a pilot without the rule (Hubei) moves everything.
 */
@QuarkusTest
class ChongqingSellLimitTest {

    private static final String CQEA = "CQEA-2025";

    private static ValidatableResponse intoTrading(String party, String instrument, long tonnes, String key) {
        return given().auth().oauth2(RegistryFixtures.tokenOf(party, "compliance-entity"))
                .contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("account", "HOLDING-" + party, "instrument", instrument, "quantity", tonnes))
                .post("/api/v1/trading-moves").then().log().ifValidationFails();
    }

    private static String key() {
        return "m-" + UUID.randomUUID();
    }

    private static String entity() {
        return RegistryFixtures.register(Identities.creditCode("500000"));
    }

    @Test
    void anEntityKeepsHalfOfItsFreeAllocationAvailableOrSurrendered() {
        String party = entity();
        String holding = "HOLDING-" + party;
        RegistryFixtures.issue(party, CQEA, 10_001);

        intoTrading(party, CQEA, 5_001, key()).statusCode(422).body("code", equalTo("SELL_LIMIT"))
                .body("detail", containsString("received 10001 t of CQEA-2025 free and must keep 5001 t"))
                .body("detail", containsString("it may move at most 5000 t into trading now"));
        assertThat(quantity(holding, CQEA, "IN_TRADING")).isZero();
        intoTrading(party, CQEA, 20_000, key()).statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));

        String first = key();
        intoTrading(party, CQEA, 5_000, first).statusCode(201);
        assertThat(quantity(holding, CQEA, "AVAILABLE")).isEqualTo(5_001);
        assertThat(quantity(holding, CQEA, "IN_TRADING")).isEqualTo(5_000);
        intoTrading(party, CQEA, 1, key()).statusCode(422).body("code", equalTo("SELL_LIMIT"))
                .body("detail", containsString("at most 0 t"));
        // A repeated move is replayed, not judged again.
        intoTrading(party, CQEA, 5_000, first).statusCode(200);

        // Units bought from another party are not free allocation: they may all be sold.
        String seller = entity();
        RegistryFixtures.issue(seller, CQEA, 2_000);
        given().auth().oauth2(RegistryFixtures.tokenOf(seller, "compliance-entity")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key()).body(Map.of("fromAccount", "HOLDING-" + seller,
                        "toAccount", holding, "instrument", CQEA, "quantity", 700))
                .post("/api/v1/transfers").then().statusCode(201);
        intoTrading(party, CQEA, 701, key()).statusCode(422).body("code", equalTo("SELL_LIMIT"));
        intoTrading(party, CQEA, 700, key()).statusCode(201);

        // A claw-back lowers the free allocation, so less must be kept: 8,001 t received, 4,001 t kept.
        String clawBack = "CLAW-" + UUID.randomUUID();
        RegistryFixtures.instruct(clawBack, RegistryFixtures.instruction(clawBack, "CLAW_BACK", CQEA,
                new Recipient(party, 2_000)), "RETURNED");
        assertThat(quantity(holding, CQEA, "AVAILABLE")).isEqualTo(3_001);
        intoTrading(party, CQEA, 1, key()).statusCode(422).body("detail", containsString("must keep 4001 t"));
        assertThat(DB.count("select count(*) from registry_transaction t join transaction_line l"
                + " on l.transaction_id = t.id where t.type = 'TO_TRADING' and l.account_id = ? and l.delta > 0",
                holding)).isEqualTo(2);
    }

    @Test
    void surrenderedUnitsCountAsKept() {
        String party = entity();
        String period = "CQ-T" + UUID.randomUUID().toString().substring(0, 8);
        RegistryFixtures.issue(party, CQEA, 1_000);
        RegistryFixtures.obligation(new Obligation(period, party, CQEA, 1, 600, 0, 0, "CEMENT",
                null));
        given().auth().oauth2(RegistryFixtures.tokenOf(party, "compliance-entity")).contentType(ContentType.JSON)
                .body(Map.of("surrenderId", "S-" + UUID.randomUUID(), "partyId", party, "periodId", period,
                        "lines", List.of(Map.of("instrument", CQEA, "quantity", 600))))
                .post("/api/v1/surrenders").then().statusCode(201);

        intoTrading(party, CQEA, 400, key()).statusCode(201);
        assertThat(quantity("HOLDING-" + party, CQEA, "IN_TRADING")).isEqualTo(400);
    }

    @Test
    void aPilotWithoutTheRuleSellsAllItsFreeAllocation() throws Exception {
        String party = entity();
        RegistryFixtures.issue(party, "HBEA-2025", 1_000);
        String transaction = intoTrading(party, "HBEA-2025", 1_000, key()).statusCode(201).extract().path("id");
        assertThat(quantity("HOLDING-" + party, "HBEA-2025", "IN_TRADING")).isEqualTo(1_000);
        // Trading and settlement learn of the pilot allowance in trading as of any instrument.
        assertThat(new KafkaTopic("registry.transactions").await(r -> r.value().contains(transaction),
                Duration.ofSeconds(20)).value()).contains("\"type\":\"TO_TRADING\"", "HBEA-2025");
    }
}
