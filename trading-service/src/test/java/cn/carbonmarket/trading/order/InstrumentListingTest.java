package cn.carbonmarket.trading.order;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.risk.Funding;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The exchange operator lists a new vintage while the exchange runs: its book takes orders at once, drawn around
 * the reference price given, the market data stream shows it, and a restart rebuilds it from the listing and the
 * journal.
 */
@QuarkusTest
class InstrumentListingTest {

    private static final String SOURCE = "listing notice: the close of CEA-2026 on its last trading day";

    @Inject
    ExchangeRecovery recovery;
    @Inject
    ExchangeQueries books;

    @Test
    void theOperatorListsANewVintageWhoseBookTakesOrdersAroundItsReferencePrice() {
        String vintage = unlisted();
        get(DemoUser.ENTITY_1, "/api/v1/instruments/" + vintage + "/depth").statusCode(404)
                .body("code", equalTo("INSTRUMENT_NOT_LISTED"));

        list(DemoUser.OPERATOR, vintage, Map.of("referencePriceFen", 9_500, "source", SOURCE)).statusCode(201)
                .body("instrument", equalTo(vintage)).body("referencePriceFen", equalTo(9_500))
                .body("source", equalTo(SOURCE)).body("listedBy", equalTo(DemoUser.OPERATOR.username()));
        get(DemoUser.INVESTOR_1, "/api/v1/instruments").statusCode(200)
                .body("find { it.instrument == '" + vintage + "' }.referencePriceFen", equalTo(9_500))
                .body("find { it.instrument == 'CEA-2025' }.listedBy", equalTo("instruments/listed-instruments.json"))
                .body("find { it.instrument == 'CEA-2025' }.listedAt", nullValue());

        Funding.units(DemoUser.ENTITY_1, vintage, 1_000);
        Funding.cash(DemoUser.INVESTOR_1, Funding.PLENTY_OF_CASH);
        // The band of its first day is 10% around the reference price: 8,550 to 10,450.
        place(DemoUser.ENTITY_1, limit(vintage, "SELL", 10_451, 100)).statusCode(422)
                .body("code", equalTo("PRICE_ABOVE_BAND"));
        place(DemoUser.ENTITY_1, limit(vintage, "SELL", 9_600, 300)).statusCode(201);
        place(DemoUser.INVESTOR_1, limit(vintage, "BUY", 9_600, 100)).statusCode(201)
                .body("state", equalTo("FILLED"));
        get(DemoUser.OPERATOR, "/api/v1/instruments/" + vintage + "/depth").statusCode(200)
                .body("previousClose", equalTo(9_500)).body("last", equalTo(9_600)).body("volume", equalTo(100))
                .body("asks[0].quantity", equalTo(200));

        // Readers of the market data learn of it from its first book, around the reference price.
        String depth = new KafkaTopic("trading.market-data").await(r -> vintage.equals(r.key())
                && r.value().contains("\"DepthChanged\""), Duration.ofSeconds(30)).value();
        assertThat(depth).contains("\"previousCloseFen\":9500");

        InstrumentCode code = InstrumentCode.parse(vintage);
        assertThat(recovery.rebuildFromJournal().engines().get(code).depth())
                .isEqualTo(books.depth(code).await().indefinitely());
    }

    @Test
    void theSameListingAgainAnswersItAndAnotherIsAConflictThatChangesNothing() {
        String vintage = unlisted();
        Map<String, Object> listing = Map.of("referencePriceFen", 9_000, "source", SOURCE);
        list(DemoUser.OPERATOR, vintage, listing).statusCode(201);
        list(DemoUser.OPERATOR, vintage, listing).statusCode(200).body("referencePriceFen", equalTo(9_000));
        list(DemoUser.OPERATOR, vintage, Map.of("referencePriceFen", 9_100, "source", SOURCE)).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("INSTRUMENT_LISTED"));
        list(DemoUser.OPERATOR, "CEA-2025", listing).statusCode(409).body("code", equalTo("INSTRUMENT_LISTED"));
        get(DemoUser.OPERATOR, "/api/v1/instruments/" + vintage + "/depth").statusCode(200)
                .body("previousClose", equalTo(9_000));
    }

    @Test
    void aMalformedOrOffTickListingIsRefusedAndListsNothing() {
        String vintage = unlisted();
        list(DemoUser.OPERATOR, vintage, Map.of("referencePriceFen", 0, "source", SOURCE)).statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        list(DemoUser.OPERATOR, vintage, Map.of("referencePriceFen", 9_000, "source", " ")).statusCode(400)
                .body("errors.field", hasItem("source"));
        list(DemoUser.OPERATOR, vintage, Map.of("source", SOURCE)).statusCode(400);
        list(DemoUser.OPERATOR, "CEA-20X1", Map.of("referencePriceFen", 9_000, "source", SOURCE)).statusCode(400);
        list(DemoUser.OPERATOR, "CEA-2101", Map.of("referencePriceFen", 9_000, "source", SOURCE)).statusCode(400);
        list(DemoUser.OPERATOR, vintage, Map.of("referencePriceFen", 9_000, "source", "x".repeat(501)))
                .statusCode(400);

        assertThat(listed()).doesNotContain(vintage);
        get(DemoUser.OPERATOR, "/api/v1/instruments/" + vintage + "/depth").statusCode(404);
    }

    @Test
    void onlyTheExchangeOperatorListsAndEveryoneMustAuthenticate() {
        String vintage = unlisted();
        Map<String, Object> listing = Map.of("referencePriceFen", 9_000, "source", SOURCE);
        for (DemoUser user : List.of(DemoUser.REGULATOR, DemoUser.ENTITY_1, DemoUser.INVESTOR_1)) {
            list(user, vintage, listing).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(listing).when().put("/api/v1/instruments/" + vintage)
                .then().statusCode(401);
        given().when().get("/api/v1/instruments").then().statusCode(401);
        assertThat(listed()).doesNotContain(vintage);
    }

    /** A CEA vintage nobody listed in this database yet (tests may run again on it). */
    private static String unlisted() {
        List<String> listed = listed();
        return IntStream.rangeClosed(2040, 2100).mapToObj(year -> "CEA-" + year)
                .filter(code -> !listed.contains(code)).findAny().orElseThrow();
    }

    private static List<String> listed() {
        return get(DemoUser.OPERATOR, "/api/v1/instruments").statusCode(200).extract().jsonPath()
                .getList("instrument");
    }

    private static ValidatableResponse list(DemoUser user, String code, Map<String, Object> listing) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).body(listing)
                .when().put("/api/v1/instruments/" + code).then().log().ifValidationFails();
    }
}
