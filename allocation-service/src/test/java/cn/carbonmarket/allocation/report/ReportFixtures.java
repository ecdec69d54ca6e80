package cn.carbonmarket.allocation.report;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the report tests need: the demo entities covered (entity-1 in Hubei, entity-2 in Guangdong, the parties their
 * tokens carry), periods of their own late in the century (and one long past, for late submissions), fresh units, and
 * report bodies. Only the demo entities' reports of these periods are forgotten between tests.
 */
final class ReportFixtures {

    static final Database DB = new Database("allocation");
    /** Allocated by the CN-2021 pack: purchased electricity counts at 0.5810 tCO2/MWh. */
    static final String PERIOD = "CN-2071-2080";
    /** Long past: every report of it is submitted after 31 March of the following year. */
    static final String PAST_PERIOD = "CN-2014-2015";
    static final String HUBEI = DemoUser.ENTITY_1.partyId();
    static final String GUANGDONG = DemoUser.ENTITY_2.partyId();
    private static final String[] PERIODS = {PERIOD, PAST_PERIOD};

    private ReportFixtures() {
    }

    static void coveredEntitiesAndPeriods() {
        covered(PartyEvents.registered(HUBEI, "Wuhan Thermal Power Co., Ltd.", "COMPLIANCE_ENTITY", "HB"));
        covered(PartyEvents.registered(GUANGDONG, "Shenzhen Cement Co., Ltd.", "COMPLIANCE_ENTITY", "GD"));
        open(PERIOD, 2071, 2080, "CN-2021");
        open(PAST_PERIOD, 2014, 2015, "CN-2019-2020");
        forgetDemoReports();
    }

    private static void covered(PartyEvents.Sent event) {
        if (DB.count("select count(*) from covered_entity where party_id = ?::uuid", event.partyId()) == 1) {
            return;
        }
        PartyEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "select count(*) from covered_entity where party_id = ?::uuid", event.partyId()) == 1);
    }

    private static void open(String periodId, int first, int last, String pack) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("jurisdiction", "CN");
        terms.put("firstYear", first);
        terms.put("lastYear", last);
        terms.put("instrument", "CEA-" + first);
        terms.put("benchmarkPack", pack);
        terms.put("deadline95", (last + 1) + "-10-31");
        terms.put("deadline100", (last + 1) + "-12-31");
        as(DemoUser.REGULATOR).body(terms).put("/api/v1/compliance-periods/" + periodId).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** The demo entities' reports of the tests' periods, and what their confirmation wrote. */
    private static void forgetDemoReports() {
        String mine = "select report_id from emission_report where period_id = any(?) and party_id = any(?::uuid[])";
        String[] parties = {HUBEI, GUANGDONG};
        for (String table : List.of("report_flag", "report_adjustment", "report_step", "report_fuel", "report_unit")) {
            DB.update("delete from " + table + " where report_id in (" + mine + ")", PERIODS, parties);
        }
        DB.update("delete from emission_report where period_id = any(?) and party_id = any(?::uuid[])", PERIODS,
                parties);
        DB.update("delete from verified_unit_emissions where period_id = any(?) and party_id = any(?::uuid[])",
                PERIODS, parties);
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json");
    }

    /** A new unit of the entity, registered by the regulator. */
    static String unitOf(String partyId, String category) {
        String unitId = "ER-" + UUID.randomUUID().toString().substring(0, 13);
        as(DemoUser.REGULATOR).body(Map.of("partyId", partyId, "category", category, "capacityMw", 600,
                        "cooling", "WATER", "combinedHeatAndPower", false, "commissionedOn", "2012-06-30"))
                .put("/api/v1/generating-units/" + unitId).then().statusCode(201);
        return unitId;
    }

    static String reportId(String periodId, int year, String partyId) {
        return "ER-" + periodId + "-" + year + "-" + partyId;
    }

    static String path(String reportId) {
        return "/api/v1/emission-reports/" + reportId;
    }

    static Map<String, Object> measured(String fuel, String consumption, String ncv, String carbonContent,
                                        String labReportId, String sampleId) {
        Map<String, Object> line = new HashMap<>();
        line.put("fuel", fuel);
        line.put("consumption", consumption);
        line.put("netCalorificValue", ncv);
        line.put("carbonContentMethod", "MEASURED");
        line.put("carbonContent", carbonContent);
        line.put("labReportId", labReportId);
        line.put("sampleId", sampleId);
        return line;
    }

    static Map<String, Object> defaulted(String fuel, String consumption, String ncv) {
        Map<String, Object> line = new HashMap<>();
        line.put("fuel", fuel);
        line.put("consumption", consumption);
        line.put("netCalorificValue", ncv);
        line.put("carbonContentMethod", "DEFAULT");
        return line;
    }

    /** Bituminous coal, 1,000,000 t at 20 GJ/t and 0.026 tC/GJ measured: 1,887,600 t with the pack's 0.99. */
    static Map<String, Object> coal(String consumption, String carbonContent) {
        String evidence = UUID.randomUUID().toString().substring(0, 8);
        return measured("BITUMINOUS_COAL", consumption, "20.000", carbonContent, "LAB-" + evidence, "S-" + evidence);
    }

    @SafeVarargs
    static Map<String, Object> unit(String unitId, long mwh, long gj, String purchasedMwh,
                                    Map<String, Object>... fuels) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("unitId", unitId);
        unit.put("electricitySuppliedMwh", mwh);
        unit.put("heatSuppliedGj", gj);
        unit.put("loadFactor", "0.80");
        unit.put("heatSupplyRatio", "0");
        unit.put("purchasedElectricityMwh", purchasedMwh);
        unit.put("fuels", Arrays.asList(fuels));
        return unit;
    }

    @SafeVarargs
    static Map<String, Object> report(String periodId, int year, Map<String, Object>... units) {
        return Map.of("periodId", periodId, "year", year, "units", Arrays.asList(units));
    }

    static ValidatableResponse create(DemoUser entity, Map<String, Object> report) {
        return as(entity).body(report).post("/api/v1/emission-reports").then();
    }

    static ValidatableResponse submit(DemoUser entity, String reportId) {
        return as(entity).post(path(reportId) + "/submission").then();
    }

    static ValidatableResponse assign(DemoUser province, String reportId, String verifierPartyId) {
        return as(province).body(Map.of("verifierPartyId", verifierPartyId)).post(path(reportId) + "/verifier").then();
    }

    static ValidatableResponse adjust(DemoUser verifier, String reportId, String reason, String field, String value) {
        Map<String, Object> change = new HashMap<>();
        change.put("field", field);
        change.put("value", value);
        return as(verifier).body(Map.of("reason", reason, "changes", List.of(change)))
                .post(path(reportId) + "/adjustments").then();
    }

    static ValidatableResponse conclude(DemoUser verifier, String reportId) {
        return as(verifier).body(Map.of("opinion", "the figures are supported by the records sampled"))
                .post(path(reportId) + "/conclusion").then();
    }

    static ValidatableResponse confirm(DemoUser province, String reportId) {
        return as(province).post(path(reportId) + "/confirmation").then();
    }

    /** entity-1's report from submission to confirmation, verified by verifier-1 without changes. */
    static void throughConfirmation(String reportId) {
        submit(DemoUser.ENTITY_1, reportId).statusCode(200);
        assign(DemoUser.PROVINCE_HB, reportId, DemoUser.VERIFIER_1.partyId()).statusCode(200);
        conclude(DemoUser.VERIFIER_1, reportId).statusCode(200);
        confirm(DemoUser.PROVINCE_HB, reportId).statusCode(200);
    }
}
