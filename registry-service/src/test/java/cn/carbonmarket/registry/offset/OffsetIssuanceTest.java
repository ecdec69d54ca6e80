package cn.carbonmarket.registry.offset;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.offsetIssuance;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.testing.KeycloakTokens.authorityToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Offset credits issued with their origin through the API, the real database and Kafka: CCER by the regulator, a
 * pilot's own credits by the authority running the pilot, each issuance once, Guangdong's credits for individuals'
 * low-carbon actions only to individuals, and what every issuer may not do.
 */
@QuarkusTest
class OffsetIssuanceTest {

    private static String id() {
        return "OI-" + UUID.randomUUID();
    }

    private static String entity() {
        return RegistryFixtures.register(Identities.creditCode("110105"));
    }

    /** Issued - cancelled = held, per instrument: the issuance account mirrors what left it. */
    private static void assertIssuedEqualsHeld(String instrument, String issuanceAccount) {
        assertThat(DB.count("select coalesce(sum(quantity), 0) from holding where instrument = ?", instrument))
                .isZero();
        assertThat(-DB.count("select coalesce(sum(quantity), 0) from holding where instrument = ? and account_id = ?",
                instrument, issuanceAccount)).isEqualTo(DB.count("select coalesce(sum(quantity), 0) from offset_issuance"
                + " where instrument = ?", instrument));
    }

    @Test
    void theRegulatorIssuesCcerOfARecordedOriginOnceAndItIsPublishedAsAnyBooking() throws Exception {
        String party = entity();
        String id = id();

        String transaction = offsetIssuance(accessToken(DemoUser.REGULATOR), id, party, "CCER-2025-HB-WIND", 1_200).statusCode(201)
                .header("Location", containsString("/api/v1/offset-issuances/" + id))
                .body("issuanceId", equalTo(id)).body("partyId", equalTo(party))
                .body("instrument", equalTo("CCER-2025-HB-WIND")).body("quantity", equalTo(1_200))
                .extract().path("transactionId");
        offsetIssuance(accessToken(DemoUser.REGULATOR), id, party, "CCER-2025-HB-WIND", 1_200).statusCode(200)
                .body("transactionId", equalTo(transaction));
        offsetIssuance(accessToken(DemoUser.REGULATOR), id, party, "CCER-2025-HB-WIND", 1_201).statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertThat(quantity("HOLDING-" + party, "CCER-2025-HB-WIND", "AVAILABLE")).isEqualTo(1_200);
        assertThat(DB.count("select count(*) from registry_transaction where id = ?::uuid"
                + " and type = 'OFFSET_ISSUANCE'", transaction)).isEqualTo(1);
        assertIssuedEqualsHeld("CCER-2025-HB-WIND", "NATIONAL_ISSUANCE-CN");
        JsonNode booked = new ObjectMapper().readTree(new KafkaTopic("registry.transactions")
                .await(r -> r.value().contains(transaction), Duration.ofSeconds(20)).value());
        assertThat(booked.at("/payload/type").asText()).isEqualTo("OFFSET_ISSUANCE");
        assertThat(booked.at("/payload/reference").asText()).isEqualTo(id);
        assertThat(booked.at("/payload/lines/0/account").asText()).isEqualTo("NATIONAL_ISSUANCE-CN");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/offset-issuances/" + id).then().statusCode(200)
                .body("projectId", equalTo("P-CCER-2025-HB-WIND"));
    }

    @Test
    void aPilotsAuthorityIssuesItsOwnCreditsAndNothingElse() {
        String party = entity();
        String beijing = authorityToken("authority-bj", "BJ", null);
        String id = id();

        offsetIssuance(beijing, id, party, "BCER-2025-BJ-FORESTRY", 800).statusCode(201);
        assertThat(quantity("HOLDING-" + party, "BCER-2025-BJ-FORESTRY", "AVAILABLE")).isEqualTo(800);
        assertThat(DB.count("select count(*) from offset_issuance where issuance_id = ? and issued_by = 'authority-bj'",
                id)).isEqualTo(1);
        assertIssuedEqualsHeld("BCER-2025-BJ-FORESTRY", "NATIONAL_ISSUANCE-BJ");

        offsetIssuance(beijing, id(), party, "CCER-2025-BJ-WIND", 1).statusCode(403)
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        offsetIssuance(accessToken(DemoUser.PROVINCE_HB), id(), party, "BCER-2025-BJ-FORESTRY", 1).statusCode(403)
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        offsetIssuance(accessToken(DemoUser.ENTITY_1), id(), party, "BCER-2025-BJ-FORESTRY", 1).statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).get("/api/v1/offset-issuances/" + id).then()
                .statusCode(404);
        assertThat(quantity("HOLDING-" + party, "BCER-2025-BJ-FORESTRY", "AVAILABLE")).isEqualTo(800);
    }

    @Test
    void onlyOffsetsWithAnOriginAreIssuedAndLowCarbonActionsOnlyToIndividuals() {
        String party = entity();
        String person = RegistryFixtures.freshIndividual("Chen Jing", "GD", "440103");
        String guangdong = authorityToken("authority-gd", "GD", null);

        offsetIssuance(accessToken(DemoUser.REGULATOR), id(), party, "CCER-2025", 10).statusCode(422)
                .body("code", equalTo("ORIGIN_REQUIRED"));
        offsetIssuance(accessToken(DemoUser.REGULATOR), id(), party, "CEA-2025", 10).statusCode(422)
                .body("code", equalTo("ORIGIN_REQUIRED")).body("detail", containsString("is an allowance"));
        offsetIssuance(guangdong, id(), party, "PHCER-2025-GD-LOW_CARBON_ACTION", 10).statusCode(422)
                .body("code", equalTo("RECIPIENT_NOT_ELIGIBLE"));
        offsetIssuance(accessToken(DemoUser.REGULATOR), id(), UUID.randomUUID().toString(), "PHCER-2025-GD-SOLAR", 10).statusCode(404)
                .body("code", equalTo("PARTY_NOT_FOUND"));
        offsetIssuance(guangdong, id(), party, "PHCER-2025-GD-SOLAR", 30).statusCode(201);
        offsetIssuance(guangdong, id(), person, "PHCER-2025-GD-LOW_CARBON_ACTION", 3).statusCode(201);

        assertThat(quantity("HOLDING-" + party, "PHCER-2025-GD-LOW_CARBON_ACTION", "AVAILABLE")).isZero();
        assertThat(quantity("HOLDING-" + party, "PHCER-2025-GD-SOLAR", "AVAILABLE")).isEqualTo(30);
        assertThat(quantity("HOLDING-" + person, "PHCER-2025-GD-LOW_CARBON_ACTION", "AVAILABLE")).isEqualTo(3);
        assertIssuedEqualsHeld("PHCER-2025-GD-LOW_CARBON_ACTION", "NATIONAL_ISSUANCE-GD");
    }
}
