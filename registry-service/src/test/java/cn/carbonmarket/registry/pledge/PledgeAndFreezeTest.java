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
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pledges to a bank and account freezes: what they stop, and what they let through. */
@QuarkusTest
class PledgeAndFreezeTest {

    @Inject
    Pledges pledges;


    private static String entity1() {
        return holdingOf(DemoUser.ENTITY_1);
    }

    private static String entity2() {
        return holdingOf(DemoUser.ENTITY_2);
    }

    @BeforeEach
    void entitiesHoldAllowances() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 100_000);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 1_000);
    }

    private static Map<String, Object> pledge(long quantity) {
        return Map.of("account", entity1(), "instrument", CEA, "quantity", quantity, "expiresOn", "2030-12-31");
    }

    private static Map<String, Object> transfer(String from, String to, long quantity) {
        return Map.of("fromAccount", from, "toAccount", to, "instrument", CEA, "quantity", quantity);
    }

    @Test
    void pledgedUnitsCannotMoveUntilThePledgeeReleasesThem() {
        long available = quantity(entity1(), CEA, "AVAILABLE");
        long pledged = quantity(entity1(), CEA, "PLEDGED");
        String key = "p-" + UUID.randomUUID();
        String id = post(DemoUser.BANK, "/api/v1/pledges", key, pledge(available - 10))
                .statusCode(201).body("pledgee", equalTo("bank")).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        post(DemoUser.BANK, "/api/v1/pledges", key, pledge(available - 10)).statusCode(200).body("id", equalTo(id));
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(10);
        assertThat(quantity(entity1(), CEA, "PLEDGED")).isEqualTo(pledged + available - 10);

        post(DemoUser.ENTITY_1, "/api/v1/transfers", "t-" + UUID.randomUUID(), transfer(entity1(), entity2(), 11))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.ENTITY_1, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(1)).statusCode(403);

        given().auth().oauth2(accessToken(DemoUser.BANK)).post("/api/v1/pledges/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        given().auth().oauth2(accessToken(DemoUser.BANK)).post("/api/v1/pledges/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(available);
        assertThat(quantity(entity1(), CEA, "PLEDGED")).isEqualTo(pledged);
    }

    @Test
    void aPledgeBeyondTheAvailableUnitsIsRefused() {
        long available = quantity(entity1(), CEA, "AVAILABLE");
        post(DemoUser.BANK, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(available + 1))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.REGULATOR, "/api/v1/pledges", "p-" + UUID.randomUUID(), pledge(1))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("pledgee"));
    }

    @Test
    void aFrozenAccountSendsNothingButStillReceives() {
        String freeze = "/api/v1/accounts/" + entity2() + "/freeze";
        Map<String, Object> order = Map.of("reason", "Enforcement ruling (2026) E 0101 No. 1234",
                "authority", "Shenzhen Intermediate People's Court");
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).contentType(ContentType.JSON).body(order)
                .post(freeze).then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(order)
                .post(freeze).then().statusCode(200).body("state", equalTo("FROZEN"));
        try {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(order)
                    .post(freeze).then().statusCode(409).body("code", equalTo("ACCOUNT_NOT_OPEN"));
            post(DemoUser.ENTITY_2, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(entity2(), entity1(), 1))
                    .statusCode(422).body("code", equalTo("ACCOUNT_NOT_OPEN"));
            post(DemoUser.ENTITY_1, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(entity1(), entity2(), 1))
                    .statusCode(201);
            given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).get("/api/v1/accounts/" + entity2())
                    .then().statusCode(200).body("freezeAuthority", equalTo("Shenzhen Intermediate People's Court"));
        } finally {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).post("/api/v1/accounts/" + entity2() + "/unfreeze")
                    .then().statusCode(200).body("state", equalTo("OPEN"));
        }
        post(DemoUser.ENTITY_2, "/api/v1/transfers", "f-" + UUID.randomUUID(), transfer(entity2(), entity1(), 1))
                .statusCode(201);
    }

    @Test
    void aLapsedPledgeIsReleasedByTheRegistryNotLeftBinding() {
        long available = quantity(entity1(), CEA, "AVAILABLE");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> shortPledge = Map.of("account", entity1(), "instrument", CEA, "quantity", 100,
                "expiresOn", today.plusDays(1).toString());
        String id = post(DemoUser.BANK, "/api/v1/pledges", "p-" + UUID.randomUUID(), shortPledge)
                .statusCode(201).extract().path("id");
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(available - 100);

        // Through its expiry date the pledge still binds; the day after, it lapses.
        pledges.expireBefore(today.plusDays(1)).await().indefinitely();
        given().auth().oauth2(accessToken(DemoUser.BANK)).get("/api/v1/pledges/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(pledges.expireBefore(today.plusDays(2)).await().indefinitely()).isPositive();
        given().auth().oauth2(accessToken(DemoUser.BANK)).get("/api/v1/pledges/" + id)
                .then().statusCode(200).body("status", equalTo("EXPIRED"))
                .body("releaseTransaction", org.hamcrest.Matchers.notNullValue());
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(available);
        given().auth().oauth2(accessToken(DemoUser.BANK)).post("/api/v1/pledges/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(available);
    }

    @Test
    void aFreezeOrderHoldsItsQuantityEvenInAFrozenAccountUntilLifted() {
        long available = quantity(entity1(), CEA, "AVAILABLE");
        long frozen = quantity(entity1(), CEA, "FROZEN");
        Map<String, Object> order = Map.of("account", entity1(), "instrument", CEA, "quantity", available - 10,
                "reason", "Preservation ruling (2026) E 0102 No. 77", "authority", "Wuhan Intermediate People's Court");
        String key = "fo-" + UUID.randomUUID();
        post(DemoUser.INVESTOR_1, "/api/v1/freeze-orders", key, order).statusCode(403);
        String id = post(DemoUser.REGULATOR, "/api/v1/freeze-orders", key, order).statusCode(201)
                .body("status", equalTo("ACTIVE")).body("authority", equalTo("Wuhan Intermediate People's Court"))
                .extract().path("id");
        post(DemoUser.REGULATOR, "/api/v1/freeze-orders", key, order).statusCode(200).body("id", equalTo(id));
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(10);
        assertThat(quantity(entity1(), CEA, "FROZEN")).isEqualTo(frozen + available - 10);
        assertThat(RegistryFixtures.DB.count("select count(*) from registry_transaction t join freeze_order o"
                + " on o.freeze_transaction = t.id where o.id = ?::uuid and t.type = 'FREEZE'", id)).isEqualTo(1);

        post(DemoUser.ENTITY_1, "/api/v1/transfers", "t-" + UUID.randomUUID(), transfer(entity1(), entity2(), 11))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.REGULATOR, "/api/v1/freeze-orders", "fo-" + UUID.randomUUID(),
                Map.of("account", entity1(), "instrument", CEA, "quantity", 11, "reason", "r", "authority", "a"))
                .statusCode(422).body("code", equalTo("INSUFFICIENT_UNITS"));
        post(DemoUser.REGULATOR, "/api/v1/freeze-orders", "fo-" + UUID.randomUUID(),
                Map.of("account", "HOLDING-" + UUID.randomUUID(), "instrument", CEA, "quantity", 1, "reason", "r",
                        "authority", "a"))
                .statusCode(422).body("code", equalTo("ACCOUNT_NOT_FOUND"));
        post(DemoUser.REGULATOR, "/api/v1/freeze-orders", "fo-" + UUID.randomUUID(),
                Map.of("account", entity1(), "instrument", "CEA-20x5", "quantity", 0, "authority", "a"))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("quantity", "reason"));

        // Lifting works while the whole account is frozen too: the units only change status inside it.
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "authority", "a")).post("/api/v1/accounts/" + entity1() + "/freeze")
                .then().statusCode(200);
        try {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).post("/api/v1/freeze-orders/" + id + "/lift")
                    .then().statusCode(200).body("status", equalTo("LIFTED")).body("liftedBy", equalTo("regulator"));
        } finally {
            given().auth().oauth2(accessToken(DemoUser.REGULATOR)).post("/api/v1/accounts/" + entity1() + "/unfreeze")
                    .then().statusCode(200);
        }
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).post("/api/v1/freeze-orders/" + id + "/lift")
                .then().statusCode(200).body("status", equalTo("LIFTED"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).get("/api/v1/freeze-orders/" + id)
                .then().statusCode(403);
        assertThat(quantity(entity1(), CEA, "AVAILABLE")).isEqualTo(available);
        assertThat(quantity(entity1(), CEA, "FROZEN")).isEqualTo(frozen);
    }
}
