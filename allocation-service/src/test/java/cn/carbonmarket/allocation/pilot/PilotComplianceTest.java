package cn.carbonmarket.allocation.pilot;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.allocation.MarketEvents;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pilot's compliance period on the national machinery over HTTP, PostgreSQL, Kafka and Keycloak: Chongqing's
 * authority opens its period, enrols entities (their free allocation issued through the outbox, answered by the
 * registry), sets their obligations (= verified emissions, with the pack's offset rules and the entity's sector);
 * the one-market rule keeps nationally covered entities out; Shenzhen's shortfall is penalised at 3 x the average of
 * six months' closes, the pilot exchange's recorded closes where the suite did not trade. The tests' periods (years
 * no pilot's real history uses) and entities are their own, forgotten before each test.
 */
@QuarkusTest
class PilotComplianceTest {

    private static final Database DB = new Database("allocation");
    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    private static final KafkaTopic OBLIGATIONS = new KafkaTopic("allocation.obligations");
    private static final KafkaTopic REGISTRY = new KafkaTopic("registry.transactions");
    private static final KafkaTopic MARKET_DATA = new KafkaTopic("trading.market-data");
    private static final String CQ = "CQ-2081";
    private static final String SZ = "SZ-2016";
    private static final String NATIONAL = "CN-2081";
    private static final String[] PERIODS = {CQ, SZ, NATIONAL};
    private static final String CEMENT = party("Chongqing Cement");
    private static final String STEEL = party("Chongqing Steel");
    private static final String POWER_PLANT = party("Chongqing Coal Power");
    private static final String NATIONAL_EMITTER = party("Fuling Power");
    private static final String SHENZHEN_PLANT = party("Shenzhen Electronics");

    private static String party(String name) {
        return UUID.nameUUIDFromBytes(("pilot-test " + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @BeforeEach
    void forgetTheTestsPeriodsAndCoverTheirEntities() {
        for (String table : List.of("obligation_unit", "penalty", "allocation_deduction", "obligation",
                "surrendered_units", "pilot_enrolment")) {
            DB.update("delete from " + table + " where period_id = any(?)", (Object) PERIODS);
        }
        DB.update("delete from issuance_instruction where period_id = any(?)", (Object) PERIODS);
        DB.update("delete from compliance_period where period_id = any(?)", (Object) PERIODS);
        DB.update("delete from exchange_close where instrument = 'SZEA-2016'");
        DB.update("delete from market_trade where instrument = 'SZEA-2016'");
        covered(CEMENT, "Chongqing Cement Co.", "CQ");
        covered(STEEL, "Chongqing Steel Co.", "SC");
        covered(POWER_PLANT, "Chongqing Coal Power Co.", "CQ");
        covered(NATIONAL_EMITTER, "Fuling Power Co.", "CQ");
        covered(SHENZHEN_PLANT, "Shenzhen Electronics Co.", "GD");
        // registered for the national market's allocation: covered nationally for the power sector
        DB.update("insert into generating_unit (unit_id, party_id, category, capacity_mw, cooling,"
                + " combined_heat_and_power, commissioned_on, registered_by, registered_at, updated_at) values"
                + " ('PILOT-TEST-U1', ?::uuid, 'COAL_ABOVE_300MW', 600, 'WATER', false, '2010-01-01', 'regulator',"
                + " now(), now()) on conflict do nothing", POWER_PLANT);
        // obligated in a national period for the power sector
        DB.update("insert into compliance_period (period_id, jurisdiction, first_year, last_year, instrument,"
                + " benchmark_pack, deadline_95, deadline_100, status, opened_by, opened_at, updated_at) values"
                + " (?, 'CN', 2081, 2081, 'CEA-2081', 'CN-2022', '2082-10-31', '2082-12-31', 'SURRENDER',"
                + " 'regulator', now(), now())", NATIONAL);
        DB.update("insert into obligation (period_id, party_id, region, sector, version, run_id,"
                + " verified_emissions_tonnes, allocation_tonnes, obligation_tonnes, offset_limit_tonnes,"
                + " borrowing_limit_tonnes, set_by, set_at) values (?, ?::uuid, 'CQ', 'POWER', 1, ?::uuid, 100, 90,"
                + " 100, 5, 0, 'regulator', now())", NATIONAL, NATIONAL_EMITTER, UUID.randomUUID().toString());
    }

    /** Runs of other tests allocate to every registered unit: this test's is gone when it ends. */
    @AfterEach
    void forgetTheNationalUnit() {
        DB.update("delete from generating_unit where unit_id = 'PILOT-TEST-U1'");
    }

    private static void covered(String partyId, String name, String region) {
        DB.update("insert into covered_entity (party_id, name, region, covered_at) values (?::uuid, ?, ?, now())"
                + " on conflict do nothing", partyId, name, region);
    }

    private static String chongqing() {
        return KeycloakTokens.authorityToken("authority-cq", "CQ", null);
    }

    private static String shenzhen() {
        return accessToken(DemoUser.AUTHORITY_SZ);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static Map<String, Object> terms(String jurisdiction, int year, String pack, String deadline) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("jurisdiction", jurisdiction);
        terms.put("firstYear", year);
        terms.put("lastYear", year);
        terms.put("instrument", jurisdiction + "EA-" + year);
        terms.put("benchmarkPack", pack);
        terms.put("deadline95", deadline);
        terms.put("deadline100", deadline);
        return terms;
    }

    private static void move(String token, String periodId, String... statuses) {
        for (String status : statuses) {
            as(token).body(Map.of("status", status)).post("/api/v1/compliance-periods/" + periodId + "/status")
                    .then().statusCode(200).body("status", equalTo(status));
        }
    }

    private static Map<String, Object> enrolment(String sector, long freeAllocation, Long verified) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sector", sector);
        body.put("freeAllocationTonnes", freeAllocation);
        body.put("verifiedEmissionsTonnes", verified);
        return body;
    }

    private static String enrolled(String periodId, String partyId) {
        return "/api/v1/compliance/" + periodId + "/pilot-entities/" + partyId;
    }

    private static long instructions(String periodId, String partyId) {
        return DB.count("select count(*) from issuance_instruction where period_id = ? and party_id = ?::uuid",
                periodId, partyId);
    }

    @Test
    void chongqingsAuthorityOpensItsPeriodEnrolsEntitiesAndSetsTheirObligationsByItsPack() {
        as(chongqing()).body(terms("CQ", 2081, "CQ-2025", "2082-07-31")).put("/api/v1/compliance-periods/" + CQ)
                .then().statusCode(201).body("jurisdiction", equalTo("CQ")).body("openedBy", equalTo("authority-cq"));
        as(chongqing()).body(terms("CQ", 2081, "SZ-2025", "2082-07-31")).put("/api/v1/compliance-periods/CQ-2082")
                .then().statusCode(400).body(containsString("benchmarkPack"));
        as(shenzhen()).body(Map.of("status", "ALLOCATING")).post("/api/v1/compliance-periods/" + CQ + "/status")
                .then().statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
        move(chongqing(), CQ, "ALLOCATING");

        // enrolled with its free allocation: one instruction, published, answered by the registry
        String first = "PILOT-" + CQ + "-" + CEMENT + "-1";
        as(chongqing()).body(enrolment("CEMENT", 800_000, null)).put(enrolled(CQ, CEMENT)).then().statusCode(201)
                .body("sector", equalTo("CEMENT")).body("freeAllocationTonnes", equalTo(800_000))
                .body("issuanceStatus", equalTo("PENDING")).body("instructions", hasSize(1))
                .body("instructions[0].instructionId", equalTo(first))
                .body("instructions[0].reason", equalTo("FREE_ALLOCATION"))
                .body("instructions[0].tonnes", equalTo(800_000));
        INSTRUCTIONS.await(r -> r.key().equals(first) && r.value().contains("\"FREE_ALLOCATION\"")
                && r.value().contains("\"CQEA-2081\"") && r.value().contains(CEMENT)
                && r.value().contains("800000"), Duration.ofSeconds(30));
        as(chongqing()).body(enrolment("CEMENT", 800_000, null)).put(enrolled(CQ, CEMENT)).then().statusCode(200)
                .body("instructions", hasSize(1));
        assertThat(instructions(CQ, CEMENT)).isEqualTo(1);
        REGISTRY.send(CEMENT, MarketEvents.allocationBooked(first, CEMENT));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from issuance_instruction"
                + " where instruction_id = ? and status = 'ISSUED'", first) == 1);
        as(chongqing()).get(enrolled(CQ, CEMENT)).then().statusCode(200).body("issuanceStatus", equalTo("ISSUED"));

        // less allocation and verified emissions: the difference clawed back under the next id
        as(chongqing()).body(enrolment("CEMENT", 750_000, 1_000_000L)).put(enrolled(CQ, CEMENT)).then()
                .statusCode(200).body("issuanceStatus", equalTo("PENDING")).body("instructions", hasSize(2))
                .body("instructions[1].instructionId", equalTo("PILOT-" + CQ + "-" + CEMENT + "-2"))
                .body("instructions[1].reason", equalTo("CLAW_BACK")).body("instructions[1].tonnes", equalTo(50_000));
        as(chongqing()).body(enrolment("STEEL", 300_000, null)).put(enrolled(CQ, STEEL)).then().statusCode(201);
        // not covered nationally for cement: the power plant takes part for it
        as(chongqing()).body(enrolment("CEMENT", 0, 20_000L)).put(enrolled(CQ, POWER_PLANT)).then().statusCode(201)
                .body("issuanceStatus", equalTo("NONE"));

        // obligations: the verified emissions, 8% of them as offsets (no hydro), the sector; published
        as(chongqing()).post("/api/v1/compliance/" + CQ + "/obligations").then().statusCode(200)
                .body("changed", equalTo(2)).body("runId", nullValue())
                .body("notObligated", hasSize(1)).body("notObligated[0].partyId", equalTo(STEEL))
                .body("obligations.find { it.partyId == '" + CEMENT + "' }.obligationTonnes", equalTo(1_000_000))
                .body("obligations.find { it.partyId == '" + CEMENT + "' }.allocationTonnes", equalTo(750_000))
                .body("obligations.find { it.partyId == '" + CEMENT + "' }.offsetLimitTonnes", equalTo(80_000))
                .body("obligations.find { it.partyId == '" + CEMENT + "' }.borrowingLimitTonnes", equalTo(0))
                .body("obligations.find { it.partyId == '" + CEMENT + "' }.sector", equalTo("CEMENT"))
                .body("obligations.find { it.partyId == '" + POWER_PLANT + "' }.offsetLimitTonnes", equalTo(1_600));
        OBLIGATIONS.await(r -> r.key().equals(CEMENT) && r.value().contains("\"periodId\":\"" + CQ + "\"")
                && r.value().contains("\"instrument\":\"CQEA-2081\"") && r.value().contains("\"sector\":\"CEMENT\"")
                && r.value().contains("\"obligationTonnes\":1000000")
                && r.value().contains("\"offsetLimitTonnes\":80000") && r.value().contains("\"products\":[\"CCER\"]")
                && r.value().contains("\"excludedTypes\":[\"HYDRO\"]"),
                Duration.ofSeconds(30));
        as(chongqing()).post("/api/v1/compliance/" + CQ + "/obligations").then().statusCode(200)
                .body("changed", equalTo(0));

        // the authority running the pilot sees every entity of its period, whatever their region
        as(chongqing()).get("/api/v1/compliance/" + CQ).then().statusCode(200).body("entityCount", equalTo(2))
                .body("region", nullValue());
        as(chongqing()).get("/api/v1/compliance/" + CQ + "/pilot-entities").then().statusCode(200)
                .body("partyId", hasSize(3));
        as(chongqing()).get("/api/v1/jurisdictions/CQ/compliance").then().statusCode(200)
                .body("periods.find { it.periodId == '" + CQ + "' }.entities", equalTo(2))
                .body("periods.find { it.periodId == '" + CQ + "' }.open", equalTo(2))
                .body("periods.find { it.periodId == '" + CQ + "' }.obligationTonnes", equalTo(1_020_000));
        String csv = as(chongqing()).get("/api/v1/jurisdictions/CQ/compliance?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst()).contains(
                "period_id,first_year,last_year,deadline_100,entities,compliant,partial,open,shortfall,"
                        + "obligation_tonnes,surrendered_tonnes,missing_tonnes,entity_compliance_rate,"
                        + "tonnes_compliance_rate");
        assertThat(csv).contains(CQ + ",2081,2081,2082-07-31,2,0,0,2,0,1020000,0,1020000,0.0000,0.0000");
        as(accessToken(DemoUser.REGULATOR)).get("/api/v1/jurisdictions/CQ/compliance").then().statusCode(200);
        as(shenzhen()).get("/api/v1/jurisdictions/CQ/compliance").then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        as(chongqing()).get("/api/v1/jurisdictions/CN/compliance").then().statusCode(403);
        as(chongqing()).get("/api/v1/jurisdictions/XX/compliance").then().statusCode(400);
    }

    @Test
    void theOneMarketRuleAnotherPilotsAuthorityAndANationalPeriodAreRefusedAndChangeNothing() {
        as(chongqing()).body(terms("CQ", 2081, "CQ-2025", "2082-07-31")).put("/api/v1/compliance-periods/" + CQ)
                .then().statusCode(201);
        as(chongqing()).body(enrolment("CEMENT", 1_000, null)).put(enrolled(CQ, CEMENT)).then().statusCode(409)
                .body("code", equalTo("PERIOD_NOT_ALLOCATING"));
        move(chongqing(), CQ, "ALLOCATING");

        as(chongqing()).body(enrolment("POWER", 1_000, null)).put(enrolled(CQ, POWER_PLANT)).then().statusCode(409)
                .body("code", equalTo("ONE_MARKET_RULE")).body("detail", containsString("POWER"))
                .body("detail", containsString("generating unit PILOT-TEST-U1"));
        as(chongqing()).body(enrolment("POWER", 1_000, null)).put(enrolled(CQ, NATIONAL_EMITTER)).then()
                .statusCode(409).body("code", equalTo("ONE_MARKET_RULE"))
                .body("detail", containsString("obligation of " + NATIONAL));
        as(shenzhen()).body(enrolment("CEMENT", 1_000, null)).put(enrolled(CQ, CEMENT)).then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        as(shenzhen()).get(enrolled(CQ, CEMENT)).then().statusCode(403);
        as(accessToken(DemoUser.REGULATOR)).body(enrolment("CEMENT", 1_000, null)).put(enrolled(NATIONAL, CEMENT))
                .then().statusCode(422).body("code", equalTo("NOT_A_PILOT_PERIOD"));
        as(chongqing()).body(enrolment("CEMENT", 1_000, null)).put(enrolled(NATIONAL, CEMENT)).then()
                .statusCode(403);
        as(chongqing()).body(enrolment("TIDAL", -5, null)).put(enrolled(CQ, CEMENT)).then().statusCode(400);
        as(chongqing()).body(enrolment("CEMENT", 1_000, null)).put(enrolled(CQ, UUID.randomUUID().toString()))
                .then().statusCode(404).body("code", equalTo("NOT_COVERED"));
        as(accessToken(DemoUser.ENTITY_1)).body(enrolment("CEMENT", 1_000, null)).put(enrolled(CQ, CEMENT)).then()
                .statusCode(403);
        as(chongqing()).post("/api/v1/compliance/" + NATIONAL + "/obligations").then().statusCode(403);

        assertThat(DB.count("select count(*) from pilot_enrolment where period_id = any(?)", (Object) PERIODS))
                .isZero();
        assertThat(DB.count("select count(*) from issuance_instruction where period_id = any(?)", (Object) PERIODS))
                .isZero();
        as(chongqing()).get(enrolled(CQ, CEMENT)).then().statusCode(404).body("code", equalTo("NOT_ENROLLED"));
    }

    @Test
    void shenzhensShortfallIsFinedThreeTimesTheAverageCloseOfTheSixMonthsBeforeTheDeadline() {
        // Shenzhen's 2016 year, brought onto the suite after its deadline passed
        as(shenzhen()).body(terms("SZ", 2016, "SZ-2024", "2017-06-30")).put("/api/v1/compliance-periods/" + SZ)
                .then().statusCode(201);
        move(shenzhen(), SZ, "ALLOCATING", "REPORTING", "SURRENDER");
        as(shenzhen()).body(enrolment("MANUFACTURING", 10_000, 12_345L)).put(enrolled(SZ, SHENZHEN_PLANT)).then()
                .statusCode(201);
        as(shenzhen()).post("/api/v1/compliance/" + SZ + "/obligations").then().statusCode(200)
                .body("obligations[0].obligationTonnes", equalTo(12_345))
                .body("obligations[0].offsetLimitTonnes", equalTo(1_234));
        REGISTRY.send(SHENZHEN_PLANT, MarketEvents.surrender(UUID.randomUUID().toString(), SHENZHEN_PLANT, SZ,
                Map.of("SZEA-2016", 10_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select coalesce(sum(tonnes), 0) from"
                + " surrendered_units where period_id = ? and party_id = ?::uuid", SZ, SHENZHEN_PLANT) == 10_000);
        as(shenzhen()).get("/api/v1/compliance/" + SZ).then().statusCode(200)
                .body("entities[0].status", equalTo("SHORTFALL")).body("entities[0].missingTonnes", equalTo(2_345));
        String penalties = "/api/v1/compliance/" + SZ + "/penalties";
        as(shenzhen()).body(Map.of("partyId", SHENZHEN_PLANT)).post(penalties).then().statusCode(409)
                .body("code", equalTo("NO_MARKET_PRICES"));

        // the Shenzhen exchange's closes of 2017 (and two days outside the six months), and one day the suite traded
        Map<LocalDate, Long> recorded = new LinkedHashMap<>();
        for (LocalDate day = LocalDate.parse("2016-12-30"); day.isBefore(LocalDate.parse("2017-07-03"));
                day = day.plusDays(3)) {
            recorded.put(day, 2_000L + (day.getDayOfYear() * 37L) % 1_500);
        }
        recorded.put(LocalDate.parse("2017-07-01"), 99_999L);
        List<Map<String, Object>> closes = new ArrayList<>();
        recorded.forEach((day, fen) -> closes.add(Map.of("date", day.toString(), "closeFen", fen)));
        Map<String, Object> upload = Map.of("source", "Shenzhen Emissions Exchange, daily market report",
                "closes", closes);
        String prices = "/api/v1/market-prices/SZEA-2016";
        as(shenzhen()).body(upload).put(prices).then().statusCode(200).body("received", equalTo(closes.size()))
                .body("changed", equalTo(closes.size()));
        as(shenzhen()).body(upload).put(prices).then().statusCode(200).body("changed", equalTo(0));
        LocalDate traded = LocalDate.parse("2017-03-16");
        recorded.put(traded, 1_000L);
        as(shenzhen()).body(Map.of("source", "Shenzhen Emissions Exchange, daily market report", "closes",
                List.of(Map.of("date", traded.toString(), "closeFen", 1_000)))).put(prices).then().statusCode(200)
                .body("changed", equalTo(1));
        // the suite's own trades that day close at 2,500 fen: that close wins over the exchange's recorded one
        String trade = UUID.randomUUID().toString();
        MARKET_DATA.send("SZEA-2016", MarketEvents.tradePrinted(trade, "SZEA-2016", 100, 2_500, "CONTINUOUS",
                "2017-03-16T03:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from market_trade"
                + " where trade_id = ?", trade) == 1);
        as(shenzhen()).body(Map.of("source", "x", "closes", List.of(Map.of("date", "2017-01-05", "closeFen", 0),
                        Map.of("date", "2017-13-01", "closeFen", 10), Map.of("date", "2017-01-05", "closeFen", 10),
                        Map.of("date", "2999-01-01", "closeFen", 10)))).put(prices).then().statusCode(400)
                .body(containsString("closes[0].closeFen")).body(containsString("closes[1].date"))
                .body(containsString("closes[2].date")).body(containsString("closes[3].date"));
        as(chongqing()).body(upload).put(prices).then().statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
        as(shenzhen()).body(upload).put("/api/v1/market-prices/CCER-2016").then().statusCode(400);
        assertThat(DB.count("select count(*) from exchange_close where instrument = 'SZEA-2016'"))
                .isEqualTo(closes.size() + 1);

        // 3 x the mean close of 31 Dec 2016 - 30 Jun 2017 (the suite's own on 16 Mar) x 2,345 t, computed here
        recorded.put(traded, 2_500L);
        List<Long> window = recorded.entrySet().stream().filter(e -> !e.getKey().isBefore(LocalDate.parse(
                "2016-12-31")) && !e.getKey().isAfter(LocalDate.parse("2017-06-30"))).map(Map.Entry::getValue).toList();
        long average = BigDecimal.valueOf(window.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(window.size()), 0, RoundingMode.HALF_UP).longValueExact();
        long expected = 3 * average * 2_345;
        as(shenzhen()).body(Map.of("partyId", SHENZHEN_PLANT, "factor", 4)).post(penalties).then().statusCode(422)
                .body("code", equalTo("PENALTY_FIXED_BY_PACK"));
        as(chongqing()).body(Map.of("partyId", SHENZHEN_PLANT)).post(penalties).then().statusCode(403);
        JsonPath decided = as(shenzhen()).body(Map.of("partyId", SHENZHEN_PLANT)).post(penalties).then()
                .statusCode(201).body("method", equalTo("PRICE_MULTIPLE")).body("factor", equalTo(3))
                .body("tradingDays", equalTo(window.size())).body("pricesFrom", equalTo("2016-12-31"))
                .body("pricesTo", equalTo("2017-06-30")).body("deductedTonnes", equalTo(2_345)).extract().jsonPath();
        assertThat(decided.getLong("priceFen")).isEqualTo(average);
        assertThat(decided.getLong("amountFen")).isEqualTo(expected);
        assertThat(as(shenzhen()).body(Map.of("partyId", SHENZHEN_PLANT, "factor", 3)).post(penalties).then()
                .statusCode(200).extract().jsonPath().getLong("amountFen")).isEqualTo(expected);
        assertThat(DB.count("select tonnes from allocation_deduction where period_id = ? and party_id = ?::uuid",
                SZ, SHENZHEN_PLANT)).isEqualTo(2_345);
    }
}
