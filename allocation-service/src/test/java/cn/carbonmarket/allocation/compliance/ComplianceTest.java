package cn.carbonmarket.allocation.compliance;

import static cn.carbonmarket.allocation.MarketEvents.envelope;
import static cn.carbonmarket.allocation.MarketEvents.surrender;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.allocation.MarketEvents;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Obligations, surrender status, warnings and penalties over HTTP, PostgreSQL and Kafka. Each test's periods,
 * entities and final runs are its own, written straight into the tables (the report package writes the verified
 * emissions, allocation runs the units' allocations): CN-2099 (pack CN-2022) still open, CN-2017-2018 (pack CN-2021)
 * past its deadlines, CN-2016 without a run. The registry's surrenders and the exchange's trades arrive as their
 * producers publish them, on test.registry.transactions and test.trading.market-data.
 */
@QuarkusTest
class ComplianceTest {

    private static final Database DB = new Database("allocation");
    private static final KafkaTopic REGISTRY = new KafkaTopic("registry.transactions");
    private static final KafkaTopic MARKET_DATA = new KafkaTopic("trading.market-data");
    private static final KafkaTopic OBLIGATIONS = new KafkaTopic("allocation.obligations");
    private static final String OPEN = "CN-2099";
    private static final String PAST = "CN-2017-2018";
    private static final String NO_RUN = "CN-2016";
    private static final String E1 = DemoUser.ENTITY_1.partyId();
    private static final String E2 = party("Guangzhou Coal Power");
    private static final String A = party("Xiangyang Coal Power");
    private static final String B = party("Dongguan Gas Power");
    private static final String C = party("Jingzhou Late Reporter");
    private static final String D = party("Yichang Compliant Power");
    private static final String N = party("Jingmen Silent Power");

    private static String party(String name) {
        return UUID.nameUUIDFromBytes(("compliance-test " + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @BeforeEach
    void periodsEntitiesFinalRunsAndVerifiedEmissions() {
        List<String> periods = List.of(OPEN, PAST, NO_RUN);
        for (String table : List.of("obligation_unit", "penalty", "allocation_deduction", "obligation",
                "surrendered_units", "verified_unit_emissions")) {
            DB.update("delete from " + table + " where period_id = any(?)", (Object) periods.toArray(String[]::new));
        }
        for (String table : List.of("run_unit", "run_entity")) {
            DB.update("delete from " + table + " where run_id in (select run_id from allocation_run"
                    + " where period_id = any(?))", (Object) periods.toArray(String[]::new));
        }
        DB.update("delete from allocation_run where period_id = any(?)", (Object) periods.toArray(String[]::new));
        DB.update("delete from market_trade where instrument = 'CEA-2018'");
        period(OPEN, 2099, 2099, "CEA-2099", "CN-2022", "2100-11-30", "2100-12-31");
        period(PAST, 2017, 2018, "CEA-2018", "CN-2021", "2019-11-30", "2019-12-31");
        period(NO_RUN, 2016, 2016, "CEA-2016", "CN-2022", "2017-11-30", "2017-12-31");
        covered(E1, "Wuhan Thermal Power Co., Ltd.", "HB");
        covered(E2, "Guangzhou Coal Power", "GD");
        covered(A, "Xiangyang Coal Power, Ltd.", "HB");
        covered(B, "Dongguan Gas Power", "GD");
        covered(C, "Jingzhou Late Reporter", "HB");
        covered(D, "Yichang Compliant Power", "HB");
        covered(N, "Jingmen Silent Power", "HB");

        String open = run(OPEN, new Integer[] {2099});
        allocated(open, "CMP-E1-GAS", 2099, E1, "GAS", 100_000);
        allocated(open, "CMP-E1-COAL", 2099, E1, "COAL_ABOVE_300MW", 700_000);
        allocated(open, "CMP-E2-COAL", 2099, E2, "COAL_300MW_AND_BELOW", 600_000);
        verified(OPEN, E1, 2099, "CMP-E1-GAS", 120_000);
        verified(OPEN, E1, 2099, "CMP-E1-COAL", 1_000_000);
        verified(OPEN, E2, 2099, "CMP-E2-COAL", 500_000);

        String past = run(PAST, new Integer[] {2017, 2018});
        for (int year : new int[] {2017, 2018}) {
            allocated(past, "CMP-A-COAL", year, A, "COAL_ABOVE_300MW", 350_000);
            allocated(past, "CMP-B-GAS", year, B, "GAS", 50_000);
            allocated(past, "CMP-D-COAL", year, D, "COAL_ABOVE_300MW", 120_000);
            verified(PAST, B, year, "CMP-B-GAS", 60_000);
            verified(PAST, D, year, "CMP-D-COAL", 100_000);
        }
        verified(PAST, A, 2017, "CMP-A-COAL", 400_000);
        verified(PAST, A, 2018, "CMP-A-COAL", 600_000);
        verified(PAST, C, 2017, "CMP-C-COAL", 300_000);
        // allocated in the final run, never reported
        DB.update("insert into run_entity (run_id, party_id, region, units, computed_tonnes, allocated_tonnes,"
                + " previous_tonnes, delta_tonnes) values (?::uuid, ?::uuid, 'HB', 1, 80000, 80000, 0, 80000)", past, N);
    }

    private static void period(String id, int first, int last, String instrument, String pack, String deadline95,
                               String deadline100) {
        DB.update("insert into compliance_period (period_id, jurisdiction, first_year, last_year, instrument,"
                + " benchmark_pack, deadline_95, deadline_100, status, opened_by, opened_at, updated_at) values (?, 'CN',"
                + " ?, ?, ?, ?, ?::date, ?::date, 'SURRENDER', 'regulator', now(), now()) on conflict (period_id) do"
                + " update set deadline_95 = excluded.deadline_95, deadline_100 = excluded.deadline_100", id, first,
                last, instrument, pack, deadline95, deadline100);
    }

    private static void covered(String partyId, String name, String region) {
        DB.update("insert into covered_entity (party_id, name, region, covered_at) values (?::uuid, ?, ?, now())"
                + " on conflict do nothing", partyId, name, region);
    }

    private static String run(String periodId, Integer[] years) {
        String runId = UUID.randomUUID().toString();
        DB.update("insert into allocation_run (run_id, period_id, kind, data_years, benchmark_pack, instrument,"
                + " inputs_hash, status, units, entities, total_tonnes, computed_by, computed_at, approved_by,"
                + " approved_at) select ?::uuid, period_id, 'TRUE_UP', ?, benchmark_pack, instrument, 'test',"
                + " 'APPROVED', 0, 0, 0, 'regulator', now(), 'regulator', now() from compliance_period"
                + " where period_id = ?", runId, years, periodId);
        return runId;
    }

    private static void allocated(String runId, String unitId, int year, String partyId, String category,
                                  long tonnes) {
        DB.update("insert into run_unit (run_id, unit_id, data_year, party_id, category, electricity_supplied_mwh,"
                + " heat_supplied_gj, load_factor, heat_supply_ratio, cooling_factor, heat_supply_factor,"
                + " load_factor_factor, tonnes) values (?::uuid, ?, ?, ?::uuid, ?, 0, 0, 0, 0, 1, 1, 1, ?)", runId,
                unitId, year, partyId, category, tonnes);
    }

    private static void verified(String periodId, String partyId, int year, String unitId, long tonnes) {
        DB.update("insert into verified_unit_emissions (period_id, party_id, year, unit_id, report_id, version,"
                + " emissions_tonnes, confirmed_at) values (?, ?::uuid, ?, ?, ?, 1, ?, now())", periodId, partyId,
                year, unitId, "R-" + partyId + "-" + year, tonnes);
    }

    private static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json");
    }

    private static long surrendered(String periodId, String partyId) {
        return DB.count("select coalesce(sum(tonnes), 0) from surrendered_units where period_id = ?"
                + " and party_id = ?::uuid", periodId, partyId);
    }

    private static void trade(String id, String instrument, long quantity, long price, String mode, String at) {
        MARKET_DATA.send(instrument, MarketEvents.tradePrinted(id, instrument, quantity, price, mode, at));
    }

    @Test
    void obligationsCapGasAndCoalUnitsPublishOnceAndAChangedFigureMakesANewVersion() {
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200)
                .body("changed", equalTo(2)).body("notObligated", hasSize(0))
                // gas: min(120,000, 100,000); coal: min(1,000,000, 700,000 + 200,000)
                .body("obligations.find { it.partyId == '" + E1 + "' }.obligationTonnes", equalTo(1_000_000))
                .body("obligations.find { it.partyId == '" + E1 + "' }.verifiedEmissionsTonnes", equalTo(1_120_000))
                .body("obligations.find { it.partyId == '" + E1 + "' }.allocationTonnes", equalTo(800_000))
                .body("obligations.find { it.partyId == '" + E1 + "' }.offsetLimitTonnes", equalTo(50_000))
                // gap 200,000 >= 10% of 1,120,000: half of it
                .body("obligations.find { it.partyId == '" + E1 + "' }.borrowingLimitTonnes", equalTo(100_000))
                .body("obligations.find { it.partyId == '" + E2 + "' }.obligationTonnes", equalTo(500_000))
                .body("obligations.find { it.partyId == '" + E2 + "' }.borrowingLimitTonnes", equalTo(0));
        OBLIGATIONS.await(r -> r.key().equals(E1) && r.value().contains("\"periodId\":\"" + OPEN + "\"")
                && r.value().contains("\"obligationTonnes\":1000000") && r.value().contains("\"version\":1")
                && r.value().contains("\"instrument\":\"CEA-2099\"") && r.value().contains("\"sector\":\"POWER\"")
                && r.value().contains("\"products\":[\"CCER\"]"), Duration.ofSeconds(30));

        long published = DB.count("select count(*) from outbox_event where event_type = 'ObligationSet'");
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200)
                .body("changed", equalTo(0)).body("obligations", hasSize(2));
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'ObligationSet'"))
                .isEqualTo(published);

        DB.update("update verified_unit_emissions set emissions_tonnes = 510000, version = 2 where period_id = ?"
                + " and party_id = ?::uuid", OPEN, E2);
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200)
                .body("changed", equalTo(1))
                .body("obligations.find { it.partyId == '" + E2 + "' }.version", equalTo(2))
                .body("obligations.find { it.partyId == '" + E2 + "' }.obligationTonnes", equalTo(510_000));
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'ObligationSet'"))
                .isEqualTo(published + 1);
        assertThat(DB.texts("select unit_id || ' ' || obligation_tonnes from obligation_unit where period_id = ?"
                + " and party_id = ?::uuid order by unit_id", OPEN, E1))
                .containsExactly("CMP-E1-COAL 900000", "CMP-E1-GAS 100000");

        as(DemoUser.PROVINCE_HB).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(403);
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + NO_RUN + "/obligations").then().statusCode(409)
                .body("code", equalTo("NO_APPROVED_TRUE_UP"));
        as(DemoUser.REGULATOR).post("/api/v1/compliance/CN-2001/obligations").then().statusCode(404);
    }

    @Test
    void surrendersMoveAnEntityFromOpenThroughPartialToCompliantOnceEach() {
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200);
        String entity = "/api/v1/compliance/" + OPEN + "/entities/" + E1;
        as(DemoUser.ENTITY_1).get(entity).then().statusCode(200).body("standing.status", equalTo("OPEN"))
                .body("standing.missingTonnes", equalTo(1_000_000)).body("units", hasSize(2));

        String first = UUID.randomUUID().toString();
        String partial = surrender(first, E1, OPEN, Map.of("CEA-2099", 600_000L));
        REGISTRY.send(E1, partial);
        await().atMost(Duration.ofSeconds(30)).until(() -> surrendered(OPEN, E1) == 600_000);
        as(DemoUser.ENTITY_1).get(entity).then().statusCode(200).body("standing.status", equalTo("PARTIAL"))
                .body("standing.surrenderedTonnes", equalTo(600_000))
                .body("standing.missingTonnes", equalTo(400_000));

        // within the warning window: both entities below 95% of their obligation; the province sees its own
        DB.update("update compliance_period set deadline_95 = current_date + 10 where period_id = ?", OPEN);
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN + "/warnings").then().statusCode(200)
                .body("open", equalTo(true)).body("entities", hasSize(2));
        as(DemoUser.PROVINCE_HB).get("/api/v1/compliance/" + OPEN + "/warnings").then().statusCode(200)
                .body("entities", hasSize(1)).body("entities[0].partyId", equalTo(E1));
        DB.update("update compliance_period set deadline_95 = '2100-11-30' where period_id = ?", OPEN);
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN + "/warnings").then().statusCode(200)
                .body("open", equalTo(false)).body("entities", hasSize(0));
        as(DemoUser.ENTITY_1).get("/api/v1/compliance/" + OPEN + "/warnings").then().statusCode(403);

        // the same booking again (a redelivery, a new event id) and a transfer change nothing
        REGISTRY.send(E1, partial);
        REGISTRY.send(E1, envelope("TransactionBooked", "registry-service", E1, """
                {"transactionId":"%s","type":"TRANSFER","initiator":"%s","bookedAt":"%s","lines":[\
                {"account":"HOLDING-%s","partyId":"%s","instrument":"CEA-2099","status":"AVAILABLE","delta":-5},\
                {"account":"HOLDING-%s","partyId":"%s","instrument":"CEA-2099","status":"AVAILABLE","delta":5}],\
                "reference":null}""".formatted(UUID.randomUUID(), E1, Instant.now(), E1, E1, E2, E2)));
        String second = UUID.randomUUID().toString();
        REGISTRY.send(E1, surrender(second, E1, OPEN, Map.of("CEA-2098", 250_000L, "CEA-2100", 100_000L,
                "CCER-2098", 50_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from surrendered_units"
                + " where transaction_id = ?::uuid", second) == 3);
        assertThat(surrendered(OPEN, E1)).isEqualTo(1_000_000);
        as(DemoUser.ENTITY_1).get(entity).then().statusCode(200).body("standing.status", equalTo("COMPLIANT"))
                .body("standing.allowanceTonnes", equalTo(850_000)).body("standing.borrowedTonnes", equalTo(100_000))
                .body("standing.offsetTonnes", equalTo(50_000)).body("standing.missingTonnes", equalTo(0));

        // 1 of 2 entities; 1,000,000 of 1,500,000 obligated tonnes
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN).then().statusCode(200)
                .body("entityCount", equalTo(2)).body("compliantEntities", equalTo(1))
                .body("entityComplianceRate", equalTo(0.5f)).body("tonnesComplianceRate", equalTo(0.6667f))
                .body("totals.find { it.region == 'GD' }.status", equalTo("OPEN"))
                .body("totals.find { it.region == 'HB' }.surrenderedTonnes", equalTo(1_000_000));
        as(DemoUser.PROVINCE_HB).get("/api/v1/compliance/" + OPEN).then().statusCode(200)
                .body("entities", hasSize(1)).body("region", equalTo("HB"));
        String csv = as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN + "?format=csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(3).first().asString().startsWith("party_id,name,region,obligation_tonnes");
        assertThat(csv).contains(E1 + ",\"Wuhan Thermal Power Co., Ltd.\",HB,1000000,1000000,850000,100000,50000,"
                + "COMPLIANT,0");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).accept("text/csv").get("/api/v1/compliance/" + OPEN)
                .then().statusCode(200).body(containsString(E2 + ",Guangzhou Coal Power,GD,500000,0,0,0,0,OPEN,500000"));
    }

    @Test
    void eachCallerSeesOnlyWhatIsTheirs() {
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200);
        as(DemoUser.ENTITY_1).get("/api/v1/compliance/" + OPEN + "/entities/" + E2).then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_PARTY"));
        as(DemoUser.PROVINCE_HB).get("/api/v1/compliance/" + OPEN + "/entities/" + E2).then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_REGION"));
        as(DemoUser.PROVINCE_HB).get("/api/v1/compliance/" + OPEN + "/entities/" + E1).then().statusCode(200);
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN + "/entities/" + E2).then().statusCode(200)
                .body("standing.region", equalTo("GD"));
        as(DemoUser.ENTITY_1).get("/api/v1/compliance/" + OPEN).then().statusCode(403);
        as(DemoUser.INVESTOR_1).get("/api/v1/compliance/" + OPEN + "/entities/" + E1).then().statusCode(403);
        as(DemoUser.PROVINCE_HB).body(Map.of("partyId", E1, "factor", 5))
                .post("/api/v1/compliance/" + OPEN + "/penalties").then().statusCode(403);
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + OPEN + "/entities/" + A).then().statusCode(404)
                .body("code", equalTo("OBLIGATION_NOT_FOUND"));
    }

    @Test
    void afterTheDeadlineAShortfallIsPenalisedAtFiveOrTenTimesTheMonthsAveragePrice() {
        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + PAST + "/obligations").then().statusCode(200)
                .body("changed", equalTo(3))
                .body("notObligated", hasSize(2))
                .body("notObligated.find { it.partyId == '" + C + "' }.missingYears", equalTo(List.of(2018)))
                .body("notObligated.find { it.partyId == '" + N + "' }.missingYears", equalTo(List.of(2017, 2018)))
                // 1,000,000 emitted over two years, 700,000 allocated: 900,000
                .body("obligations.find { it.partyId == '" + A + "' }.obligationTonnes", equalTo(900_000))
                .body("obligations.find { it.partyId == '" + A + "' }.offsetLimitTonnes", equalTo(45_000))
                .body("obligations.find { it.partyId == '" + A + "' }.borrowingLimitTonnes", equalTo(100_000))
                .body("obligations.find { it.partyId == '" + B + "' }.obligationTonnes", equalTo(100_000))
                .body("obligations.find { it.partyId == '" + D + "' }.obligationTonnes", equalTo(200_000));
        String aTransaction = UUID.randomUUID().toString();
        REGISTRY.send(A, surrender(aTransaction, A, PAST, Map.of("CEA-2018", 899_000L)));
        REGISTRY.send(D, surrender(UUID.randomUUID().toString(), D, PAST, Map.of("CEA-2017", 200_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> surrendered(PAST, A) == 899_000
                && surrendered(PAST, D) == 200_000);
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + PAST).then().statusCode(200)
                .body("entities.find { it.partyId == '" + A + "' }.status", equalTo("SHORTFALL"))
                .body("entities.find { it.partyId == '" + A + "' }.missingTonnes", equalTo(1_000))
                .body("entities.find { it.partyId == '" + B + "' }.status", equalTo("SHORTFALL"))
                .body("entities.find { it.partyId == '" + D + "' }.status", equalTo("COMPLIANT"));

        String penalties = "/api/v1/compliance/" + PAST + "/penalties";
        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 5)).post(penalties).then().statusCode(409)
                .body("code", equalTo("NO_MARKET_PRICES"));

        // Shanghai trading days of the month before 31 Dec 2019: 1 Dec (100 t at 50.00, 300 t at 54.00: 5,300),
        // 15 Dec (200 t at 50.01, 100 t at 50.02: 5,001.33 -> 5,001; the block trade forms no price), 31 Dec
        // (5,202); 30 Nov and 1 Jan in Shanghai time fall outside
        String run = UUID.randomUUID().toString();
        trade(run + "-1", "CEA-2018", 100, 5_000, "CONTINUOUS", "2019-12-01T02:00:00Z");
        trade(run + "-2", "CEA-2018", 300, 5_400, "CONTINUOUS", "2019-12-01T03:00:00Z");
        trade(run + "-3", "CEA-2018", 200, 5_001, "CONTINUOUS", "2019-12-15T02:00:00Z");
        trade(run + "-4", "CEA-2018", 100, 5_002, "CONTINUOUS", "2019-12-15T06:00:00Z");
        trade(run + "-5", "CEA-2018", 200_000, 1_000, "BLOCK", "2019-12-15T07:00:00Z");
        trade(run + "-6", "CEA-2018", 50, 5_202, "CONTINUOUS", "2019-12-31T06:00:00Z");
        trade(run + "-7", "CEA-2018", 50, 9_999, "CONTINUOUS", "2019-11-30T15:30:00Z");
        trade(run + "-8", "CEA-2018", 50, 9_999, "CONTINUOUS", "2019-12-31T16:30:00Z");
        trade(run + "-6", "CEA-2018", 50, 5_202, "CONTINUOUS", "2019-12-31T06:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from market_trade"
                + " where instrument = 'CEA-2018'") == 7);

        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 4)).post(penalties).then().statusCode(400);
        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 10.5)).post(penalties).then().statusCode(400);
        // (5,300 + 5,001 + 5,202) / 3 = 5,167.67 -> 5,168 fen; 1,000 t x 5 x 5,168 = 25,840,000 fen
        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 5)).post(penalties).then().statusCode(201)
                .body("shortfallTonnes", equalTo(1_000)).body("priceFen", equalTo(5_168))
                .body("tradingDays", equalTo(3)).body("pricesFrom", equalTo("2019-12-01"))
                .body("pricesTo", equalTo("2019-12-31")).body("amountFen", equalTo(25_840_000));
        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 5)).post(penalties).then().statusCode(200)
                .body("amountFen", equalTo(25_840_000));
        as(DemoUser.REGULATOR).body(Map.of("partyId", A, "factor", 6)).post(penalties).then().statusCode(409)
                .body("code", equalTo("PENALTY_DECIDED"));
        // 100,000 t x 10 x 5,168 = 5,168,000,000 fen
        as(DemoUser.REGULATOR).body(Map.of("partyId", B, "factor", 10)).post(penalties).then().statusCode(201)
                .body("amountFen", equalTo(5_168_000_000L));
        as(DemoUser.REGULATOR).body(Map.of("partyId", D, "factor", 5)).post(penalties).then().statusCode(409)
                .body("code", equalTo("NOT_IN_SHORTFALL"));
        assertThat(DB.texts("select party_id || ' ' || tonnes from allocation_deduction where period_id = ?"
                + " order by tonnes", PAST)).containsExactly(A + " 1000", B + " 100000");
        as(DemoUser.REGULATOR).get("/api/v1/compliance/" + PAST + "/entities/" + A).then().statusCode(200)
                .body("penalty.factor", equalTo(5)).body("penalty.amountFen", equalTo(25_840_000));

        // a redelivered surrender changes no status
        REGISTRY.send(A, surrender(aTransaction, A, PAST, Map.of("CEA-2018", 899_000L)));
        REGISTRY.send(A, surrender(UUID.randomUUID().toString(), A, OPEN, Map.of("CEA-2099", 1L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> surrendered(OPEN, A) == 1);
        assertThat(surrendered(PAST, A)).isEqualTo(899_000);

        as(DemoUser.REGULATOR).post("/api/v1/compliance/" + OPEN + "/obligations").then().statusCode(200);
        as(DemoUser.REGULATOR).body(Map.of("partyId", E1, "factor", 5))
                .post("/api/v1/compliance/" + OPEN + "/penalties").then().statusCode(409)
                .body("code", equalTo("DEADLINE_NOT_PASSED"));
    }
}
