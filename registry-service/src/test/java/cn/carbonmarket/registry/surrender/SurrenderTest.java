package cn.carbonmarket.registry.surrender;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surrenders against obligations published on allocation.obligations, over HTTP, PostgreSQL and Kafka. The worked
 * example: entity-1's obligation for a period of CEA-2025 is 100,000 t (its verified emissions), of which up to 5,000 t
 * (the national 5 %) may be CCER and up to 10,000 t CEA-2026. Each test has a period of its own.
 */
@QuarkusTest
class SurrenderTest {

    private static final DemoUser ENTITY = DemoUser.ENTITY_1;

    private static String party() {
        return ENTITY.partyId();
    }

    private static String holding() {
        return holdingOf(ENTITY);
    }

    @BeforeEach
    void entityHoldsEveryKind() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 0);
        RegistryFixtures.partyWithAllowances(ENTITY, 0);
        Map.of("CEA-2025", 400_000L, "CEA-2024", 50_000L, "CEA-2026", 30_000L, "CCER-2024", 20_000L)
                .forEach((instrument, tonnes) -> {
                    long missing = tonnes - quantity(holding(), instrument, "AVAILABLE");
                    if (missing > 0) {
                        RegistryFixtures.issue(party(), instrument, missing);
                    }
                });
    }

    private static String period() {
        return "T" + UUID.randomUUID().toString().substring(0, 8) + "-2025";
    }

    private static void obligation(String period, int version, long tonnes) {
        RegistryFixtures.obligation(party(), period, version, tonnes);
    }

    private static ValidatableResponse surrender(DemoUser user, String surrenderId, String period,
                                                 Object... instrumentsAndTonnes) {
        List<Map<String, Object>> lines = IntStream.range(0, instrumentsAndTonnes.length / 2)
                .mapToObj(i -> Map.of("instrument", instrumentsAndTonnes[2 * i],
                        "quantity", instrumentsAndTonnes[2 * i + 1]))
                .toList();
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON)
                .body(Map.of("surrenderId", surrenderId, "partyId", party(), "periodId", period, "lines", lines))
                .post("/api/v1/surrenders").then().log().ifValidationFails();
    }

    private static JsonPath state(DemoUser user, String period) {
        return given().auth().oauth2(accessToken(user)).queryParam("partyId", party()).queryParam("periodId", period)
                .get("/api/v1/surrenders").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private static String id() {
        return "S-" + UUID.randomUUID();
    }

    @Test
    void offsetsAtExactlyTheLimitAreAcceptedAndOneTonneOverIsRefused() {
        String period = period();
        obligation(period, 1, 100_000);
        long ccer = quantity(holding(), "CCER-2024", "AVAILABLE");

        surrender(ENTITY, id(), period, "CCER-2024", 4_000).statusCode(201);
        surrender(ENTITY, id(), period, "CCER-2024", 1_001).statusCode(422)
                .body("code", equalTo("OFFSET_LIMIT_EXCEEDED"))
                .body("detail", endsWith("allowances 96000 t, borrowed allowances 10000 t, offsets 1000 t,"
                        + " non-local offsets 1000 t"));
        surrender(ENTITY, id(), period, "CCER-2024", 1_000).statusCode(201);

        JsonPath state = state(ENTITY, period);
        assertThat(state.getLong("surrendered.offsets")).isEqualTo(5_000);
        assertThat(state.getLong("remaining.offsets")).isZero();
        assertThat(state.getLong("outstandingTonnes")).isEqualTo(95_000);
        assertThat(quantity(holding(), "CCER-2024", "AVAILABLE")).isEqualTo(ccer - 5_000);
        assertThat(quantity("SURRENDER-" + period, "CCER-2024", "AVAILABLE")).isEqualTo(5_000);
    }

    @Test
    void bankedBorrowedAndCurrentAllowancesCoverTheObligationAndNothingBeyondIt() throws Exception {
        String period = period();
        obligation(period, 1, 100_000);
        long current = quantity(holding(), "CEA-2025", "AVAILABLE");
        long banked = quantity(holding(), "CEA-2024", "AVAILABLE");
        long next = quantity(holding(), "CEA-2026", "AVAILABLE");

        surrender(ENTITY, id(), period, "CEA-2026", 10_001).statusCode(422)
                .body("code", equalTo("BORROWING_LIMIT_EXCEEDED"));
        String id = id();
        String transactionId = surrender(ENTITY, id, period, "CEA-2024", 20_000, "CEA-2026", 10_000,
                "CEA-2025", 65_000).statusCode(201).extract().path("id");
        surrender(ENTITY, id(), period, "CEA-2025", 5_001).statusCode(422)
                .body("code", equalTo("SURRENDER_EXCEEDS_OBLIGATION"))
                .body("detail", containsString("allowances 5000 t, borrowed allowances 0 t, offsets 5000 t"));
        surrender(ENTITY, id(), period, "CEA-2025", 5_000).statusCode(201);

        assertThat(quantity(holding(), "CEA-2025", "AVAILABLE")).isEqualTo(current - 70_000);
        assertThat(quantity(holding(), "CEA-2024", "AVAILABLE")).isEqualTo(banked - 20_000);
        assertThat(quantity(holding(), "CEA-2026", "AVAILABLE")).isEqualTo(next - 10_000);
        assertThat(quantity("SURRENDER-" + period, "CEA-2025", "AVAILABLE")).isEqualTo(70_000);
        JsonPath state = state(DemoUser.REGULATOR, period);
        assertThat(state.getMap("surrendered")).isEqualTo(Map.of("allowances", 90_000, "borrowed", 10_000,
                "offsets", 0, "nonLocalOffsets", 0));
        assertThat(state.getMap("remaining")).isEqualTo(Map.of("allowances", 0, "borrowed", 0, "offsets", 0,
                "nonLocalOffsets", 0));
        assertThat(state.getList("surrenders.surrenderId")).hasSize(2).first().isEqualTo(id);
        assertThat(state.getList("surrenders[0].transaction.lines")).hasSize(6);
        // Published like any booking, with the entity's surrender id as its reference.
        var booked = new ObjectMapper().readTree(new KafkaTopic("registry.transactions")
                .await(r -> r.value().contains(transactionId), Duration.ofSeconds(20)).value());
        assertThat(booked.at("/payload/type").asText()).isEqualTo("SURRENDER");
        assertThat(booked.at("/payload/reference").asText()).isEqualTo(id);
    }

    @Test
    void aPilotAllowanceOrALaterVintageIsNotEligibleAndNothingIsBooked() {
        String period = period();
        obligation(period, 1, 100_000);
        surrender(ENTITY, id(), period, "CEA-2025", 100, "HBEA-2021", 10).statusCode(422)
                .body("code", equalTo("INSTRUMENT_NOT_ELIGIBLE"))
                .body("detail", containsString("allowances 100000 t, borrowed allowances 10000 t, offsets 5000 t"));
        surrender(ENTITY, id(), period, "CEA-2027", 10).statusCode(422)
                .body("code", equalTo("INSTRUMENT_NOT_ELIGIBLE"));
        surrender(ENTITY, id(), period(), "CEA-2025", 10).statusCode(422)
                .body("code", equalTo("NO_OBLIGATION"));
        assertThat(DB.count("select count(*) from holding where account_id = ?", "SURRENDER-" + period)).isZero();
    }

    @Test
    void aLowerVersionOfTheObligationIsIgnored() {
        String period = period();
        obligation(period, 2, 100_000);
        RegistryFixtures.publishObligation(party(), period, 1, 50_000);
        // Same key, same partition: once a later obligation is kept, the lower version was read before it.
        String marker = period();
        obligation(marker, 1, 1);

        assertThat(state(ENTITY, period).getLong("obligationTonnes")).isEqualTo(100_000);
        assertThat(state(ENTITY, period).getInt("version")).isEqualTo(2);
        obligation(period, 3, 60_000);
        assertThat(state(ENTITY, period).getLong("obligationTonnes")).isEqualTo(60_000);
        assertThat(DB.count("select count(*) from account where id = ? and type = 'SURRENDER'", "SURRENDER-" + period))
                .isEqualTo(1);
    }

    @Test
    void theSameSurrenderIdAgainAnswersTheFirstBookingAndAnotherBodyUnderItIsAConflict() {
        String period = period();
        obligation(period, 1, 100_000);
        String id = id();
        String first = surrender(ENTITY, id, period, "CEA-2025", 300, "CCER-2024", 200).statusCode(201)
                .extract().path("id");
        surrender(ENTITY, id, period, "CCER-2024", 200, "CEA-2025", 300).statusCode(200)
                .body("id", equalTo(first));
        surrender(ENTITY, id, period, "CEA-2025", 301).statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(state(ENTITY, period).getLong("surrenderedTonnes")).isEqualTo(500);
        assertThat(DB.count("select count(*) from registry_transaction where type = 'SURRENDER' and"
                + " idempotency_key = ?", "party/" + party() + ":" + id)).isEqualTo(1);
    }

    @Test
    void concurrentSurrendersTogetherStayWithinTheObligation() {
        String period = period();
        obligation(period, 1, 10_000);
        List<CompletableFuture<Integer>> racing = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> surrender(ENTITY, id(), period, "CEA-2025", 3_000)
                        .extract().statusCode()))
                .toList();
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(3);
        assertThat(quantity("SURRENDER-" + period, "CEA-2025", "AVAILABLE")).isEqualTo(9_000);
        assertThat(state(ENTITY, period).getLong("remaining.allowances")).isEqualTo(1_000);
    }

    @Test
    void onlyTheEntityItselfSurrendersAndReadersSeeOnlyWhatIsTheirs() {
        String period = period();
        obligation(period, 1, 100_000);
        surrender(DemoUser.ENTITY_2, id(), period, "CEA-2025", 10).statusCode(403)
                .body("code", equalTo("NOT_YOUR_PARTY"));
        surrender(DemoUser.REGULATOR, id(), period, "CEA-2025", 10).statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).queryParam("partyId", party())
                .queryParam("periodId", period).get("/api/v1/surrenders").then().statusCode(403);
        state(DemoUser.PROVINCE_HB, period);
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).queryParam("partyId", DemoUser.ENTITY_2.partyId())
                .queryParam("periodId", period).get("/api/v1/surrenders").then().statusCode(404)
                .body("code", equalTo("PARTY_NOT_FOUND"));
        given().auth().oauth2(accessToken(ENTITY)).queryParam("partyId", party()).get("/api/v1/surrenders").then()
                .statusCode(400);
        surrender(ENTITY, id(), "CN 2025", "CEA-2025", 0).statusCode(400);
        assertThat(DB.count("select count(*) from surrender where period_id = ?", period)).isZero();
    }

    @Test
    void surrenderedUnitsNeverLeaveTheSurrenderAccount() {
        String period = period();
        obligation(period, 1, 100_000);
        surrender(ENTITY, id(), period, "CEA-2025", 50).statusCode(201);

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id())
                .body(Map.of("account", "SURRENDER-" + period, "instrument", "CEA-2025", "quantity", 50,
                        "reason", "an attempt", "authority", "a court"))
                .post("/api/v1/freeze-orders").then().statusCode(422)
                .body("code", equalTo("NOT_PERMITTED"));
        RegistryFixtures.post(ENTITY, "/api/v1/transfers", id(), Map.of("fromAccount", "SURRENDER-" + period,
                "toAccount", holding(), "instrument", "CEA-2025", "quantity", 50)).statusCode(403);
        assertThat(quantity("SURRENDER-" + period, "CEA-2025", "AVAILABLE")).isEqualTo(50);
    }
}
