package cn.carbonmarket.allocation.report;

import static cn.carbonmarket.allocation.report.ReportFixtures.DB;
import static cn.carbonmarket.allocation.report.ReportFixtures.GUANGDONG;
import static cn.carbonmarket.allocation.report.ReportFixtures.HUBEI;
import static cn.carbonmarket.allocation.report.ReportFixtures.PAST_PERIOD;
import static cn.carbonmarket.allocation.report.ReportFixtures.PERIOD;
import static cn.carbonmarket.allocation.report.ReportFixtures.adjust;
import static cn.carbonmarket.allocation.report.ReportFixtures.as;
import static cn.carbonmarket.allocation.report.ReportFixtures.assign;
import static cn.carbonmarket.allocation.report.ReportFixtures.coal;
import static cn.carbonmarket.allocation.report.ReportFixtures.conclude;
import static cn.carbonmarket.allocation.report.ReportFixtures.confirm;
import static cn.carbonmarket.allocation.report.ReportFixtures.create;
import static cn.carbonmarket.allocation.report.ReportFixtures.defaulted;
import static cn.carbonmarket.allocation.report.ReportFixtures.measured;
import static cn.carbonmarket.allocation.report.ReportFixtures.path;
import static cn.carbonmarket.allocation.report.ReportFixtures.report;
import static cn.carbonmarket.allocation.report.ReportFixtures.reportId;
import static cn.carbonmarket.allocation.report.ReportFixtures.submit;
import static cn.carbonmarket.allocation.report.ReportFixtures.throughConfirmation;
import static cn.carbonmarket.allocation.report.ReportFixtures.unit;
import static cn.carbonmarket.allocation.report.ReportFixtures.unitOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emission reports over HTTP, PostgreSQL and Kafka: drafted and submitted by the entity, assigned by its provincial
 * authority, adjusted and concluded by the verifier, confirmed by the authority (verified emissions per unit, verified
 * activity data and VerifiedEmissions in one transaction), corrected as a new version; every role's reach and refusal.
 */
@QuarkusTest
class ReportWorkflowTest {

    private static final KafkaTopic VERIFIED = new KafkaTopic("allocation.verified-emissions");

    private String coalUnit;
    private String gasUnit;
    private String guangdongUnit;

    /** Allocation runs delete every unit before each of their tests: each test registers its own. */
    @BeforeEach
    void demoEntitiesWithFreshUnits() {
        ReportFixtures.coveredEntitiesAndPeriods();
        coalUnit = unitOf(HUBEI, "COAL_ABOVE_300MW");
        gasUnit = unitOf(HUBEI, "GAS");
        guangdongUnit = unitOf(GUANGDONG, "COAL_300MW_AND_BELOW");
    }

    private Map<String, Object> coalAndGas(String purchasedMwh, String coalConsumption) {
        // gas: 1,000 x 10^4 Nm3 x 389.31 GJ x 0.01532 tC/GJ x 0.99 x 44/12 = 21,650.152 t -> 21,650 t
        return report(PERIOD, 2075,
                unit(coalUnit, 2_000_000, 0, purchasedMwh, coal(coalConsumption, "0.02600")),
                unit(gasUnit, 100_000, 50_000, null, defaulted("NATURAL_GAS", "1000", null)));
    }

    @Test
    void reportVerifyConfirmThenACorrectionReplacesTheVerifiedFigures() {
        String id = reportId(PERIOD, 2075, HUBEI);
        // coal 1,887,600 t + 1,000 MWh x 0.5810 = 581 t -> 1,888,181 t; with gas 1,909,831 t
        create(DemoUser.ENTITY_1, coalAndGas("1000", "1000000")).statusCode(201)
                .body("reportId", equalTo(id)).body("version", equalTo(1)).body("status", equalTo("DRAFT"))
                .body("rulePack", equalTo("CN-2021")).body("indirectEmissionsCounted", equalTo(true))
                .body("emissionsTonnes", equalTo(1_909_831))
                .body("units.find { it.unitId == '" + coalUnit + "' }.emissionsTonnes", equalTo(1_888_181))
                .body("units.find { it.unitId == '" + gasUnit + "' }.fuels[0].carbonContent", equalTo(0.01532f))
                .body("units.find { it.unitId == '" + gasUnit + "' }.emissionsTonnes", equalTo(21_650));
        // 2,000 MWh bought: 1,162 t
        as(DemoUser.ENTITY_1).body(Map.of("units", coalAndGas("2000", "1000000").get("units"))).put(path(id)).then()
                .statusCode(200).body("emissionsTonnes", equalTo(1_910_412));
        submit(DemoUser.ENTITY_1, id).statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(false));
        as(DemoUser.ENTITY_1).body(Map.of("units", coalAndGas("0", "1000000").get("units"))).put(path(id)).then()
                .statusCode(409).body("code", equalTo("REPORT_SUBMITTED"));

        assign(DemoUser.PROVINCE_HB, id, DemoUser.VERIFIER_1.partyId()).statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("verifierPartyId", equalTo(DemoUser.VERIFIER_1.partyId()));
        confirm(DemoUser.PROVINCE_HB, id).statusCode(409).body("code", equalTo("REPORT_ASSIGNED"));
        // 1,020,000 t of coal: 1,887,600 x 1.02 = 1,925,352 t + 1,162 t = 1,926,514 t; with gas 1,948,164 t
        String field = "units[" + coalUnit + "].fuels[0].consumption";
        adjust(DemoUser.VERIFIER_1, id, "the weighbridge records show 1,020,000 t", field, "1020000").statusCode(200)
                .body("emissionsTonnes", equalTo(1_948_164))
                .body("adjustments[0].field", equalTo(field)).body("adjustments[0].oldValue", equalTo("1000000"))
                .body("adjustments[0].newValue", equalTo("1020000"))
                .body("adjustments[0].adjustedBy", equalTo("verifier-1"))
                .body("adjustments[0].afterConclusion", equalTo(false));
        conclude(DemoUser.VERIFIER_1, id).statusCode(200).body("status", equalTo("VERIFIED"));
        confirm(DemoUser.PROVINCE_HB, id).statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("flags", hasSize(0))
                .body("history.action", contains("CREATED", "EDITED", "SUBMITTED", "VERIFIER_ASSIGNED", "ADJUSTED",
                        "CONCLUDED", "CONFIRMED"))
                .body("history.actor", contains("entity-1", "entity-1", "entity-1", "province-hb", "verifier-1",
                        "verifier-1", "province-hb"));

        assertThat(DB.texts("select unit_id || ' ' || emissions_tonnes || ' v' || version from verified_unit_emissions"
                + " where period_id = ? and party_id = ?::uuid and year = 2075 order by emissions_tonnes", PERIOD, HUBEI))
                .containsExactly(gasUnit + " 21650 v1", coalUnit + " 1926514 v1");
        assertThat(DB.count("select count(*) from activity_data where unit_id = ? and year = 2075 and verified"
                + " and electricity_supplied_mwh = 2000000", coalUnit)).isEqualTo(1);
        VERIFIED.await(r -> r.key().equals(HUBEI) && r.value().contains("\"reportId\":\"" + id + "\"")
                && r.value().contains("\"version\":1,") && r.value().contains("\"emissionsTonnes\":1948164"),
                Duration.ofSeconds(30));
        as(DemoUser.ENTITY_1).body(Map.of("units", coalAndGas("0", "1000000").get("units"))).put(path(id)).then()
                .statusCode(409).body("code", equalTo("REPORT_CONFIRMED"));
        adjust(DemoUser.VERIFIER_1, id, "late", field, "1").statusCode(409).body("code", equalTo("REPORT_CONFIRMED"));

        // the correction: coal only, 1,050,000 t, nothing bought: 1,887,600 x 1.05 = 1,981,980 t
        as(DemoUser.ENTITY_1).post(path(id) + "/corrections").then().statusCode(201).body("version", equalTo(2))
                .body("status", equalTo("DRAFT")).body("emissionsTonnes", equalTo(1_948_164));
        as(DemoUser.ENTITY_1).post(path(id) + "/corrections").then().statusCode(409)
                .body("code", equalTo("REPORT_DRAFT"));
        as(DemoUser.ENTITY_1).body(Map.of("units", List.of(unit(coalUnit, 2_100_000, 0, null,
                coal("1050000", "0.02600"))))).put(path(id)).then().statusCode(200)
                .body("emissionsTonnes", equalTo(1_981_980));
        throughConfirmation(id);
        assertThat(DB.texts("select unit_id || ' ' || emissions_tonnes || ' v' || version from verified_unit_emissions"
                + " where period_id = ? and party_id = ?::uuid and year = 2075", PERIOD, HUBEI))
                .containsExactly(coalUnit + " 1981980 v2");
        assertThat(DB.count("select count(*) from activity_data where unit_id = ? and year = 2075 and verified"
                + " and electricity_supplied_mwh = 2100000", coalUnit)).isEqualTo(1);
        VERIFIED.await(r -> r.value().contains("\"reportId\":\"" + id + "\"") && r.value().contains("\"version\":2,")
                && r.value().contains("\"emissionsTonnes\":1981980"), Duration.ofSeconds(30));
        as(DemoUser.REGULATOR).get(path(id) + "?version=1").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("emissionsTonnes", equalTo(1_948_164))
                .body("units", hasSize(2));
        as(DemoUser.REGULATOR).get(path(id)).then().statusCode(200).body("version", equalTo(2))
                .body("history.action", hasItem("CORRECTION_OPENED"));
    }

    @Test
    void eachRoleReachesOnlyItsOwnReportsAndSteps() {
        String hubei = reportId(PERIOD, 2076, HUBEI);
        String guangdong = reportId(PERIOD, 2076, GUANGDONG);
        create(DemoUser.ENTITY_1, report(PERIOD, 2076, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(201);
        create(DemoUser.ENTITY_2, report(PERIOD, 2076, unit(guangdongUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(201);

        as(DemoUser.ENTITY_2).get(path(hubei)).then().statusCode(403).body("code", equalTo("NOT_YOUR_PARTY"));
        submit(DemoUser.ENTITY_2, hubei).statusCode(403).body("code", equalTo("NOT_YOUR_PARTY"));
        as(DemoUser.PROVINCE_HB).get(path(guangdong)).then().statusCode(403).body("code", equalTo("NOT_YOUR_REGION"));
        as(DemoUser.VERIFIER_1).get(path(hubei)).then().statusCode(403).body("code", equalTo("NOT_ASSIGNED"));
        as(DemoUser.REGULATOR).get(path(guangdong)).then().statusCode(200).body("flags", hasSize(0));
        as(DemoUser.ENTITY_1).get(path(hubei)).then().statusCode(200).body("$", not(hasKey("flags")));
        as(DemoUser.ENTITY_1).get(path(reportId(PERIOD, 2079, HUBEI))).then().statusCode(404)
                .body("code", equalTo("REPORT_NOT_FOUND"));
        create(DemoUser.REGULATOR, report(PERIOD, 2077, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        assign(DemoUser.ENTITY_1, hubei, DemoUser.VERIFIER_1.partyId()).statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        assign(DemoUser.PROVINCE_HB, hubei, DemoUser.VERIFIER_1.partyId()).statusCode(409)
                .body("code", equalTo("REPORT_DRAFT"));

        submit(DemoUser.ENTITY_1, hubei).statusCode(200);
        submit(DemoUser.ENTITY_2, guangdong).statusCode(200);
        assign(DemoUser.PROVINCE_HB, guangdong, DemoUser.VERIFIER_1.partyId()).statusCode(403)
                .body("code", equalTo("NOT_YOUR_REGION"));
        assign(DemoUser.PROVINCE_HB, hubei, HUBEI).statusCode(400).body("errors[0].field", equalTo("verifierPartyId"));
        assign(DemoUser.PROVINCE_HB, hubei, DemoUser.VERIFIER_1.partyId()).statusCode(200);
        as(DemoUser.VERIFIER_1).get(path(hubei)).then().statusCode(200).body("$", not(hasKey("flags")));
        as(DemoUser.VERIFIER_1).get("/api/v1/emission-reports?periodId=" + PERIOD).then().statusCode(200)
                .body("reportId", contains(hubei));
        as(DemoUser.ENTITY_2).get("/api/v1/emission-reports?periodId=" + PERIOD).then().statusCode(200)
                .body("reportId", contains(guangdong));
        as(DemoUser.ENTITY_2).get("/api/v1/emission-reports?partyId=" + HUBEI).then().statusCode(403);
        as(DemoUser.PROVINCE_HB).get("/api/v1/emission-reports?periodId=" + PERIOD).then().statusCode(200)
                .body("reportId", contains(hubei));
        as(DemoUser.REGULATOR).get("/api/v1/emission-reports?periodId=" + PERIOD + "&year=2076").then()
                .statusCode(200).body("reportId", containsInAnyOrder(guangdong, hubei));

        conclude(DemoUser.VERIFIER_1, hubei).statusCode(200);
        confirm(DemoUser.ENTITY_1, hubei).statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        confirm(DemoUser.REGULATOR, hubei).statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
        conclude(DemoUser.VERIFIER_1, hubei).statusCode(409).body("code", equalTo("REPORT_VERIFIED"));
        // another verifier now: verifier-1 reaches the report no more
        assign(DemoUser.PROVINCE_HB, hubei, UUID.randomUUID().toString()).statusCode(409)
                .body("code", equalTo("REPORT_VERIFIED"));
        String other = reportId(PERIOD, 2077, HUBEI);
        create(DemoUser.ENTITY_1, report(PERIOD, 2077, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(201);
        submit(DemoUser.ENTITY_1, other).statusCode(200);
        assign(DemoUser.PROVINCE_HB, other, DemoUser.VERIFIER_1.partyId()).statusCode(200);
        assign(DemoUser.PROVINCE_HB, other, UUID.randomUUID().toString()).statusCode(200);
        as(DemoUser.VERIFIER_1).get(path(other)).then().statusCode(403).body("code", equalTo("NOT_ASSIGNED"));
        adjust(DemoUser.VERIFIER_1, other, "no", "units[" + coalUnit + "].heatSuppliedGj", "1").statusCode(403)
                .body("code", equalTo("NOT_ASSIGNED"));
        conclude(DemoUser.VERIFIER_1, other).statusCode(403).body("code", equalTo("NOT_ASSIGNED"));
    }

    @Test
    void wrongFiguresAreRefusedEachByItsPathAndNothingIsRecorded() {
        Map<String, Object> noEvidence = measured("BITUMINOUS_COAL", "1", "20", "0.026", null, null);
        Map<String, Object> defaultWithFigure = defaulted("ANTHRACITE", "1", null);
        defaultWithFigure.put("carbonContent", "0.02");
        create(DemoUser.ENTITY_1, report(PERIOD, 2078, unit(coalUnit, 1_000, 0, "-1", noEvidence, defaultWithFigure)))
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("units[0].purchasedElectricityMwh"))
                .body("errors.field", hasItem("units[0].fuels[0].labReportId"))
                .body("errors.field", hasItem("units[0].fuels[0].sampleId"))
                .body("errors.field", hasItem("units[0].fuels[1].carbonContent"));
        Map<String, Object> unit = unit(coalUnit, 1_000, 0, null, coal("1", "0.026"));
        unit.put("loadFactor", "1.2");
        create(DemoUser.ENTITY_1, report(PERIOD, 2078, unit)).statusCode(400)
                .body("errors[0].field", equalTo("units[0].loadFactor"));
        create(DemoUser.ENTITY_1, report(PERIOD, 2078, unit(guangdongUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(400).body("errors[0].field", equalTo("units[0].unitId"))
                .body("errors[0].message", containsString("not a registered generating unit"));
        create(DemoUser.ENTITY_1, report(PERIOD, 2081, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(400).body("errors[0].field", equalTo("year"));
        create(DemoUser.ENTITY_1, report("CN-2001", 2001, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(404).body("code", equalTo("PERIOD_NOT_FOUND"));
        assertThat(DB.count("select count(*) from emission_report where party_id = ?::uuid and year in (2078, 2081)",
                HUBEI)).isZero();

        String id = reportId(PERIOD, 2078, HUBEI);
        create(DemoUser.ENTITY_1, report(PERIOD, 2078, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(201);
        create(DemoUser.ENTITY_1, report(PERIOD, 2078, unit(coalUnit, 1_000, 0, null, coal("1", "0.026"))))
                .statusCode(409).body("code", equalTo("REPORT_EXISTS"));
        submit(DemoUser.ENTITY_1, id).statusCode(200);
        assign(DemoUser.PROVINCE_HB, id, DemoUser.VERIFIER_1.partyId()).statusCode(200);
        adjust(DemoUser.VERIFIER_1, id, "typo", "units[" + coalUnit + "].fuels[3].consumption", "2").statusCode(400)
                .body("errors[0].field", equalTo("changes[0]"));
        adjust(DemoUser.VERIFIER_1, id, "typo", "units[" + coalUnit + "].fuels[0].consumption", "-2").statusCode(400)
                .body("errors[0].field", equalTo("units[0].fuels[0].consumption"));
        adjust(DemoUser.VERIFIER_1, id, "typo", "units[" + coalUnit + "].colour", "red").statusCode(400);
        assertThat(DB.count("select count(*) from report_adjustment where report_id = ?", id)).isZero();
    }

    @Test
    void aReportSubmittedAfter31MarchOfTheFollowingYearIsAcceptedAndMarkedLate() {
        String id = reportId(PAST_PERIOD, 2014, HUBEI);
        create(DemoUser.ENTITY_1, report(PAST_PERIOD, 2014, unit(coalUnit, 1_000, 0, "10", coal("1", "0.026"))))
                .statusCode(201).body("rulePack", equalTo("CN-2019-2020"));
        submit(DemoUser.ENTITY_1, id).statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(true))
                .body("history.find { it.action == 'SUBMITTED' }.note", equalTo("late: due by 2015-03-31"));
    }
}
