package cn.carbonmarket.trading.calendar;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The market session endpoint against the calendar's sessions, on the tests' manual clock. */
@QuarkusTest
class MarketSessionTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");

    @Inject
    Clock clock;

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void inTheMorningOnlyListingTradingIsOpenUntilHalfPastEleven() {
        session(DemoUser.INVESTOR_1).statusCode(200)
                .body("jurisdiction", equalTo("CN"))
                .body("marketTime", equalTo("2026-11-25T02:00:00Z")).body("tradingDay", equalTo("2026-11-25"))
                .body("listingOpen", equalTo(true)).body("blockOpen", equalTo(false))
                .body("listingClosesAt", equalTo("2026-11-25T03:30:00Z"))
                .body("nextListingOpen", equalTo("2026-11-25T02:00:00Z"));
    }

    @Test
    void inTheAfternoonBlockTradingIsOpenToo() {
        ((ManualClock) clock).set(Instant.parse("2026-11-25T05:30:00Z")); // 13:30 in Shanghai
        session(DemoUser.OPERATOR).statusCode(200)
                .body("listingOpen", equalTo(true)).body("blockOpen", equalTo(true))
                .body("listingClosesAt", equalTo("2026-11-25T07:00:00Z"));
    }

    @Test
    void onASaturdayNothingIsOpenAndMondayMorningIsNext() {
        ((ManualClock) clock).set(Instant.parse("2026-11-28T02:00:00Z"));
        session(DemoUser.ENTITY_1).statusCode(200)
                .body("tradingDay", nullValue()).body("listingOpen", equalTo(false)).body("blockOpen", equalTo(false))
                .body("listingClosesAt", nullValue()).body("nextListingOpen", equalTo("2026-11-30T01:30:00Z"));
    }

    @Test
    void theClearingBankAndAnonymousCallersAreRefused() {
        session(DemoUser.BANK).statusCode(403);
        given().when().get("/api/v1/market-session").then().statusCode(401);
    }

    @Test
    void aPilotWithItsOwnHoursIsOpenWhenItsExchangeIsAndOneWithoutBlockTradingNeverOpensIt() {
        ((ManualClock) clock).set(Instant.parse("2026-11-25T05:10:00Z")); // 13:10 in Shanghai
        session(DemoUser.INVESTOR_1, "GD").statusCode(200).body("jurisdiction", equalTo("GD"))
                .body("listingOpen", equalTo(false)).body("blockOpen", equalTo(false))
                .body("nextListingOpen", equalTo("2026-11-25T05:30:00Z"));
        session(DemoUser.INVESTOR_1, "HB").statusCode(200).body("listingOpen", equalTo(true))
                .body("blockOpen", equalTo(false));
        session(DemoUser.INVESTOR_1, "CN").statusCode(200).body("blockOpen", equalTo(true));

        ((ManualClock) clock).set(Instant.parse("2026-11-25T07:15:00Z")); // 15:15
        session(DemoUser.INVESTOR_1, "GD").statusCode(200).body("listingOpen", equalTo(true))
                .body("listingClosesAt", equalTo("2026-11-25T07:30:00Z"));
        session(DemoUser.INVESTOR_1, "XX").statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    private static ValidatableResponse session(DemoUser user, String jurisdiction) {
        return given().auth().oauth2(accessToken(user)).queryParam("jurisdiction", jurisdiction).when()
                .get("/api/v1/market-session").then();
    }

    private static ValidatableResponse session(DemoUser user) {
        return given().auth().oauth2(accessToken(user)).when().get("/api/v1/market-session").then();
    }
}
