package cn.carbonmarket.allocation.period;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Compliance periods opened by who runs their jurisdiction, moved one step at a time, read by the market. */
@QuarkusTest
class CompliancePeriodTest {

    private static final Database DB = new Database("allocation");

    /** A year no other test run has used, so reruns on the same database open fresh periods. */
    private static int freshYear() {
        for (;;) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2099);
            if (DB.count("select count(*) from compliance_period where period_id = ?", "CN-" + year) == 0) {
                return year;
            }
        }
    }

    private static Map<String, Object> terms(int year) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("jurisdiction", "CN");
        terms.put("firstYear", year);
        terms.put("lastYear", year);
        terms.put("instrument", "CEA-" + year);
        terms.put("benchmarkPack", "CN-2022");
        terms.put("deadline95", (year + 1) + "-10-31");
        terms.put("deadline100", (year + 1) + "-12-31");
        return terms;
    }

    private static ValidatableResponse open(DemoUser user, String periodId, Map<String, Object> terms) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json").body(terms)
                .when().put("/api/v1/compliance-periods/" + periodId).then();
    }

    private static ValidatableResponse move(String periodId, String status) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType("application/json")
                .body(Map.of("status", status)).when().post("/api/v1/compliance-periods/" + periodId + "/status").then();
    }

    @Test
    void theRegulatorOpensAPeriodOnceAndItsTermsAreFixed() {
        int year = freshYear();
        String id = "CN-" + year;
        open(DemoUser.REGULATOR, id, terms(year)).statusCode(201).body("status", equalTo("DRAFT"))
                .body("instrument", equalTo("CEA-" + year)).body("openedBy", equalTo("regulator"));
        open(DemoUser.REGULATOR, id, terms(year)).statusCode(200).body("status", equalTo("DRAFT"));
        Map<String, Object> other = terms(year);
        other.put("deadline100", (year + 2) + "-01-31");
        open(DemoUser.REGULATOR, id, other).statusCode(409).body("code", equalTo("PERIOD_EXISTS"));

        assertThat(DB.count("select count(*) from compliance_period where period_id = ? and deadline_100 = ?::date",
                id, (year + 1) + "-12-31")).isEqualTo(1);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/compliance-periods").then()
                .statusCode(200).body("periodId", hasItem(id));
    }

    @Test
    void aPeriodMovesThroughTheCycleOneStepAtATimeAndNeverBack() {
        int year = freshYear();
        String id = "CN-" + year;
        open(DemoUser.REGULATOR, id, terms(year)).statusCode(201);

        move(id, "REPORTING").statusCode(409).body("code", equalTo("STATUS_TRANSITION_NOT_ALLOWED"));
        move(id, "ALLOCATING").statusCode(200).body("status", equalTo("ALLOCATING"));
        move(id, "ALLOCATING").statusCode(200).body("status", equalTo("ALLOCATING"));
        move(id, "REPORTING").statusCode(200);
        move(id, "ALLOCATING").statusCode(409);
        move(id, "SURRENDER").statusCode(200);
        move(id, "CLOSED").statusCode(200).body("status", equalTo("CLOSED"));
        move("CN-2001", "ALLOCATING").statusCode(404).body("code", equalTo("PERIOD_NOT_FOUND"));

        assertThat(DB.count("select count(*) from compliance_period where period_id = ? and status = 'CLOSED'", id))
                .isEqualTo(1);
    }

    @Test
    void termsThatBreakARuleAreRefusedFieldByFieldAndNothingIsOpened() {
        int year = freshYear();
        Map<String, Object> bad = terms(year);
        bad.put("instrument", "CCER-" + (year + 3));
        bad.put("benchmarkPack", "CN-1999");
        bad.put("deadline95", year + "-06-30");
        bad.put("deadline100", year + "-05-31");
        open(DemoUser.REGULATOR, "CN-" + year, bad).statusCode(400).contentType("application/problem+json")
                .body(containsString("instrument")).body(containsString("benchmarkPack"))
                .body(containsString("deadline95")).body(containsString("deadline100"));
        open(DemoUser.REGULATOR, "SH-" + year, terms(year)).statusCode(400).body(containsString("periodId"));
        Map<String, Object> unknown = terms(year);
        unknown.put("jurisdiction", "XX");
        open(DemoUser.REGULATOR, "XX-" + year, unknown).statusCode(400).body(containsString("jurisdiction"));

        assertThat(DB.count("select count(*) from compliance_period where period_id in (?, ?, ?)", "CN-" + year,
                "SH-" + year, "XX-" + year)).isZero();
    }

    @Test
    void onlyWhoRunsTheJurisdictionOpensAndMovesItsPeriods() {
        int year = freshYear();
        open(DemoUser.PROVINCE_HB, "CN-" + year, terms(year)).statusCode(403);
        open(DemoUser.ENTITY_1, "CN-" + year, terms(year)).statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(Map.of("status", "ALLOCATING")).when().post("/api/v1/compliance-periods/CN-" + year + "/status")
                .then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).when().get("/api/v1/compliance-periods").then()
                .statusCode(403);
        assertThat(DB.count("select count(*) from compliance_period where period_id in (?, ?, ?)", "CN-" + year,
                "SH-" + year, "XX-" + year)).isZero();
    }
}
