package cn.carbonmarket.settlement.http;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries the platform's security headers (platform http.SecurityHeaders): an API answer, a refusal,
 * and the printable HTML statement, whose policy allows its own inline styles and nothing else (no script, no frame).
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void answersAndRefusalsAreNotSniffedFramedOrReferredAndHstsOnlyBehindTls() {
        headersOf(given().when().get("/api/v1/balances/" + DemoUser.ENTITY_1.partyId()).then().statusCode(401))
                .header("Strict-Transport-Security", nullValue())
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        headersOf(given().auth().oauth2(accessToken(DemoUser.REGULATOR)).header("X-Forwarded-Proto", "https")
                .when().get("/api/v1/balances/" + DemoUser.ENTITY_1.partyId()).then())
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }

    @Test
    void theHtmlStatementMayStyleItselfButRunsNoScriptAndIsNeverFramed() {
        SettlementFixtures.admitted(DemoUser.ENTITY_1);
        String date = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000)).toString();
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when().post("/api/v1/clearing-runs/" + date).then()
                .statusCode(201);

        headersOf(given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).accept("text/html").when()
                .get("/api/v1/statements/" + DemoUser.ENTITY_1.partyId() + "/" + date).then().statusCode(200)
                .contentType("text/html"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                        containsString("style-src 'unsafe-inline'"), containsString("frame-ancestors 'none'"),
                        not(containsString("script-src"))));
    }

    private static ValidatableResponse headersOf(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
