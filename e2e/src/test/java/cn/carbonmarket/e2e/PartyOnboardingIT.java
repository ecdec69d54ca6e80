package cn.carbonmarket.e2e;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.year.play.MarketCalls;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A party registered at the registry appears in trading (risk profile), settlement (cash account) and, for a
 * compliance entity, allocation (covered entity): four processes, one Kafka topic, real tokens.
 */
class PartyOnboardingIT {


    private static ValidatableResponse get(DemoUser user, String url) {
        return given().auth().oauth2(accessToken(user)).when().get(url).then();
    }

    private static void awaitOk(DemoUser user, String url) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(accessToken(user)).get(url).statusCode() == 200);
    }

    private static ValidatableResponse register(DemoUser user, Map<String, Object> party) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).body(party)
                .when().post(REGISTRY + "/api/v1/parties").then();
    }

    @Test
    void aRegisteredEntityIsKnownToEveryServiceOnce() {
        String id = register(DemoUser.REGULATOR, Map.of("name", "Xiangyang Aluminium Co., Ltd.",
                "type", "COMPLIANCE_ENTITY", "region", "HB", "creditCode", Identities.creditCode("420600")))
                .statusCode(201).extract().path("id");

        awaitOk(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + id);
        awaitOk(DemoUser.BANK, SETTLEMENT + "/api/v1/cash-accounts/" + id);
        awaitOk(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + id);

        get(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + id)
                .body("partyType", equalTo("COMPLIANCE_ENTITY")).body("region", equalTo("HB"))
                .body("status", equalTo("ACTIVE"));
        get(DemoUser.BANK, SETTLEMENT + "/api/v1/cash-accounts/" + id)
                .body("currency", equalTo("CNY")).body("status", equalTo("OPEN"));
        get(DemoUser.PROVINCE_HB, ALLOCATION + "/api/v1/covered-entities/" + id)
                .body("name", equalTo("Xiangyang Aluminium Co., Ltd."));
    }

    @Test
    void anInvestorIsKnownToTradingAndSettlementButNotCovered() {
        String id = register(DemoUser.REGULATOR, Map.of("name", "Wuhan Carbon Asset Management",
                "type", "INSTITUTION", "region", "HB", "creditCode", Identities.creditCode("420100")))
                .statusCode(201).extract().path("id");
        awaitOk(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + id);
        awaitOk(DemoUser.BANK, SETTLEMENT + "/api/v1/cash-accounts/" + id);
        get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + id).statusCode(404);
    }

    @Test
    void aParticipantSeesItsOwnRecordsInEveryServiceAndNobodyElses() {
        String own = MarketCalls.registerDemo(DemoUser.ENTITY_1);
        awaitOk(DemoUser.ENTITY_1, TRADING + "/api/v1/risk-profiles/" + own);
        awaitOk(DemoUser.ENTITY_1, SETTLEMENT + "/api/v1/cash-accounts/" + own);

        get(DemoUser.ENTITY_1, REGISTRY + "/api/v1/parties/" + own).statusCode(200);
        get(DemoUser.ENTITY_2, REGISTRY + "/api/v1/parties/" + own).statusCode(403);
        get(DemoUser.ENTITY_2, TRADING + "/api/v1/risk-profiles/" + own).statusCode(403);
        get(DemoUser.ENTITY_2, SETTLEMENT + "/api/v1/cash-accounts/" + own).statusCode(403);
        get(DemoUser.INVESTOR_1, ALLOCATION + "/api/v1/covered-entities/" + own).statusCode(403);
    }

    @Test
    void aRefusedRegistrationLeavesNoTraceAnywhere() {
        String code = Identities.creditCode("310000");
        register(DemoUser.INVESTOR_1, Map.of("name", "Not Allowed Fund", "type", "INSTITUTION", "region", "SH",
                "creditCode", code)).statusCode(403).contentType("application/problem+json");
        register(DemoUser.REGULATOR, Map.of("name", "Bad Checksum Fund", "type", "INSTITUTION", "region", "SH",
                "creditCode", Identities.withBadChecksum(code))).statusCode(400).contentType("application/problem+json");

        // A registration that was accepted afterwards has reached the other services: the refused one never will.
        String later = register(DemoUser.REGULATOR, Map.of("name", "Allowed Fund", "type", "INSTITUTION",
                "region", "SH", "creditCode", Identities.creditCode("310000"))).statusCode(201).extract().path("id");
        awaitOk(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + later);
        awaitOk(DemoUser.BANK, SETTLEMENT + "/api/v1/cash-accounts/" + later);

        // No party has the refused identity: none was made, so no id of it exists for the others to know.
        assertThat(MarketCalls.partyOf(code)).isNull();
    }
}
