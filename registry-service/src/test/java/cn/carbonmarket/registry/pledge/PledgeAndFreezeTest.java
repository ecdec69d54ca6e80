package cn.carbonmarket.registry.pledge;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.post;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pledges to a bank and account freezes: what they stop, and what they let through. */
@QuarkusTest
class PledgeAndFreezeTest {

    private static final String ENTITY_1 = holdingOf(DemoUser.ENTITY_1);
    private static final String ENTITY_2 = holdingOf(DemoUser.ENTITY_2);

    @BeforeEach
    void entitiesHoldAllowances() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 100_000);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 1_000);
    }

    private static Map<String, Object> pledge(long quantity) {
        return Map.of("account", ENTITY_1, "instrument", CEA, "quantity", quantity, "expiresOn", "2030-12-31");
    }

    private static Map<String, Object> transfer(String from, String to, long quantity) {
        return Map.of("fromAccount", from, "toAccount", to, "instrument", CEA, "quantity", quantity);
    }

    @Test
    void pledgedUnitsCannotMoveUntilThePledgeeReleasesThem() {
        long available = quantity(ENTITY_1, CEA, "AVAILABLE");
        long pledged = quantity(ENTITY_1, CEA, "PLEDGED");
        String key = "p-" + UUID.randomUUID();
        String id = post(DemoUser.BANK, "/api/v1/pledges", key, pledge(available - 10))
                .statusCode(201).body("pledgee", equalTo("bank")).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        post(DemoUser.BANK, "/api/v1/pledges", key, pledge(available - 10)).statusCode(200).body("id", equalTo(id));
        assertThat(quantity(ENTITY_1, CEA, "AVAILABLE")).isEqualTo(10);
        assertThat(quantity(ENTITY_1, CEA, "PLEDGED")).isEqualTo(pledged + available - 10);

        post(DemoUser.ENTITY_1, "/api/v1/transfers", "t-" + UUID.randomUUID(), transfer(ENTITY_1, ENTITY_2, 11))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.ENTITY_1, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(1)).statusCode(403);

        given().auth().oauth2(accessToken(DemoUser.BANK)).post("/api/v1/pledges/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        given().auth().oauth2(accessToken(DemoUser.BANK)).post("/api/v1/pledges/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(quantity(ENTITY_1, CEA, "AVAILABLE")).isEqualTo(available);
        assertThat(quantity(ENTITY_1, CEA, "PLEDGED")).isEqualTo(pledged);
    }

    @Test
    void aPledgeBeyondTheAvailableUnitsIsRefused() {
        long available = quantity(ENTITY_1, CEA, "AVAILABLE");
        post(DemoUser.BANK, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(available + 1))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.REGULATOR, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(1))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("pledgee"));
    }

    @Test
    void aFrozenAccountSendsNothingButStillReceives() {
        String freeze = "/api/v1/accounts/" + ENTITY_2 + "/freeze";
        Map<String, Object> order = Map.of("reason", "Enforcement ruling (2026) E 0101 No. 1234",
                "authority", "Shenzhen Intermediate People's Court");
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).contentType(ContentType.JSON).body(order)
                .post(freeze).then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(order)
                .post(freeze).then().statusCode(200).body("state", equalTo("FROZEN"));
        try {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(order)
                    .post(freeze).then().statusCode(409).body("code", equalTo("ACCOUNT_NOT_OPEN"));
            post(DemoUser.ENTITY_2, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(ENTITY_2, ENTITY_1, 1))
                    .statusCode(422).body("code", equalTo("ACCOUNT_NOT_OPEN"));
            post(DemoUser.ENTITY_1, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(ENTITY_1, ENTITY_2, 1))
                    .statusCode(201);
            given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).get("/api/v1/accounts/" + ENTITY_2)
                    .then().statusCode(200).body("freezeAuthority", equalTo("Shenzhen Intermediate People's Court"));
        } finally {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).post("/api/v1/accounts/" + ENTITY_2 + "/unfreeze")
                    .then().statusCode(200).body("state", equalTo("OPEN"));
        }
        post(DemoUser.ENTITY_2, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(ENTITY_2, ENTITY_1, 1))
                .statusCode(201);
    }
}
