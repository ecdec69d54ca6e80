package cn.carbonmarket.allocation.report;

import static cn.carbonmarket.allocation.report.ReportFixtures.DB;
import static cn.carbonmarket.allocation.report.ReportFixtures.GUANGDONG;
import static cn.carbonmarket.allocation.report.ReportFixtures.HUBEI;
import static cn.carbonmarket.allocation.report.ReportFixtures.PERIOD;
import static cn.carbonmarket.allocation.report.ReportFixtures.as;
import static cn.carbonmarket.allocation.report.ReportFixtures.coal;
import static cn.carbonmarket.allocation.report.ReportFixtures.path;
import static cn.carbonmarket.allocation.report.ReportFixtures.reportId;
import static cn.carbonmarket.allocation.report.ReportFixtures.unit;
import static cn.carbonmarket.allocation.report.ReportFixtures.unitOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many entities' reports submitted at once by their provincial authority or the regulator: all or nothing. */
@QuarkusTest
class ReportUploadTest {

    private String hubeiUnit;
    private String guangdongUnit;

    /** Allocation runs delete every unit before each of their tests: each test registers its own. */
    @BeforeEach
    void demoEntitiesWithFreshUnits() {
        ReportFixtures.coveredEntitiesAndPeriods();
        hubeiUnit = unitOf(HUBEI, "COAL_ABOVE_300MW");
        guangdongUnit = unitOf(GUANGDONG, "COAL_300MW_AND_BELOW");
    }

    private static Map<String, Object> item(String partyId, int year, Map<String, Object> unit) {
        return Map.of("partyId", partyId, "periodId", PERIOD, "year", year, "units", List.of(unit));
    }

    private static ValidatableResponse upload(DemoUser user, List<Map<String, Object>> reports) {
        return as(user).body(reports).post("/api/v1/emission-reports/uploads").then();
    }

    @Test
    void anUploadWithOneWrongReportRecordsNoneAndNamesEachFault() {
        Map<String, Object> wrongFigure = unit(hubeiUnit, 1_000, 0, null, coal("1", "0.026"));
        wrongFigure.put("heatSupplyRatio", "2");
        upload(DemoUser.PROVINCE_HB, List.of(
                        item(HUBEI, 2079, unit(hubeiUnit, 1_000, 0, null, coal("1", "0.026"))),
                        item(GUANGDONG, 2079, unit(guangdongUnit, 1_000, 0, null, coal("1", "0.026"))),
                        item(HUBEI, 2080, wrongFigure),
                        item(HUBEI, 2079, unit(hubeiUnit, 1_000, 0, null, coal("1", "0.026")))))
                .statusCode(400).body("code", equalTo("UPLOAD_INVALID")).body("errorCount", equalTo(3))
                .body("errors.index", contains(1, 2, 3))
                .body("errors[0].field", equalTo("partyId"))
                .body("errors[0].reason", containsString("only its region's"))
                .body("errors[1].field", equalTo("units[0].heatSupplyRatio"))
                .body("errors[2].reason", containsString("already at index 0"));
        assertThat(DB.count("select count(*) from emission_report where period_id = ? and year in (2079, 2080)"
                + " and party_id = any(?::uuid[])", PERIOD, new String[] {HUBEI, GUANGDONG})).isZero();

        upload(DemoUser.ENTITY_1, List.of(item(HUBEI, 2079, unit(hubeiUnit, 1_000, 0, null, coal("1", "0.026")))))
                .statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    @Test
    void aProvinceSubmitsItsRegionsReportsAndTheRegulatorAnyones() {
        // 1 t of coal at 20 GJ/t and 0.026 tC/GJ: 1.8876 t -> 2 t
        upload(DemoUser.PROVINCE_HB, List.of(item(HUBEI, 2079, unit(hubeiUnit, 1_000, 0, null,
                coal("1", "0.026"))))).statusCode(201).body("", hasSize(1))
                .body("[0].reportId", equalTo(reportId(PERIOD, 2079, HUBEI))).body("[0].status", equalTo("SUBMITTED"))
                .body("[0].emissionsTonnes", equalTo(2));
        as(DemoUser.ENTITY_1).get(path(reportId(PERIOD, 2079, HUBEI))).then().statusCode(200)
                .body("history.action", contains("CREATED", "SUBMITTED"))
                .body("history[1].note", equalTo("uploaded by province-hb for the entity"));
        upload(DemoUser.PROVINCE_HB, List.of(item(HUBEI, 2079, unit(hubeiUnit, 1_000, 0, null,
                coal("1", "0.026"))))).statusCode(400).body("errors[0].field", equalTo("year"))
                .body("errors[0].reason", containsString("exists"));
        upload(DemoUser.REGULATOR, List.of(item(GUANGDONG, 2079, unit(guangdongUnit, 1_000, 0, null,
                coal("1", "0.026"))))).statusCode(201).body("[0].partyId", equalTo(GUANGDONG));
    }
}
