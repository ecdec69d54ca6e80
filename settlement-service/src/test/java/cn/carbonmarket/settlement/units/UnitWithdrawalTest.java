package cn.carbonmarket.settlement.units;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.registryDifference;
import static cn.carbonmarket.settlement.SettlementFixtures.units;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.settlement.TradingStub;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Units out of trading: trading's hold, then off the position and UnitsReleased for the registry; own units only. */
@QuarkusTest
class UnitWithdrawalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTITY_1 = DemoUser.ENTITY_1.partyId();
    private static final String CEA = TradeEvents.CEA;

    @BeforeEach
    void unitsInTrading() {
        SettlementFixtures.admitted(DemoUser.ENTITY_1);
        SettlementFixtures.admitted(DemoUser.ENTITY_2);
        TradeEvents.unitsIntoTrading(ENTITY_1, 40);
    }

    private static String key() {
        return "u-" + UUID.randomUUID();
    }

    private static ValidatableResponse withdraw(DemoUser user, String key, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/unit-withdrawals").then().log().ifValidationFails();
    }

    private static ValidatableResponse withdraw(DemoUser user, String key, String partyId, long tonnes) {
        return withdraw(user, key, Map.of("partyId", partyId, "instrument", CEA, "quantity", tonnes));
    }

    private static ValidatableResponse get(DemoUser viewer, String id) {
        return given().auth().oauth2(accessToken(viewer)).when().get("/api/v1/unit-withdrawals/" + id).then()
                .log().ifValidationFails();
    }

    private static long entries() {
        return DB.count("select count(*) from journal_entry");
    }

    private static long released(String withdrawalId) {
        return DB.count("select count(*) from outbox_event where event_type = 'UnitsReleased' and envelope like ?",
                "%\"withdrawalId\":\"" + withdrawalId + "\"%");
    }

    @Test
    void unitsLeaveThePositionAndTheRegistryIsToldOnce() throws Exception {
        long before = units(DemoUser.ENTITY_1);
        String key = key();

        String id = withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 15).statusCode(201)
                .body("partyId", equalTo(ENTITY_1)).body("instrument", equalTo(CEA)).body("quantity", equalTo(15))
                .extract().path("withdrawalId");

        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before - 15);
        assertThat(DB.count("select count(*) from journal_entry e cross join unnest(e.transfers) t"
                        + " where e.id = ? and e.state = 'POSTED' and t.debit_kind = 'UNITS' and t.debit_owner = ?"
                        + " and t.credit_kind = 'REGISTRY_UNITS_MIRROR' and t.asset = ? and t.amount = 15",
                "UNITS_OUT:" + id, ENTITY_1, CEA)).isEqualTo(1);
        ConsumerRecord<String, String> record = new KafkaTopic("settlement.delivery-instructions")
                .await(r -> r.value().contains(id), Duration.ofSeconds(30));
        JsonNode event = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(ENTITY_1);
        assertThat(event.get("type").asText()).isEqualTo("UnitsReleased");
        assertThat(event.at("/payload/withdrawalId").asText()).isEqualTo(id);
        assertThat(event.at("/payload/partyId").asText()).isEqualTo(ENTITY_1);
        assertThat(event.at("/payload/instrument").asText()).isEqualTo(CEA);
        assertThat(event.at("/payload/quantity").asLong()).isEqualTo(15);
        assertThat(event.at("/payload/destination").isNull()).as("back to the party's own holding").isTrue();
        assertThat(TradingStub.HOLDS).anySatisfy(hold -> assertThat(hold).contains("\"holdId\":\"" + id + "\"",
                "\"partyId\":\"" + ENTITY_1 + "\"", "\"asset\":\"" + CEA + "\"", "\"amount\":15",
                "\"entryId\":\"UNITS_OUT:" + id + "\""));

        // The same key again: the same withdrawal, nothing posted or published twice.
        long entries = entries();
        withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 15).statusCode(200).body("withdrawalId", equalTo(id));
        withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 16).statusCode(409).body("code", equalTo("ENTRY_ID_CONFLICT"));
        assertThat(entries()).isEqualTo(entries);
        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before - 15);
        assertThat(released(id)).isEqualTo(1);

        get(DemoUser.ENTITY_1, id).statusCode(200).body("quantity", equalTo(15));
        get(DemoUser.OPERATOR, id).statusCode(200);
        get(DemoUser.REGULATOR, id).statusCode(200);
    }

    @Test
    void moreThanTheAvailableUnitsCannotLeaveAndTradingsHoldIsGivenBack() {
        long before = units(DemoUser.ENTITY_1);
        long entries = entries();

        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, before + 1).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_UNITS"));

        String holdId = TradingStub.HOLDS.get(TradingStub.HOLDS.size() - 1)
                .replaceAll(".*\"holdId\":\"([^\"]+)\".*", "$1");
        assertThat(TradingStub.RELEASED).contains(holdId);
        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before);
        assertThat(entries()).isEqualTo(entries);
        assertThat(DB.count("select count(*) from unit_withdrawal where id = ?", holdId)).isZero();
    }

    @Test
    void unitsTradingRefusesAreA409AndNothingIsPosted() {
        long before = units(DemoUser.ENTITY_1);
        long entries = entries();
        TradingStub.REFUSED_PARTIES.add(ENTITY_1);
        try {
            withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 1).statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("WITHDRAWAL_REFUSED_BY_TRADING"));
        } finally {
            TradingStub.REFUSED_PARTIES.remove(ENTITY_1);
        }
        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before);
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void aPartyNeitherMovesNorSeesAnotherPartysUnits() {
        long before = units(DemoUser.ENTITY_1);
        String id = withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 1).statusCode(201).extract().path("withdrawalId");

        withdraw(DemoUser.ENTITY_2, key(), ENTITY_1, 1).statusCode(403).body("code", equalTo("NOT_YOUR_PARTY"));
        withdraw(DemoUser.BANK, key(), ENTITY_1, 1).statusCode(403);
        withdraw(DemoUser.OPERATOR, key(), ENTITY_1, 1).statusCode(403);
        get(DemoUser.ENTITY_2, id).statusCode(403);
        get(DemoUser.BANK, id).statusCode(403);

        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before - 1);
    }

    @Test
    void badInputIsA400AndChangesNothing() {
        long before = units(DemoUser.ENTITY_1);
        long entries = entries();
        int holds = TradingStub.HOLDS.size();

        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 0).statusCode(400);
        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, -3).statusCode(400);
        withdraw(DemoUser.ENTITY_1, "", ENTITY_1, 1).statusCode(400);
        withdraw(DemoUser.ENTITY_1, key(), Map.of("partyId", ENTITY_1, "instrument", "CEA-25", "quantity", 1))
                .statusCode(400).contentType("application/problem+json");
        withdraw(DemoUser.ENTITY_1, key(), Map.of("partyId", "nobody", "instrument", CEA, "quantity", 1))
                .statusCode(400);
        withdraw(DemoUser.ENTITY_1, key(), Map.of("partyId", ENTITY_1, "quantity", 1)).statusCode(400);
        get(DemoUser.ENTITY_1, "no*such:id").statusCode(400);
        get(DemoUser.ENTITY_1, UUID.randomUUID().toString()).statusCode(404)
                .body("code", equalTo("UNIT_WITHDRAWAL_NOT_FOUND"));

        assertThat(units(DemoUser.ENTITY_1)).isEqualTo(before);
        assertThat(entries()).isEqualTo(entries);
        assertThat(TradingStub.HOLDS).hasSize(holds);
    }

    /** The registry's FROM_TRADING booking of a release brings its mirror back in line with settlement's units. */
    @Test
    void theBooksAgreeAgainOnceTheRegistryBooksTheRelease() {
        long before = registryDifference(ENTITY_1);

        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 7).statusCode(201);
        assertThat(registryDifference(ENTITY_1)).isEqualTo(before - 7);

        TradeEvents.unitsOutOfTrading(ENTITY_1, 7);
        assertThat(registryDifference(ENTITY_1)).isEqualTo(before);
    }
}
