package cn.carbonmarket.settlement;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What settlement's tests set up through the real service and Kafka: admitted parties, deposits, balances. */
public final class SettlementFixtures {

    public static final Database DB = new Database("settlement");

    private SettlementFixtures() {
    }

    /** Makes sure the demo user's party has a cash account, as the registry's PartyRegistered event gives it. */
    public static void admitted(DemoUser user) {
        Map<String, Object> registration = user.registration();
        admitted(user.partyId(), (String) registration.get("name"), (String) registration.get("type"),
                (String) registration.get("region"));
    }

    /** The jurisdiction's auctioneer, as the registry registers it at start: its cash account is the revenue account. */
    public static String auctioneerAdmitted(Jurisdiction jurisdiction) {
        String auctioneer = SystemParties.auctioneer(jurisdiction).toString();
        admitted(auctioneer, "National allowance auctioneer (" + jurisdiction + ")", "INSTITUTION", "BJ");
        return auctioneer;
    }

    private static void admitted(String partyId, String name, String type, String region) {
        if (DB.count("select count(*) from cash_account where party_id = ?::uuid", partyId) == 1) {
            return;
        }
        PartyEvents.publish(PartyEvents.registered(partyId, name, type, region));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> DB.count(
                "select count(*) from cash_account where party_id = ?::uuid", partyId) == 1);
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
        return cash(user.partyId(), field);
    }

    public static long cash(String partyId, String field) {
        return balances(DemoUser.REGULATOR, partyId).statusCode(200).extract().<Number>path("cash." + field)
                .longValue();
    }

    public static ValidatableResponse withdraw(DemoUser user, String key, String partyId, long fen) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("partyId", partyId, "amountFen", fen)).when().post("/api/v1/withdrawals").then()
                .log().ifValidationFails();
    }

    /** The party's posted CEA-2025 units in the ledger. */
    public static long units(DemoUser user) {
        return units(user.partyId());
    }

    public static long units(String partyId) {
        return DB.count("select coalesce(sum(credits_posted - debits_posted), 0) from ledger_account"
                + " where kind = 'UNITS' and owner = ? and asset = ?", partyId, TradeEvents.CEA);
    }

    /**
     * The party's CEA-2025 units in settlement (less undelivered trades) less the registry's IN_TRADING mirror, as a
     * reconciliation run reports it.
     */
    public static long registryDifference(String partyId) {
        JsonPath report = given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when()
                .post("/api/v1/reconciliation-runs").then().statusCode(201).extract().jsonPath();
        List<Number> differences = report.getList("differences.findAll { it.source == 'REGISTRY' && it.partyId == '"
                + partyId + "' && it.asset == '" + TradeEvents.CEA + "' }.difference");
        return differences.stream().mapToLong(Number::longValue).sum();
    }
}
