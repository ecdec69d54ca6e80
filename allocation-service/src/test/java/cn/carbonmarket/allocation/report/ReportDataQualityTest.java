package cn.carbonmarket.allocation.report;

import static cn.carbonmarket.allocation.report.ReportFixtures.DB;
import static cn.carbonmarket.allocation.report.ReportFixtures.GUANGDONG;
import static cn.carbonmarket.allocation.report.ReportFixtures.HUBEI;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each data-quality flag raised by a crafted unit of one report, and none by its clean unit: entity-1's units
 * confirmed for 2073 with measured coal, then its 2074 report with one unit per flag beside a clean one.
 */
@QuarkusTest
class ReportDataQualityTest {

    private String clean;
    private String implausible;
    private String intensity;
    private String defaulted;
    private String shared;
    private String guangdongUnit;

    /** Allocation runs delete every unit before each of their tests: each test registers its own. */
    @BeforeEach
    void demoEntitiesWithFreshUnits() {
        ReportFixtures.coveredEntitiesAndPeriods();
        clean = unitOf(HUBEI, "COAL_ABOVE_300MW");
        implausible = unitOf(HUBEI, "COAL_ABOVE_300MW");
        intensity = unitOf(HUBEI, "COAL_ABOVE_300MW");
        defaulted = unitOf(HUBEI, "COAL_ABOVE_300MW");
        shared = unitOf(HUBEI, "COAL_ABOVE_300MW");
        guangdongUnit = unitOf(GUANGDONG, "COAL_300MW_AND_BELOW");
    }

    @Test
    void eachCraftedUnitRaisesItsFlagAndTheCleanUnitNone() {
        // 2073: every unit 1,000,000 t of coal at 0.026 tC/GJ measured, 2,000,000 MWh: 1,887,600 t, 0.9438 t/MWh
        String before = reportId(PERIOD, 2073, HUBEI);
        create(DemoUser.ENTITY_1, report(PERIOD, 2073, unit(clean, 2_000_000, 0, null, coal("1000000", "0.026")),
                unit(implausible, 2_000_000, 0, null, coal("1000000", "0.026")),
                unit(intensity, 2_000_000, 0, null, coal("1000000", "0.026")),
                unit(defaulted, 2_000_000, 0, null, coal("1000000", "0.026")),
                unit(shared, 2_000_000, 0, null, coal("1000000", "0.026")))).statusCode(201);
        as(DemoUser.PROVINCE_HB).get(path(before)).then().statusCode(200).body("flags", hasSize(0));
        throughConfirmation(before);

        // another entity's submitted report names a lab report and a sample
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lab = "LAB-SHARED-" + suffix;
        create(DemoUser.ENTITY_2, report(PERIOD, 2074, unit(guangdongUnit, 1_000, 0, null,
                measured("ANTHRACITE", "1", "20", "0.027", lab, "S-SHARED-" + suffix)))).statusCode(201);
        submit(DemoUser.ENTITY_2, reportId(PERIOD, 2074, GUANGDONG)).statusCode(200);

        String id = reportId(PERIOD, 2074, HUBEI);
        create(DemoUser.ENTITY_1, report(PERIOD, 2074,
                unit(clean, 2_000_000, 0, null, coal("1000000", "0.026")),
                // 1,300,000 t at 0.020 tC/GJ (below the plausible 0.0240): the same 1,887,600 t
                unit(implausible, 2_000_000, 0, null, coal("1300000", "0.020")),
                // 1,887,600 t on 1,500,000 MWh: 1.2584 t/MWh, 33.33% above 0.9438
                unit(intensity, 1_500_000, 0, null, coal("1000000", "0.026")),
                // the default 0.03085 tC/GJ on 842,788 t: 1,887,601 t, where 2073 was measured
                unit(defaulted, 2_000_000, 0, null, defaulted("BITUMINOUS_COAL", "842788", "20.000")),
                unit(shared, 2_000_000, 0, null, measured("BITUMINOUS_COAL", "1000000", "20.000", "0.026", lab,
                        "S-" + suffix)))).statusCode(201);
        submit(DemoUser.ENTITY_1, id).statusCode(200);
        assign(DemoUser.PROVINCE_HB, id, DemoUser.VERIFIER_1.partyId()).statusCode(200);
        conclude(DemoUser.VERIFIER_1, id).statusCode(200);
        adjust(DemoUser.VERIFIER_1, id, "the heat meter was read again", "units[" + clean + "].heatSuppliedGj", "10")
                .statusCode(200).body("adjustments[0].afterConclusion", equalTo(true))
                .body("$", not(hasKey("flags")));

        JsonPath seen = as(DemoUser.PROVINCE_HB).get(path(id)).then().statusCode(200)
                .body("flags.code", containsInAnyOrder("CARBON_CONTENT_IMPLAUSIBLE", "INTENSITY_CHANGE",
                        "DEFAULT_AFTER_MEASURED", "LAB_EVIDENCE_SHARED", "CHANGED_AFTER_CONCLUSION"))
                .extract().jsonPath();
        assertThat(flag(seen, "CARBON_CONTENT_IMPLAUSIBLE")).containsEntry("unitId", implausible)
                .extractingByKey("reason").asString().contains("0.020 tC/GJ").contains("0.0240 to 0.0290");
        assertThat(flag(seen, "INTENSITY_CHANGE")).containsEntry("unitId", intensity)
                .extractingByKey("reason").asString().contains("1.258400").contains("0.943800").contains("33.33%");
        assertThat(flag(seen, "DEFAULT_AFTER_MEASURED")).containsEntry("unitId", defaulted);
        assertThat(flag(seen, "LAB_EVIDENCE_SHARED")).containsEntry("unitId", shared)
                .extractingByKey("reason").asString().contains(lab).contains(reportId(PERIOD, 2074, GUANGDONG));
        assertThat(flag(seen, "CHANGED_AFTER_CONCLUSION").get("reason").toString())
                .contains("units[" + clean + "].heatSuppliedGj").contains("from 0 to 10");
        assertThat(seen.getList("flags.unitId")).doesNotContain(clean);
        as(DemoUser.ENTITY_1).get(path(id)).then().statusCode(200).body("$", not(hasKey("flags")));

        confirm(DemoUser.PROVINCE_HB, id).statusCode(200).body("flags", hasSize(5));
        assertThat(DB.count("select count(*) from report_flag where report_id = ? and version = 1", id)).isEqualTo(5);
        as(DemoUser.REGULATOR).get(path(id)).then().statusCode(200).body("flags", hasSize(5))
                .body("flags.find { it.code == 'LAB_EVIDENCE_SHARED' }.reason", containsString(lab));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flag(JsonPath view, String code) {
        List<Map<String, Object>> flags = view.getList("flags");
        return flags.stream().filter(f -> code.equals(f.get("code"))).findFirst().orElseThrow();
    }
}
