package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import cn.carbonmarket.year.play.MarketCalls;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/**
 * The parts of a primary auction the trading day's suite drives: its bidders (institutions of their own, each with a
 * Keycloak user and cash at the clearing bank), the period whose allowances it sells, and reads of the four books.
 * Each read answers the current figure, so the suite compares before and after and can run again on the same
 * databases.
 */
final class PrimaryAuctionDay {

    static final String PERIOD = "CN-2026";
    static final String INSTRUMENT = "CEA-2026";
    static final PartyId AUCTIONEER = SystemParties.auctioneer(Jurisdiction.CN);

    /** A bidder of the suite's own: its party and its token. */
    record Bidder(String partyId, String token) {

        String holdingAccount() {
            return AccountId.holdingOf(PartyId.parse(partyId)).value();
        }

        ValidatableResponse bid(long auctionId, long priceFen, long tonnes) {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("priceFen", priceFen, "quantity", tonnes))
                    .when().post(TRADING + "/api/v1/auctions/" + auctionId + "/bids").then().log().ifValidationFails();
        }

        ValidatableResponse mine(String auctionRef) {
            return given().auth().oauth2(token).when().get(ALLOCATION + "/api/v1/auction-results/" + auctionRef
                    + "/mine").then().log().ifValidationFails();
        }
    }

    private PrimaryAuctionDay() {
    }

    /** An institution registered at the registry, followed by trading and settlement, with cash deposited. */
    static Bidder bidder(int index, long cashFen) {
        String code = UnifiedSocialCreditCode.completing("91310000" + String.format("%09d", 600_000_000 + index))
                .code();
        String party = send(DemoUser.REGULATOR, "POST", REGISTRY + "/api/v1/parties", Map.of(
                "name", "E2E Auction Bidder " + index + " Co., Ltd.", "type", "INSTITUTION", "region", "SH",
                "creditCode", code)).statusCode(oneOf(200, 201)).extract().path("id");
        eventually(() -> get(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + party).extract()
                .statusCode() == 200);
        MarketCalls.deposit(party, cashFen);
        return new Bidder(party, KeycloakTokens.participantToken("e2e-bidder-" + index, party, "investor"));
    }

    /** The period whose allowance (listed at the exchange) the auction sells, opened once. */
    static void openPeriod() {
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/compliance-periods/" + PERIOD, Map.of(
                "jurisdiction", "CN", "firstYear", 2026, "lastYear", 2026, "instrument", INSTRUMENT,
                "benchmarkPack", "CN-2022", "deadline95", "2027-10-31", "deadline100", "2027-12-31"))
                .statusCode(oneOf(200, 201));
        String status = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/compliance-periods/" + PERIOD).statusCode(200)
                .extract().path("status");
        if (!"ALLOCATING".equals(status)) {
            send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/compliance-periods/" + PERIOD + "/status",
                    Map.of("status", "ALLOCATING")).statusCode(200);
        }
    }

    static JsonPath auction(String ref) {
        return get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/auction-calendar/" + PERIOD + "/auctions/" + ref)
                .statusCode(200).extract().jsonPath();
    }

    /** The registry's holding of the period's instrument in the account and status, 0 if none. */
    static long registry(String account, String status) {
        return MarketCalls.registry(account, INSTRUMENT, status);
    }

    /** Settlement's available units of the period's instrument for the party. */
    static long settlementUnits(String party) {
        return MarketCalls.settlementUnits(party, INSTRUMENT);
    }

    static long settlementCash(String party) {
        return MarketCalls.settlementCash(party);
    }

    /** The auction revenue account's proceeds so far. */
    static long proceeds() {
        return get(DemoUser.REGULATOR, SETTLEMENT + "/api/v1/auction-revenue?jurisdiction=CN").statusCode(200)
                .extract().jsonPath().getLong("proceedsFen");
    }

    /** The stability reserve's booked balance of the period's instrument as allocation keeps it. */
    static long reserveBalance() {
        List<Map<String, Object>> balances = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/stability-reserve/CN")
                .statusCode(200).extract().jsonPath().getList("balances");
        return balances.stream().filter(b -> INSTRUMENT.equals(b.get("instrument")))
                .mapToLong(b -> ((Number) b.get("balanceTonnes")).longValue()).sum();
    }
}
