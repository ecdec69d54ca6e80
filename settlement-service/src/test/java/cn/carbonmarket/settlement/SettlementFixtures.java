package cn.carbonmarket.settlement;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What settlement's tests set up through the real service and Kafka: admitted parties, deposits, balances. */
public final class SettlementFixtures {

    public static final Database DB = new Database("settlement");

    private SettlementFixtures() {
    }

    /** Makes sure the demo user's party has a cash account, as the registry's PartyRegistered event gives it. */
    public static void admitted(DemoUser user) {
        if (DB.count("select count(*) from cash_account where party_id = ?::uuid", user.partyId()) == 1) {
            return;
        }
        Map<String, Object> registration = user.registration();
        PartyEvents.publish(PartyEvents.registered(user.partyId(), (String) registration.get("name"),
                (String) registration.get("type"), (String) registration.get("region")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> DB.count(
                "select count(*) from cash_account where party_id = ?::uuid", user.partyId()) == 1);
    }

    public static ValidatableResponse post(DemoUser user, String path, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post(path).then().log().ifValidationFails();
    }

    public static ValidatableResponse deposit(String bankReference, String partyId, long fen) {
        return post(DemoUser.BANK, "/api/v1/deposits",
                Map.of("bankReference", bankReference, "partyId", partyId, "amountFen", fen));
    }

    /** Deposits {@code fen} under a fresh bank reference and returns the reference. */
    public static String funded(DemoUser user, long fen) {
        String reference = "BANK-" + UUID.randomUUID();
        deposit(reference, user.partyId(), fen).statusCode(201);
        return reference;
    }

    public static ValidatableResponse balances(DemoUser viewer, String partyId) {
        return given().auth().oauth2(accessToken(viewer)).when().get("/api/v1/balances/" + partyId).then()
                .log().ifValidationFails();
    }

    public static long cash(DemoUser user, String field) {
        return balances(DemoUser.REGULATOR, user.partyId()).statusCode(200).extract().<Number>path("cash." + field)
                .longValue();
    }

    public static ValidatableResponse withdraw(DemoUser user, String key, String partyId, long fen) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("partyId", partyId, "amountFen", fen)).when().post("/api/v1/withdrawals").then()
                .log().ifValidationFails();
    }

    /** The party's posted CEA-2025 units in the ledger. */
    public static long units(DemoUser user) {
        return DB.count("select coalesce(sum(credits_posted - debits_posted), 0) from ledger_account"
                + " where kind = 'UNITS' and owner = ? and asset = ?", user.partyId(), TradeEvents.CEA);
    }
}
