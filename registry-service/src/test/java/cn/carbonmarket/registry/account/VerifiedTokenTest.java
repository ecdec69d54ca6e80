package cn.carbonmarket.registry.account;

import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A bearer token verified once is answered from memory afterwards (platform VerifiedTokens): with the same roles
 * and party as when it was verified, and only for exactly that token.
 */
@QuarkusTest
class VerifiedTokenTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aTokenSeenBeforeKeepsItsPartyAndRolesAndAnyOtherTokenIsVerifiedAfresh() {
        RegistryFixtures.partyWithAllowances(DemoUser.INVESTOR_1, 5);
        String token = KeycloakTokens.accessToken(DemoUser.INVESTOR_1);
        String own = holdingOf(DemoUser.INVESTOR_1);
        String other = holdingOf(DemoUser.ENTITY_2);

        get(token, "/api/v1/accounts/" + own, 200);
        double hitsBefore = hits();
        get(token, "/api/v1/accounts/" + own, 200);
        assertThat(hits()).isGreaterThan(hitsBefore);

        // From memory too: another party's account and a regulator's endpoint stay closed to it.
        get(token, "/api/v1/accounts/" + other, 403);
        get(token, "/api/v1/audit/verify", 403);
        get(token, "/api/v1/audit/verify", 403);

        // The same claims under another signature are not the token that was verified.
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + new StringBuilder(signature).reverse();
        get(forged, "/api/v1/accounts/" + own, 401);
        get(token.substring(0, token.length() - 2), "/api/v1/accounts/" + own, 401);
    }

    private double hits() {
        return metrics.counter("market.security.verified.tokens", "outcome", "hit").count();
    }

    private static void get(String token, String path, int status) {
        given().header("Authorization", "Bearer " + token).when().get(path).then().statusCode(status);
    }
}
