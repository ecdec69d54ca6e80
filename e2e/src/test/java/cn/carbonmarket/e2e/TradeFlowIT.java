package cn.carbonmarket.e2e;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's flows into trading, a trade and out of trading, across the four processes: units into trading
 * at the registry and cash in at the clearing bank reach trading's risk view; a matched trade is cleared by settlement
 * (delivery versus payment, fees); the end-of-day run's delivery instructions move the units in the registry; the
 * seller takes units back out through trading's hold, settlement and the registry. Afterwards the three books agree for
 * both parties, which settlement's reconciliation confirms.
 */
class TradeFlowIT {

    private static final String REGISTRY = System.getProperty("market.e2e.registry");
    private static final String TRADING = System.getProperty("market.e2e.trading");
    private static final String SETTLEMENT = System.getProperty("market.e2e.settlement");
    private static final String CEA = "CEA-2025";
    private static final DemoUser SELLER = DemoUser.ENTITY_1;
    private static final DemoUser BUYER = DemoUser.INVESTOR_1;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ValidatableResponse get(DemoUser user, String url) {
        return given().auth().oauth2(accessToken(user)).when().get(url).then().log().ifValidationFails();
    }

    private static ValidatableResponse post(DemoUser user, String url, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post(url).then().log().ifValidationFails();
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition);
    }

    private static String holding(DemoUser user) {
        return AccountId.holdingOf(PartyId.parse(user.partyId())).value();
    }

    /** The registry's holding of CEA-2025 in {@code status}, 0 if none. */
    private static long registry(DemoUser user, String status) {
        List<Map<String, Object>> holdings = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/accounts/" + holding(user))
                .statusCode(200).extract().jsonPath().getList("holdings");
        return holdings.stream().filter(h -> CEA.equals(h.get("instrument")) && status.equals(h.get("status")))
                .mapToLong(h -> number(h, "quantity")).sum();
    }

    /** One field ({@code balance}, {@code reserved}, {@code free}) of trading's risk view of the caller's asset. */
    private static long trading(DemoUser user, String asset, String field) {
        List<Map<String, Object>> assets = get(user, TRADING + "/api/v1/risk/balances").statusCode(200)
                .extract().jsonPath().getList("$");
        return assets.stream().filter(a -> asset.equals(a.get("asset"))).mapToLong(a -> number(a, field)).sum();
    }

    /** Settlement's available units of CEA-2025 and available cash (fen) of the party. */
    private static long settlementUnits(DemoUser user) {
        List<Map<String, Object>> units = get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/balances/" + user.partyId())
                .statusCode(200).extract().jsonPath().getList("units");
        return units.stream().filter(u -> CEA.equals(u.get("instrument"))).mapToLong(u -> number(u, "available"))
                .sum();
    }

    private static long settlementCash(DemoUser user) {
        return get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/balances/" + user.partyId()).statusCode(200)
                .extract().jsonPath().getLong("cash.available");
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    /** Allocation issues free allocation through this event; the test stands in for its approval step. */
    private static void issue(DemoUser user, long tonnes) {
        String id = "ALLOC-" + UUID.randomUUID();
        new KafkaTopic("allocation.issuance-instructions").send(id, """
                {"eventId":"%s","type":"IssuanceInstruction","version":1,"occurredAt":"%s",\
                "producer":"allocation-service","key":"%s","payload":{"instructionId":"%s","reason":"FREE_ALLOCATION",\
                "instrument":"%s","recipients":[{"partyId":"%s","quantity":%d}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), id, id, CEA, user.partyId(), tonnes));
    }

    private static List<Map<String, Object>> differences(DemoUser... users) {
        Map<String, Object> report = post(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/reconciliation-runs", Map.of())
                .statusCode(201).extract().jsonPath().getMap("$");
        assertThat(report.get("tradingStatus")).isEqualTo("COMPARED");
        assertThat(report.get("registryStatus")).isEqualTo("COMPARED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) report.get("differences");
        List<String> parties = java.util.Arrays.stream(users).map(DemoUser::partyId).toList();
        return all.stream().filter(d -> parties.contains(d.get("partyId"))).toList();
    }

    @Test
    void aTradeIsClearedDeliveredAndReconciledAcrossTheFourServices() {
        for (DemoUser user : List.of(SELLER, BUYER)) {
            post(DemoUser.REGULATOR, REGISTRY + "/api/v1/parties", Map.copyOf(user.registration()))
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        eventually(() -> get(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + BUYER.partyId())
                .extract().statusCode() == 200);

        // Flow 3: units into trading at the registry, cash in at the clearing bank.
        issue(SELLER, 5_000);
        eventually(() -> registry(SELLER, "AVAILABLE") >= 5_000);
        post(SELLER, REGISTRY + "/api/v1/trading-moves", Map.of("account", holding(SELLER), "instrument", CEA,
                "quantity", 1_000)).statusCode(201);
        post(DemoUser.BANK, SETTLEMENT + "/api/v1/deposits", Map.of("bankReference", "E2E-" + UUID.randomUUID(),
                "partyId", BUYER.partyId(), "amountFen", 50_000_000L)).statusCode(201);
        eventually(() -> trading(SELLER, CEA, "free") == 1_000 && settlementUnits(SELLER) == 1_000);
        eventually(() -> trading(BUYER, "CNY", "free") == 50_000_000L);

        // Flow 4: a trade of 100 t at 100.00 CNY; both sides pay 0.06% (6 CNY each).
        String sell = UUID.randomUUID().toString();
        post(SELLER, TRADING + "/api/v1/orders", Map.of("clientOrderId", sell, "instrument", CEA, "side", "SELL",
                "priceFen", 10_000, "quantity", 100)).statusCode(201);
        post(BUYER, TRADING + "/api/v1/orders", Map.of("clientOrderId", UUID.randomUUID().toString(),
                "instrument", CEA, "side", "BUY", "priceFen", 10_000, "quantity", 100)).statusCode(201);
        List<Map<String, Object>> fills = get(BUYER, TRADING + "/api/v1/fills").statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(fills).hasSize(1);
        LocalDate tradeDate = Instant.parse((String) fills.get(0).get("executedAt")).atZone(SHANGHAI).toLocalDate();

        eventually(() -> settlementUnits(BUYER) == 100 && settlementUnits(SELLER) == 900);
        assertThat(settlementCash(BUYER)).isEqualTo(50_000_000L - 1_000_000 - 600);
        assertThat(settlementCash(SELLER)).isEqualTo(1_000_000 - 600);
        eventually(() -> trading(BUYER, "CNY", "balance") == 50_000_000L - 1_000_600
                && trading(SELLER, "CNY", "balance") == 999_400 && trading(BUYER, CEA, "balance") == 100);

        // End of day: the run's delivery instructions move the units among IN_TRADING holdings in the registry.
        post(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/clearing-runs/" + tradeDate, Map.of())
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        eventually(() -> registry(BUYER, "IN_TRADING") == 100 && registry(SELLER, "IN_TRADING") == 900);
        // Settlement follows the registry's answer: the run's delivery is booked.
        eventually(() -> "DELIVERED".equals(get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/clearing-runs/" + tradeDate)
                .statusCode(200).extract().path("delivery.state")));

        // Flow 5: the seller takes 300 t back out: trading holds them, settlement releases, the registry books it.
        post(SELLER, SETTLEMENT + "/api/v1/unit-withdrawals", Map.of("partyId", SELLER.partyId(), "instrument", CEA,
                "quantity", 300)).statusCode(201);
        eventually(() -> registry(SELLER, "IN_TRADING") == 600 && registry(SELLER, "AVAILABLE") == 4_300);
        eventually(() -> trading(SELLER, CEA, "balance") == 600 && settlementUnits(SELLER) == 600);
        // What is reserved by an open order cannot leave.
        post(SELLER, TRADING + "/api/v1/orders", Map.of("clientOrderId", UUID.randomUUID().toString(),
                "instrument", CEA, "side", "SELL", "priceFen", 10_500, "quantity", 600)).statusCode(201);
        post(SELLER, SETTLEMENT + "/api/v1/unit-withdrawals", Map.of("partyId", SELLER.partyId(), "instrument", CEA,
                "quantity", 1)).statusCode(409);

        eventually(() -> differences(SELLER, BUYER).isEmpty());
    }
}
