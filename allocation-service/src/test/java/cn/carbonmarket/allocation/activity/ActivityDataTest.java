package cn.carbonmarket.allocation.activity;

import static cn.carbonmarket.allocation.activity.ActivityFixtures.DB;
import static cn.carbonmarket.allocation.activity.ActivityFixtures.records;
import static cn.carbonmarket.allocation.activity.ActivityFixtures.unitOf;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A unit's activity data of a year entered through the API, read by whom may, over real tokens. */
@QuarkusTest
class ActivityDataTest {

    private static final int YEAR = 2094;

    private String hubei;
    private String guangdong;

    @BeforeEach
    void coveredEntitiesInTwoProvinces() {
        hubei = ActivityFixtures.hubeiEntity();
        guangdong = ActivityFixtures.guangdongEntity();
    }

    private static Map<String, Object> figures(long mwh, String loadFactor) {
        Map<String, Object> figures = new HashMap<>();
        figures.put("electricitySuppliedMwh", mwh);
        figures.put("heatSuppliedGj", 1_000_000);
        figures.put("loadFactor", Double.valueOf(loadFactor));
        figures.put("heatSupplyRatio", 0.15);
        return figures;
    }

    private static Map<String, Object> verified(Map<String, Object> figures) {
        figures.put("verified", true);
        return figures;
    }

    private static ValidatableResponse put(DemoUser user, int year, String unitId, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(body)
                .when().put("/api/v1/activity-data/" + year + "/" + unitId).then();
    }

    private static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).when().get(path).then();
    }

    private static String stored(String unitId) {
        return DB.texts("select concat_ws('|', electricity_supplied_mwh, heat_supplied_gj, load_factor,"
                + " heat_supply_ratio, verified, recorded_by, upload_id) from activity_data where unit_id = ?"
                + " and year = ?", unitId, YEAR).stream().findFirst().orElse(null);
    }

    @Test
    void theProvinceRecordsAUnitsYearAndTheSameFiguresAgainChangeNothing() {
        String unit = unitOf(hubei);
        String recordedAt = put(DemoUser.PROVINCE_HB, YEAR, unit, figures(3_000_000, "0.82")).statusCode(201)
                .body("unitId", equalTo(unit)).body("partyId", equalTo(hubei)).body("year", equalTo(YEAR))
                .body("verified", equalTo(false)).body("uploadId", nullValue())
                .body("recordedBy", equalTo("province-hb")).extract().path("updatedAt");
        assertThat(stored(unit)).isEqualTo("3000000|1000000|0.8200|0.1500|f|province-hb");

        put(DemoUser.PROVINCE_HB, YEAR, unit, figures(3_000_000, "0.82")).statusCode(200)
                .body("updatedAt", equalTo(recordedAt));
        put(DemoUser.REGULATOR, YEAR, unit, figures(3_100_000, "0.8215")).statusCode(200)
                .body("electricitySuppliedMwh", equalTo(3_100_000)).body("recordedBy", equalTo("regulator"))
                .body("recordedAt", equalTo(recordedAt)).body("updatedAt", not(equalTo(recordedAt)));
        assertThat(stored(unit)).isEqualTo("3100000|1000000|0.8215|0.1500|f|regulator");
        assertThat(records(YEAR, unit)).isEqualTo(1);

        get(DemoUser.REGULATOR, "/api/v1/activity-data/" + YEAR + "/" + unit).statusCode(200)
                .body("electricitySuppliedMwh", equalTo(3_100_000));
        get(DemoUser.PROVINCE_HB, "/api/v1/activity-data/" + YEAR + "?partyId=" + hubei).statusCode(200)
                .body("unitId", hasItem(unit));
    }

    @Test
    void aProvinceReachesOnlyItsRegionsUnits() {
        String unit = unitOf(guangdong);
        put(DemoUser.PROVINCE_HB, YEAR, unit, figures(1_000, "0.5")).statusCode(403)
                .body("code", equalTo("NOT_YOUR_REGION"));
        assertThat(records(YEAR, unit)).isZero();

        put(DemoUser.REGULATOR, YEAR, unit, figures(1_000, "0.5")).statusCode(201);
        get(DemoUser.PROVINCE_HB, "/api/v1/activity-data/" + YEAR + "/" + unit).statusCode(403)
                .body("code", equalTo("NOT_YOUR_REGION"));
        get(DemoUser.PROVINCE_HB, "/api/v1/activity-data/" + YEAR + "?partyId=" + guangdong).statusCode(403);
    }

    @Test
    void onlyTheRegulatorVerifiesAndOnlyTheRegulatorChangesVerifiedData() {
        String unit = unitOf(hubei);
        put(DemoUser.PROVINCE_HB, YEAR, unit, verified(figures(2_000, "0.9"))).statusCode(403)
                .body("code", equalTo("VERIFIED_BY_REGULATOR_ONLY"));
        assertThat(records(YEAR, unit)).isZero();

        put(DemoUser.PROVINCE_HB, YEAR, unit, figures(2_000, "0.9")).statusCode(201);
        put(DemoUser.REGULATOR, YEAR, unit, verified(figures(2_000, "0.9"))).statusCode(200)
                .body("verified", equalTo(true));
        put(DemoUser.PROVINCE_HB, YEAR, unit, figures(2_500, "0.9")).statusCode(409)
                .body("code", equalTo("ACTIVITY_VERIFIED"));
        put(DemoUser.PROVINCE_HB, YEAR, unit, figures(2_000, "0.9")).statusCode(409);
        assertThat(stored(unit)).isEqualTo("2000|1000000|0.9000|0.1500|t|regulator");

        put(DemoUser.REGULATOR, YEAR, unit, verified(figures(2_500, "0.9"))).statusCode(200);
        assertThat(stored(unit)).isEqualTo("2500|1000000|0.9000|0.1500|t|regulator");
    }

    @Test
    void anEntitySeesOnlyItsOwnUnitsData() {
        String own = unitOf(hubei);
        String other = unitOf(guangdong);
        put(DemoUser.REGULATOR, YEAR, own, figures(1_000, "0.7")).statusCode(201);
        put(DemoUser.REGULATOR, YEAR, other, figures(1_000, "0.7")).statusCode(201);

        get(DemoUser.ENTITY_1, "/api/v1/activity-data/" + YEAR + "/" + own).statusCode(200)
                .body("unitId", equalTo(own));
        get(DemoUser.ENTITY_1, "/api/v1/activity-data/" + YEAR + "?partyId=" + hubei).statusCode(200)
                .body("unitId", hasItem(own)).body("unitId", not(hasItem(other)));
        get(DemoUser.ENTITY_1, "/api/v1/activity-data/" + YEAR + "/" + other).statusCode(403)
                .body("code", equalTo("NOT_YOUR_PARTY"));
        get(DemoUser.ENTITY_1, "/api/v1/activity-data/" + YEAR + "?partyId=" + guangdong).statusCode(403);
        get(DemoUser.INVESTOR_1, "/api/v1/activity-data/" + YEAR + "/" + own).statusCode(403);
        put(DemoUser.ENTITY_1, YEAR, own, figures(9_999, "0.7")).statusCode(403);
        assertThat(stored(own)).startsWith("1000|");
    }

    @Test
    void badFiguresAreRefusedFieldByFieldAndNothingIsStored() {
        String unit = unitOf(hubei);
        Map<String, Object> bad = figures(1_000, "1.5");
        bad.remove("electricitySuppliedMwh");
        bad.put("heatSuppliedGj", -1);
        bad.put("heatSupplyRatio", 0.12345);
        put(DemoUser.REGULATOR, YEAR, unit, bad).statusCode(400).contentType("application/problem+json")
                .body(containsString("electricitySuppliedMwh")).body(containsString("heatSuppliedGj"))
                .body(containsString("loadFactor")).body(containsString("heatSupplyRatio"));
        Map<String, Object> fraction = figures(1_000, "0.5");
        fraction.put("electricitySuppliedMwh", 1000.5);
        put(DemoUser.REGULATOR, YEAR, unit, fraction).statusCode(400).body(containsString("electricitySuppliedMwh"));
        put(DemoUser.REGULATOR, 2012, unit, figures(1_000, "0.5")).statusCode(400)
                .body("errors.field", hasItem("year"));
        assertThat(records(YEAR, unit)).isZero();
        assertThat(records(2012, unit)).isZero();

        put(DemoUser.REGULATOR, YEAR, "U-none", figures(1_000, "0.5")).statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND"));
        get(DemoUser.REGULATOR, "/api/v1/activity-data/" + YEAR + "/" + unit).statusCode(404)
                .body("code", equalTo("ACTIVITY_NOT_FOUND"));
        get(DemoUser.REGULATOR, "/api/v1/activity-data/" + YEAR).statusCode(400).body(containsString("partyId"));
    }
}
