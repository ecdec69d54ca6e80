package cn.carbonmarket.allocation.run;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.PartyEvents;
import cn.carbonmarket.testing.SignedInstructions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The allocation workflow over HTTP, PostgreSQL and Kafka: units and activity data in, a pre-allocation and a
 * true-up computed, reviewed and approved, their instructions on allocation.issuance-instructions, and the registry's
 * answers (published here on registry.transactions as the registry publishes them) moving each instruction.
 */
@QuarkusTest
class AllocationRunTest {

    private static final Database DB = new Database("allocation");
    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    private static final KafkaTopic REGISTRY = new KafkaTopic("registry.transactions");
    private static final String PERIOD = "CN-2019-2020";

    @Inject
    EventCodec codec;

    private String hubei;
    private String guangdong;

    /** Runs cover every unit of every covered entity: each test starts with none but its own. */
    @BeforeEach
    void twoEntitiesWithOneUnitEachAndAnOpenPeriod() {
        for (String table : List.of("issuance_instruction", "run_entity", "run_unit", "allocation_run",
                "activity_data", "activity_upload", "generating_unit")) {
            DB.update("delete from " + table);
        }
        DB.update("delete from reserve_movement where period_id = ?", PERIOD);
        DB.update("delete from compliance_period where period_id = ?", PERIOD);
        hubei = covered(PartyEvents.registered(DemoUser.ENTITY_1.partyId(), "Wuhan Thermal Power Co., Ltd.",
                "COMPLIANCE_ENTITY", "HB"));
        guangdong = covered(PartyEvents.registered("Foshan Gas Power", "COMPLIANCE_ENTITY", "GD"));
        unit(DemoUser.PROVINCE_HB, "U-HB-600", hubei, "COAL_ABOVE_300MW", 600);
        unit(DemoUser.REGULATOR, "U-GD-400", guangdong, "GAS", 400);
        Map<String, Object> terms = new HashMap<>();
        terms.put("jurisdiction", "CN");
        terms.put("firstYear", 2019);
        terms.put("lastYear", 2020);
        terms.put("instrument", "CEA-2019");
        terms.put("benchmarkPack", "CN-2019-2020");
        terms.put("deadline95", "2021-11-30");
        terms.put("deadline100", "2021-12-31");
        as(DemoUser.REGULATOR).body(terms).put("/api/v1/compliance-periods/" + PERIOD).then().statusCode(201);
        as(DemoUser.REGULATOR).body(Map.of("status", "ALLOCATING"))
                .post("/api/v1/compliance-periods/" + PERIOD + "/status").then().statusCode(200);
    }

    private static String covered(PartyEvents.Sent event) {
        PartyEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count(
                "select count(*) from covered_entity where party_id = ?::uuid", event.partyId()) == 1);
        return event.partyId();
    }

    private static io.restassured.specification.RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json");
    }

    private static void unit(DemoUser user, String unitId, String partyId, String category, long capacity) {
        as(user).body(Map.of("partyId", partyId, "category", category, "capacityMw", capacity, "cooling", "WATER",
                        "combinedHeatAndPower", true, "commissionedOn", "2010-01-01"))
                .put("/api/v1/generating-units/" + unitId).then().statusCode(201);
    }

    private static void activity(int year, String unitId, long mwh, long gj, String heatRatio, boolean verified) {
        as(DemoUser.REGULATOR).body(Map.of("electricitySuppliedMwh", mwh, "heatSuppliedGj", gj,
                        "loadFactor", 0.70, "heatSupplyRatio", Double.parseDouble(heatRatio), "verified", verified))
                .put("/api/v1/activity-data/" + year + "/" + unitId).then().statusCode(201);
    }

    private static ValidatableResponse compute(DemoUser user, String kind, Integer baseYear) {
        Map<String, Object> request = new HashMap<>();
        request.put("periodId", PERIOD);
        request.put("kind", kind);
        request.put("baseYear", baseYear);
        return as(user).body(request).post("/api/v1/allocation-runs").then();
    }

    private static ValidatableResponse approve(String runId) {
        return as(DemoUser.REGULATOR).post("/api/v1/allocation-runs/" + runId + "/approval").then();
    }

    private static String instructionId(String runId, String partyId) {
        return "ALLOC-" + runId + "-" + partyId;
    }

    private static String status(String instructionId) {
        return DB.texts("select status from issuance_instruction where instruction_id = ?", instructionId).get(0);
    }

    private static String envelope(String type, String key, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":%s}""".formatted(UUID.randomUUID(), type, Instant.now(), key, payload);
    }

    /** The registry's answer to an issuance it booked, as its outbox publishes it. */
    private static void booked(String instructionId, String partyId) {
        REGISTRY.send(partyId, envelope("TransactionBooked", partyId, """
                {"transactionId":"%s","type":"ALLOCATION","initiator":"allocation-service","bookedAt":"%s",\
                "lines":[],"reference":"%s"}""".formatted(UUID.randomUUID(), Instant.now(), instructionId)));
    }

    private static void preAllocationData() {
        // 3,000,000 x 0.877 x (1 - 0.22 x 0.15) + 1,000,000 x 0.126 = 2,670,177 t; gas 500,000 x 0.392 = 196,000 t
        activity(2018, "U-HB-600", 3_000_000, 1_000_000, "0.15", false);
        activity(2018, "U-GD-400", 500_000, 0, "0", false);
    }

    @Test
    void aPreAllocationThenATrueUpIssueOnceEachAndClawBackBeyondHoldingsAsDebt() {
        preAllocationData();
        // 70% of 2,670,177 = 1,869,124 t for each of 2019 and 2020; 70% of 196,000 = 137,200 t a year
        String pre = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201)
                .body("status", equalTo("DRAFT")).body("units", equalTo(2)).body("entities", equalTo(2))
                .body("totalTonnes", equalTo(4_012_648)).body("benchmarkPack", equalTo("CN-2019-2020"))
                .body("byRegion", hasSize(2)).body("byRegion.find { it.key == 'HB' }.tonnes", equalTo(3_738_248))
                .body("byCategory.find { it.key == 'GAS' }.tonnes", equalTo(196_000))
                .extract().path("runId");
        as(DemoUser.PROVINCE_HB).get("/api/v1/allocation-runs/" + pre + "/entities").then().statusCode(200)
                .body("", hasSize(1)).body("[0].partyId", equalTo(hubei))
                .body("[0].deltaTonnes", equalTo(3_738_248));
        as(DemoUser.ENTITY_1).get("/api/v1/allocation-runs/" + pre + "/units?partyId=" + hubei).then()
                .statusCode(200).body("[0].heatSupplyFactor", equalTo("0.967")).body("[0].tonnes", equalTo(2_670_177));
        assertThat(DB.count("select count(*) from issuance_instruction")).isZero();

        approve(pre).statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("regulator"));
        approve(pre).statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(DB.count("select count(*) from issuance_instruction where run_id = ?::uuid", pre)).isEqualTo(2);
        String toHubei = instructionId(pre, hubei);
        IssuanceInstruction published = codec.decode(INSTRUCTIONS.await(r -> r.key().equals(toHubei)
                && r.value().contains("\"FREE_ALLOCATION\"") && r.value().contains("\"quantity\":3738248"),
                Duration.ofSeconds(30)).value(), IssuanceInstruction.TYPE).payload();
        // It names the run and its approver, and is signed with allocation's key: the registry books nothing else.
        assertThat(published.approval().basis()).isEqualTo(IssuanceInstruction.Basis.ALLOCATION_RUN);
        assertThat(published.approval().reference()).isEqualTo(pre);
        assertThat(published.approval().approvedBy()).isEqualTo("regulator");
        assertThat(SignedInstructions.refusal(published)).isNull();
        // the pack's stabilisation share goes to the stability reserve: 8% of 4,012,648 = 321,011.84 -> 321,011 t
        INSTRUCTIONS.await(r -> r.key().equals("SETASIDE-" + pre) && r.value().contains("\"ReserveSetAside\"")
                && r.value().contains("\"tonnes\":321011"), Duration.ofSeconds(30));
        assertThat(DB.count("select count(*) from reserve_movement where period_id = ?", PERIOD)).isEqualTo(1);

        booked(toHubei, hubei);
        booked(instructionId(pre, guangdong), guangdong);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from issuance_instruction"
                + " where run_id = ?::uuid and status = 'ISSUED'", pre) == 2);
        booked(toHubei, hubei);
        as(DemoUser.REGULATOR).get("/api/v1/allocation-reconciliation/" + PERIOD).then().statusCode(200)
                .body("approvedTonnes", equalTo(4_012_648)).body("issuedTonnes", equalTo(4_012_648))
                .body("pending", equalTo(0)).body("balanced", equalTo(true));

        // verified: the coal unit the same in both years, the gas unit far less
        for (int year : new int[] {2019, 2020}) {
            activity(year, "U-HB-600", 3_000_000, 1_000_000, "0.15", true);
            activity(year, "U-GD-400", 100_000, 0, "0", true);
        }
        String trueUp = compute(DemoUser.REGULATOR, "TRUE_UP", null).statusCode(201)
                .body("totalTonnes", equalTo(5_418_754)).body("lastApproved.runId", equalTo(pre))
                .body("lastApproved.difference", equalTo(5_418_754 - 4_012_648)).extract().path("runId");
        approve(trueUp).statusCode(200);
        // 2 x 2,670,177 - 3,738,248 = 1,602,106 t more; 2 x 39,200 - 274,400 = 196,000 t back
        assertThat(DB.texts("select reason || ' ' || tonnes from issuance_instruction where run_id = ?::uuid"
                + " order by reason", trueUp)).containsExactly("CLAW_BACK 196000", "FREE_ALLOCATION 1602106");

        String clawBack = instructionId(trueUp, guangdong);
        REGISTRY.send(clawBack, envelope("AllocationReturned", clawBack, """
                {"instructionId":"%s","transactionId":"%s","instrument":"CEA-2019","returns":[{"partyId":"%s",\
                "requested":196000,"returned":150000,"debt":46000}]}""".formatted(clawBack, UUID.randomUUID(),
                guangdong)));
        booked(instructionId(trueUp, hubei), hubei);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(status(clawBack))
                && "ISSUED".equals(status(instructionId(trueUp, hubei))));
        as(DemoUser.REGULATOR).get("/api/v1/allocation-reconciliation/" + PERIOD).then().statusCode(200)
                .body("approvedTonnes", equalTo(5_418_754)).body("issuedTonnes", equalTo(5_614_754))
                .body("returnedTonnes", equalTo(150_000)).body("debtTonnes", equalTo(46_000))
                .body("balanced", equalTo(true));
        as(DemoUser.REGULATOR).get("/api/v1/issuance-instructions?partyId=" + guangdong).then().statusCode(200)
                .body("find { it.reason == 'CLAW_BACK' }.status", equalTo("RETURNED"))
                .body("find { it.reason == 'CLAW_BACK' }.debt", equalTo(46_000));

        compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(409)
                .body("code", equalTo("PERIOD_TRUED_UP"));
        // a true-up sets nothing aside
        assertThat(DB.count("select count(*) from reserve_movement where period_id = ?", PERIOD)).isEqualTo(1);
    }

    @Test
    void aDraftComputedBeforeAnotherApprovalIsStaleAndTheSameInputsGiveTheSameHash() {
        preAllocationData();
        ValidatableResponse first = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201);
        String older = first.extract().path("runId");
        String hash = first.extract().path("inputsHash");
        String newer = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201)
                .body("inputsHash", equalTo(hash)).extract().path("runId");

        approve(newer).statusCode(200);
        approve(older).statusCode(409).body("code", equalTo("RUN_STALE"));
        assertThat(DB.count("select count(*) from issuance_instruction")).isEqualTo(2);
        assertThat(DB.count("select count(*) from allocation_run where status = 'DRAFT'")).isEqualTo(1);

        // computed again after the approval: nothing changed, so nothing to issue
        String again = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201)
                .body("inputsHash", equalTo(hash)).extract().path("runId");
        approve(again).statusCode(200);
        assertThat(DB.count("select count(*) from issuance_instruction")).isEqualTo(2);
    }

    @Test
    void aRefusedInstructionIsShownWithTheRegistrysReasonAndCanBeSentAgainUnderItsOwnId() {
        preAllocationData();
        String run = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201).extract().path("runId");
        approve(run).statusCode(200);
        String id = instructionId(run, guangdong);
        REGISTRY.send(id, envelope("IssuanceRefused", id, """
                {"instructionId":"%s","code":"ACCOUNT_NOT_FOUND","reason":"no holding account"}""".formatted(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUSED".equals(status(id)));
        as(DemoUser.REGULATOR).get("/api/v1/allocation-reconciliation/" + PERIOD).then()
                .body("refused", equalTo(1)).body("balanced", equalTo(false));
        as(DemoUser.REGULATOR).get("/api/v1/issuance-instructions?runId=" + run + "&partyId=" + guangdong).then()
                .body("[0].refusalCode", equalTo("ACCOUNT_NOT_FOUND"));

        as(DemoUser.PROVINCE_HB).post("/api/v1/issuance-instructions/" + id + "/resend").then().statusCode(403);
        as(DemoUser.REGULATOR).post("/api/v1/issuance-instructions/" + id + "/resend").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        as(DemoUser.REGULATOR).post("/api/v1/issuance-instructions/" + id + "/resend").then().statusCode(409)
                .body("code", equalTo("INSTRUCTION_NOT_REFUSED"));
        booked(id, guangdong);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ISSUED".equals(status(id)));
    }

    @Test
    void aShortfallRecordedForDeductionInThePreviousPeriodIsTakenOffThisPeriodsAllocation() {
        DB.update("insert into compliance_period (period_id, jurisdiction, first_year, last_year, instrument,"
                + " benchmark_pack, deadline_95, deadline_100, status, opened_by, opened_at, updated_at) values"
                + " ('CN-2017-2018', 'CN', 2017, 2018, 'CEA-2017', 'CN-2019-2020', '2019-11-30', '2019-12-31',"
                + " 'CLOSED', 'regulator', now(), now()) on conflict do nothing");
        DB.update("insert into allocation_deduction (period_id, party_id, tonnes, recorded_at) values"
                + " ('CN-2017-2018', ?::uuid, 100000, now())", guangdong);
        preAllocationData();

        String run = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201)
                .body("totalTonnes", equalTo(4_012_648 - 100_000)).extract().path("runId");
        // 2 x 137,200 = 274,400 t less the 100,000 t the entity left unsurrendered in 2017-2018
        as(DemoUser.REGULATOR).get("/api/v1/allocation-runs/" + run + "/entities?region=GD").then().statusCode(200)
                .body("[0].deductedTonnes", equalTo(100_000)).body("[0].allocatedTonnes", equalTo(174_400))
                .body("[0].deltaTonnes", equalTo(174_400));
    }

    @Test
    void refusalsNameTheirCauseAndChangeNothing() {
        activity(2018, "U-HB-600", 3_000_000, 1_000_000, "0.15", false);
        compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(409)
                .body("code", equalTo("ACTIVITY_DATA_MISSING")).body("detail", containsString("U-GD-400 (2018)"));
        compute(DemoUser.REGULATOR, "PRE_ALLOCATION", null).statusCode(400)
                .body("errors[0].field", equalTo("baseYear"));
        compute(DemoUser.REGULATOR, "TRUE_UP", 2018).statusCode(400);
        compute(DemoUser.PROVINCE_HB, "PRE_ALLOCATION", 2018).statusCode(403);
        compute(DemoUser.ENTITY_1, "PRE_ALLOCATION", 2018).statusCode(403);
        activity(2018, "U-GD-400", 500_000, 0, "0", false);
        compute(DemoUser.REGULATOR, "TRUE_UP", null).statusCode(409).body("code", equalTo("ACTIVITY_DATA_MISSING"));
        assertThat(DB.count("select count(*) from allocation_run")).isZero();

        String run = compute(DemoUser.REGULATOR, "PRE_ALLOCATION", 2018).statusCode(201).extract().path("runId");
        as(DemoUser.PROVINCE_HB).get("/api/v1/allocation-runs/" + run + "/entities?region=GD").then()
                .statusCode(403);
        as(DemoUser.PROVINCE_HB).get("/api/v1/allocation-runs/" + run + "/units?partyId=" + guangdong).then()
                .statusCode(403);
        as(DemoUser.ENTITY_1).get("/api/v1/allocation-runs/" + run + "/units?partyId=" + guangdong).then()
                .statusCode(403);
        as(DemoUser.ENTITY_1).get("/api/v1/issuance-instructions?partyId=" + guangdong).then().statusCode(403);
        as(DemoUser.PROVINCE_HB).post("/api/v1/allocation-runs/" + run + "/approval").then().statusCode(403);
        as(DemoUser.REGULATOR).post("/api/v1/allocation-runs/" + UUID.randomUUID() + "/approval").then()
                .statusCode(404).body("code", equalTo("RUN_NOT_FOUND"));
        as(DemoUser.REGULATOR).get("/api/v1/allocation-reconciliation/CN-1999").then().statusCode(404);
        assertThat(DB.count("select count(*) from issuance_instruction")).isZero();
    }
}
