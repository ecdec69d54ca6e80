package cn.carbonmarket.settlement.cash;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.balances;
import static cn.carbonmarket.settlement.SettlementFixtures.cash;
import static cn.carbonmarket.settlement.SettlementFixtures.post;
import static cn.carbonmarket.settlement.SettlementFixtures.withdraw;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradingStub;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Withdrawals: held as pending, paid out (posted) or rejected (voided) by the bank; own cash only. */
@QuarkusTest
class WithdrawalTest {

    private static final String ENTITY_1 = DemoUser.ENTITY_1.partyId();

    @BeforeEach
    void funded() {
        SettlementFixtures.admitted(DemoUser.ENTITY_1);
        SettlementFixtures.admitted(DemoUser.ENTITY_2);
        SettlementFixtures.funded(DemoUser.ENTITY_1, 1_000_000);
    }

    private static String key() {
        return "w-" + UUID.randomUUID();
    }

    @Test
    void aWithdrawalHoldsTheCashUntilTheBankPaysItOut() {
        long available = cash(DemoUser.ENTITY_1, "available");
        long held = cash(DemoUser.ENTITY_1, "pendingWithdrawal");
        String key = key();

        String id = withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 300_000).statusCode(201)
                .body("status", equalTo("PENDING")).body("amountFen", equalTo(300_000)).extract().path("withdrawalId");
        withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 300_000).statusCode(200).body("withdrawalId", equalTo(id));
        withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 300_001).statusCode(409).body("code", equalTo("ENTRY_ID_CONFLICT"));
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available - 300_000);
        assertThat(cash(DemoUser.ENTITY_1, "pendingWithdrawal")).isEqualTo(held + 300_000);

        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/payout", Map.of("bankReference", "PAY-" + id))
                .statusCode(200).body("status", equalTo("PAID")).body("bankReference", equalTo("PAY-" + id));
        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/payout", Map.of("bankReference", "PAY-" + id))
                .statusCode(200).body("status", equalTo("PAID"));
        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/rejection", Map.of("reason", "too late"))
                .statusCode(409).body("code", equalTo("WITHDRAWAL_ALREADY_DECIDED"));
        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/payout", Map.of("bankReference", "OTHER"))
                .statusCode(409);

        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available - 300_000);
        assertThat(cash(DemoUser.ENTITY_1, "pendingWithdrawal")).isEqualTo(held);
        assertThat(DB.count("select count(*) from journal_entry where id in (?, ?) and state = 'POSTED'",
                "WITHDRAWAL:" + id, "PAYOUT:" + id)).isEqualTo(2);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/withdrawals/" + id)
                .then().statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void aRejectedWithdrawalGivesTheCashBack() {
        long available = cash(DemoUser.ENTITY_1, "available");
        String id = withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 200_000).statusCode(201).extract()
                .path("withdrawalId");

        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/rejection", Map.of("reason", "account closed"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("account closed"));
        post(DemoUser.BANK, "/api/v1/withdrawals/" + id + "/payout", Map.of("bankReference", "PAY-" + id))
                .statusCode(409);

        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available);
        assertThat(DB.count("select count(*) from journal_entry where id = ? and state = 'VOIDED'",
                "WITHDRAWAL:" + id)).isEqualTo(1);
        assertThat(DB.count("select count(*) from journal_entry where id = ?", "PAYOUT:" + id)).isZero();
    }

    @Test
    void moreThanTheAvailableCashCannotLeaveAndNothingIsHeld() {
        long available = cash(DemoUser.ENTITY_1, "available");
        long entries = DB.count("select count(*) from journal_entry");

        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, available + 1).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_FUNDS"));
        withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 0).statusCode(400);
        withdraw(DemoUser.ENTITY_1, "", ENTITY_1, 1).statusCode(400);
        post(DemoUser.BANK, "/api/v1/withdrawals/" + UUID.randomUUID() + "/payout", Map.of("bankReference", "X"))
                .statusCode(404).body("code", equalTo("WITHDRAWAL_NOT_FOUND"));
        post(DemoUser.BANK, "/api/v1/withdrawals/not-a-uuid/payout", Map.of("bankReference", "X")).statusCode(400);

        assertThat(DB.count("select count(*) from journal_entry")).isEqualTo(entries);
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available);
    }

    @Test
    void aPartyNeitherSeesNorMovesAnotherPartysCash() {
        long available = cash(DemoUser.ENTITY_1, "available");
        String id = withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 1_000).statusCode(201).extract().path("withdrawalId");

        withdraw(DemoUser.ENTITY_2, key(), ENTITY_1, 1_000).statusCode(403).body("code", equalTo("NOT_YOUR_PARTY"));
        withdraw(DemoUser.BANK, key(), ENTITY_1, 1_000).statusCode(403);
        balances(DemoUser.ENTITY_2, ENTITY_1).statusCode(403).body("code", equalTo("NOT_YOUR_PARTY"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).when().get("/api/v1/withdrawals/" + id)
                .then().statusCode(403);
        post(DemoUser.ENTITY_1, "/api/v1/withdrawals/" + id + "/payout", Map.of("bankReference", "SELF-PAID"))
                .statusCode(403);
        post(DemoUser.ENTITY_2, "/api/v1/withdrawals/" + id + "/rejection", Map.of("reason", "spite"))
                .statusCode(403);

        balances(DemoUser.ENTITY_1, ENTITY_1).statusCode(200).body("partyId", equalTo(ENTITY_1));
        balances(DemoUser.REGULATOR, ENTITY_1).statusCode(200);
        balances(DemoUser.OPERATOR, ENTITY_1).statusCode(200);
        balances(DemoUser.BANK, ENTITY_1).statusCode(200);
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available - 1_000);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/withdrawals/" + id)
                .then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void tradingSetsTheAmountAsideFirstWithTheWithdrawalsIds() {
        String key = key();
        String id = withdraw(DemoUser.ENTITY_1, key, ENTITY_1, 1_000).statusCode(201).extract().path("withdrawalId");

        assertThat(TradingStub.HOLDS).anySatisfy(hold -> assertThat(hold)
                .contains("\"holdId\":\"" + id + "\"", "\"partyId\":\"" + ENTITY_1 + "\"",
                        "\"asset\":\"CNY\"", "\"amount\":1000", "\"entryId\":\"WITHDRAWAL:" + id + "\""));
    }

    @Test
    void aWithdrawalTradingRefusesIsA409AndHoldsNothing() {
        long available = cash(DemoUser.ENTITY_1, "available");
        long held = cash(DemoUser.ENTITY_1, "pendingWithdrawal");
        TradingStub.REFUSED_PARTIES.add(ENTITY_1);
        try {
            withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 1_000).statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("WITHDRAWAL_REFUSED_BY_TRADING"));
        } finally {
            TradingStub.REFUSED_PARTIES.remove(ENTITY_1);
        }
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available);
        assertThat(cash(DemoUser.ENTITY_1, "pendingWithdrawal")).isEqualTo(held);
    }

    @Test
    void aHoldTradingGrantedIsReleasedWhenTheLedgerRefusesTheWithdrawal() {
        long available = cash(DemoUser.ENTITY_1, "available");
        String key = key();
        withdraw(DemoUser.ENTITY_1, key, ENTITY_1, available + 1).statusCode(422)
                .body("code", equalTo("INSUFFICIENT_FUNDS"));
        String holdId = TradingStub.HOLDS.get(TradingStub.HOLDS.size() - 1).replaceAll(".*\"holdId\":\"([^\"]+)\".*",
                "$1");
        assertThat(TradingStub.RELEASED).contains(holdId);
    }

    @Test
    void withTradingOutOfReachAWithdrawalIsA503AndHoldsNothing() {
        long available = cash(DemoUser.ENTITY_1, "available");
        long pending = DB.count("select count(*) from withdrawal where party_id = ?::uuid", ENTITY_1);
        TradingStub.down = true;
        try {
            withdraw(DemoUser.ENTITY_1, key(), ENTITY_1, 1_000).statusCode(503)
                    .contentType("application/problem+json").body("code", equalTo("TRADING_UNAVAILABLE"));
        } finally {
            TradingStub.down = false;
        }
        assertThat(cash(DemoUser.ENTITY_1, "available")).isEqualTo(available);
        assertThat(DB.count("select count(*) from withdrawal where party_id = ?::uuid", ENTITY_1)).isEqualTo(pending);
    }
}
