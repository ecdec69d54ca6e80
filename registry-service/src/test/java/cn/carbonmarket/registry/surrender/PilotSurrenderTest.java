package cn.carbonmarket.registry.surrender;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.RegistryFixtures.Obligation;
import cn.carbonmarket.testing.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Surrenders into pilot periods, over HTTP, PostgreSQL and Kafka: the period's own allowance and the offsets its
 * pack accepts by origin (Beijing's way: CCER and BCER, at least half from Beijing projects, no hydro), and Order
 * No. 775's one-market rule against an entity the national market covers for the same sector.
 */
@QuarkusTest
class PilotSurrenderTest {

    private static final String BEIJING_OFFSETS = """
            {"products":["CCER","BCER"],"localRegion":"BJ","minLocalShareBasisPoints":5000,"excludedTypes":["HYDRO"]}""";

    private static String period(String pilot) {
        return pilot + "-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String entity() {
        return RegistryFixtures.register(Identities.creditCode("110105"));
    }

    private static ValidatableResponse surrender(String party, String period, Object... instrumentsAndTonnes) {
        List<Map<String, Object>> lines = IntStream.range(0, instrumentsAndTonnes.length / 2)
                .mapToObj(i -> Map.of("instrument", instrumentsAndTonnes[2 * i],
                        "quantity", instrumentsAndTonnes[2 * i + 1]))
                .toList();
        return given().auth().oauth2(RegistryFixtures.tokenOf(party, "compliance-entity"))
                .contentType(ContentType.JSON).body(Map.of("surrenderId", "S-" + UUID.randomUUID(),
                        "partyId", party, "periodId", period, "lines", lines))
                .post("/api/v1/surrenders").then().log().ifValidationFails();
    }

    private static JsonPath state(String party, String period) {
        return given().auth().oauth2(RegistryFixtures.tokenOf(party, "compliance-entity"))
                .queryParam("partyId", party).queryParam("periodId", period).get("/api/v1/surrenders")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBeijingPeriodTakesBeijingAllowancesAndOffsetsByOriginWithinTheirShares() {
        String party = entity();
        String holding = "HOLDING-" + party;
        String period = period("BJ");
        RegistryFixtures.issue(party, "BEA-2025", 9_000);
        RegistryFixtures.issue(party, "CCER-2018", 100);
        RegistryFixtures.issueOffsets(party, "CCER-2024-HE-WIND", 800);
        RegistryFixtures.issueOffsets(party, "CCER-2024-BJ-HYDRO", 100);
        RegistryFixtures.issueOffsets(party, "BCER-2024-BJ-FORESTRY", 700);
        RegistryFixtures.obligation(new Obligation(period, party, "BEA-2025", 1, 10_000, 1_000, 0, "CEMENT",
                BEIJING_OFFSETS));

        surrender(party, period, "CCER-2018", 10).statusCode(422).body("code", equalTo("INSTRUMENT_NOT_ELIGIBLE"))
                .body("detail", containsString("its origin is not recorded"));
        surrender(party, period, "CCER-2024-BJ-HYDRO", 10).statusCode(422)
                .body("code", equalTo("INSTRUMENT_NOT_ELIGIBLE")).body("detail", containsString("HYDRO"));
        surrender(party, period, "CEA-2025", 10).statusCode(422).body("code", equalTo("INSTRUMENT_NOT_ELIGIBLE"));
        surrender(party, period, "CCER-2024-HE-WIND", 501).statusCode(422)
                .body("code", equalTo("NON_LOCAL_OFFSET_LIMIT_EXCEEDED"))
                .body("detail", endsWith("; may still be surrendered: allowances 10000 t, borrowed allowances 0 t,"
                        + " offsets 1000 t, non-local offsets 500 t"));
        surrender(party, period, "CCER-2024-HE-WIND", 500, "BCER-2024-BJ-FORESTRY", 501).statusCode(422)
                .body("code", equalTo("OFFSET_LIMIT_EXCEEDED"));
        assertThat(DB.count("select count(*) from holding where account_id = ?", "SURRENDER-" + period)).isZero();

        surrender(party, period, "CCER-2024-HE-WIND", 500, "BCER-2024-BJ-FORESTRY", 500, "BEA-2025", 9_000)
                .statusCode(201);

        JsonPath state = state(party, period);
        assertThat(state.getString("jurisdiction")).isEqualTo("BJ");
        assertThat(state.getString("sector")).isEqualTo("CEMENT");
        assertThat(state.getLong("nonLocalOffsetLimitTonnes")).isEqualTo(500);
        assertThat(state.getList("offsets.products")).containsExactly("CCER", "BCER");
        assertThat(state.getMap("surrendered")).isEqualTo(Map.of("allowances", 9_000, "borrowed", 0,
                "offsets", 1_000, "nonLocalOffsets", 500));
        assertThat(state.getLong("outstandingTonnes")).isZero();
        assertThat(quantity(holding, "CCER-2024-HE-WIND", "AVAILABLE")).isEqualTo(300);
        assertThat(quantity(holding, "BCER-2024-BJ-FORESTRY", "AVAILABLE")).isEqualTo(200);
        assertThat(quantity(holding, "BEA-2025", "AVAILABLE")).isZero();
        assertThat(quantity("SURRENDER-" + period, "BEA-2025", "AVAILABLE")).isEqualTo(9_000);
        assertThat(DB.count("select non_local_offset_tonnes from surrender where period_id = ?", period))
                .isEqualTo(500);
        assertThat(DB.count("select count(*) from surrender_obligation where period_id = ? and jurisdiction = 'BJ'"
                + " and sector = 'CEMENT' and offset_local_region = 'BJ' and offset_min_local_share_bp = 5000"
                + " and offset_excluded_types = '{HYDRO}'", period)).isEqualTo(1);
    }

    @Test
    void anEntityTheNationalMarketCoversForASectorSurrendersNothingIntoAPilotPeriodOfThatSector() {
        String party = entity();
        String national = "CN-T" + UUID.randomUUID().toString().substring(0, 8);
        String power = period("CQ");
        String cement = period("CQ");
        RegistryFixtures.issue(party, "CQEA-2025", 1_000);
        // An obligation as allocation published it before sectors existed: national, so POWER.
        RegistryFixtures.obligation(party, national, 1, 50_000);
        RegistryFixtures.obligation(new Obligation(power, party, "CQEA-2025", 1, 600, 0, 0, "POWER", null));
        RegistryFixtures.obligation(new Obligation(cement, party, "CQEA-2025", 1, 400, 0, 0, "CEMENT", null));

        surrender(party, power, "CQEA-2025", 600).statusCode(409).body("code", equalTo("ONE_MARKET_RULE"))
                .body("detail", containsString("sector POWER (obligation of period " + national + ")"));
        assertThat(quantity("HOLDING-" + party, "CQEA-2025", "AVAILABLE")).isEqualTo(1_000);
        assertThat(DB.count("select count(*) from surrender where period_id = ?", power)).isZero();

        surrender(party, cement, "CQEA-2025", 400).statusCode(201);
        assertThat(quantity("SURRENDER-" + cement, "CQEA-2025", "AVAILABLE")).isEqualTo(400);
        assertThat(state(party, cement).getLong("outstandingTonnes")).isZero();
    }
}
