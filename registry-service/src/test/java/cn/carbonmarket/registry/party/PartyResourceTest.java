package cn.carbonmarket.registry.party;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Registration and lookup of parties against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class PartyResourceTest {

    private static final Database DB = new Database("registry");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> organisation(String name, String type, String region, String creditCode) {
        return Map.of("name", name, "type", type, "region", region, "creditCode", creditCode);
    }

    private static ValidatableResponse register(DemoUser user, Object body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/parties").then();
    }

    private static long partiesWith(String code) {
        return DB.count("select count(*) from party where identity_shown = ?", code);
    }

    @Test
    void regulatorRegistersAPartyWithItsHoldingAccountAndTheEventReachesKafka() throws Exception {
        String code = Identities.creditCode("420100");
        String id = register(DemoUser.REGULATOR, organisation("Wuhan Steel Works", "COMPLIANCE_ENTITY", "HB", code))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", startsWith("http"))
                .body("name", equalTo("Wuhan Steel Works"))
                .body("type", equalTo("COMPLIANCE_ENTITY"))
                .body("region", equalTo("HB"))
                .body("identity", equalTo(code))
                .body("holdingAccount.state", equalTo("OPEN"))
                .body("registeredBy", equalTo("regulator"))
                .extract().path("id");
        assertThat(DB.count("select count(*) from account where party_id = ?::uuid and type = 'HOLDING'", id))
                .isEqualTo(1);

        ConsumerRecord<String, String> record = new KafkaTopic("registry.parties")
                .await(r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("type").asText()).isEqualTo("PartyRegistered");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("producer").asText()).isEqualTo("registry-service");
        assertThat(event.at("/payload/partyId").asText()).isEqualTo(id);
        assertThat(event.at("/payload/holdingAccount").asText()).isEqualTo("HOLDING-" + id);
        assertThat(event.at("/payload/region").asText()).isEqualTo("HB");
        // The relay leaves the queue in the transaction it commits after Kafka's acknowledgement: a moment after the
        // record can be read.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(DB.count(
                "select count(*) from outbox_event e where event_key = ?"
                        + " and not exists (select 1 from outbox_pending p where p.seq = e.seq)", id)).isEqualTo(1));
    }

    @Test
    void registeringTheSameIdentityAgainIsIdempotentAndOtherDetailsConflict() {
        String code = Identities.creditCode("440300");
        Map<String, Object> body = organisation("Shenzhen Cement", "COMPLIANCE_ENTITY", "GD", code);
        String id = register(DemoUser.REGULATOR, body).statusCode(201).extract().path("id");

        register(DemoUser.REGULATOR, body).statusCode(200).body("id", equalTo(id));
        register(DemoUser.REGULATOR, organisation("Shenzhen Cement Renamed", "COMPLIANCE_ENTITY", "GD", code))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("PARTY_ALREADY_REGISTERED"))
                .body("status", equalTo(409));

        assertThat(partiesWith(code)).isEqualTo(1);
        assertThat(DB.count("select count(*) from outbox_event where event_key = ?", id)).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneIdentityMakeOnePartyAndOneEvent() throws Exception {
        String code = Identities.creditCode("420100");
        Map<String, Object> body = organisation("Concurrent Co.", "INSTITUTION", "HB", code);
        String token = accessToken(DemoUser.REGULATOR);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/parties").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(partiesWith(code)).isEqualTo(1);
        assertThat(DB.count("select count(*) from outbox_event e join party p on e.event_key = p.id::text"
                + " where p.identity_shown = ?", code)).isEqualTo(1);
    }

    @Test
    void registersAnIndividualByResidentIdAndShowsItMasked() {
        String id = RegistryFixtures.registerDemo(DemoUser.INDIVIDUAL_1);
        register(DemoUser.REGULATOR, DemoUser.INDIVIDUAL_1.registration())
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("L* ***"))
                .body("identity", equalTo("110105***********8"));
    }

    @Test
    void anInvestorMayNotRegisterAndNothingIsWritten() {
        String code = Identities.creditCode("310000");
        register(DemoUser.INVESTOR_1, organisation("Sneaky Fund", "INSTITUTION", "SH", code))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        assertThat(partiesWith(code)).isZero();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(organisation("X", "INSTITUTION", "SH", Identities.creditCode("310000")))
                .when().post("/api/v1/parties").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        long before = DB.count("select count(*) from party");
        String code = Identities.creditCode("420100");

        register(DemoUser.REGULATOR, Map.of("type", "INSTITUTION", "region", "HB", "creditCode", code))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
        register(DemoUser.REGULATOR, organisation("Bad Code Ltd", "INSTITUTION", "HB", Identities.withBadChecksum(code)))
                .statusCode(400)
                .body("errors.field", hasItem("creditCode"))
                .body("detail", org.hamcrest.Matchers.containsString("fails its checksum"));
        register(DemoUser.REGULATOR, organisation("Bank Ltd", "BANK", "HB", code))
                .statusCode(400)
                .body("errors.field", hasItem("type"))
                .body("detail", org.hamcrest.Matchers.containsString("unknown party type 'BANK'"));
        register(DemoUser.REGULATOR, organisation("Nowhere Ltd", "INSTITUTION", "ZZ", code))
                .statusCode(400).body("errors.field", hasItem("region"));
        register(DemoUser.REGULATOR, Map.of("name", "Person", "type", "INDIVIDUAL", "region", "BJ"))
                .statusCode(400).body("errors.field", hasItem("residentId"));
        register(DemoUser.REGULATOR, organisation("x".repeat(1_000_000), "INSTITUTION", "HB", code))
                .statusCode(400).body("errors.field", hasItem("name"));
        register(DemoUser.REGULATOR, "{\"name\": \"Broken\", ")
                .statusCode(400).contentType("application/problem+json");
        register(DemoUser.REGULATOR, Map.of("name", "Extra Ltd", "type", "INSTITUTION", "region", "HB",
                "creditCode", code, "bogus", 1))
                .statusCode(400).body("errors.field", hasItem("bogus"));

        assertThat(DB.count("select count(*) from party")).isEqualTo(before);
        assertThat(partiesWith(code)).isZero();
    }

    @Test
    void aParticipantSeesItselfButNotAnotherParty() {
        String entity1 = RegistryFixtures.registerDemo(DemoUser.ENTITY_1);

        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/parties/" + entity1)
                .then().statusCode(200).body("id", equalTo(entity1)).body("name", equalTo("Wuhan Thermal Power Co., Ltd."));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).when().get("/api/v1/parties/" + entity1)
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_PARTY"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/parties/" + entity1)
                .then().statusCode(200);
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when().get("/api/v1/parties/" + entity1)
                .then().statusCode(403);
    }

    @Test
    void aProvincialAuthoritySeesOnlyItsRegion() {
        String hubei = register(DemoUser.REGULATOR, organisation("Hubei Chemicals", "COMPLIANCE_ENTITY", "HB",
                Identities.creditCode("420500"))).statusCode(201).extract().path("id");
        String guangdong = register(DemoUser.REGULATOR, organisation("Guangzhou Paper", "COMPLIANCE_ENTITY", "GD",
                Identities.creditCode("440100"))).statusCode(201).extract().path("id");

        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).when().get("/api/v1/parties/" + hubei)
                .then().statusCode(200);
        // Another region's party answers exactly as one that does not exist: nothing tells that it is registered.
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> outside = given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).when()
                .get("/api/v1/parties/" + guangdong).then().statusCode(404).body("code", equalTo("PARTY_NOT_FOUND"))
                .extract().jsonPath().getMap("$");
        Map<String, Object> absent = given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).when()
                .get("/api/v1/parties/" + unknown).then().statusCode(404).extract().jsonPath().getMap("$");
        assertThat(outside).containsOnlyKeys(absent.keySet());
        assertThat(String.valueOf(outside.get("detail")).replace(guangdong, unknown)).isEqualTo(absent.get("detail"));
        assertThat(outside.get("title")).isEqualTo(absent.get("title"));
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).when().get("/api/v1/parties?region=GD")
                .then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).queryParam("size", 500)
                .when().get("/api/v1/parties")
                .then().statusCode(200).body("region", org.hamcrest.Matchers.everyItem(equalTo("HB")));
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        given().auth().oauth2(accessToken(DemoUser.REGULATOR))
                .when().get("/api/v1/parties/00000000-0000-3000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("PARTY_NOT_FOUND"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/parties/not-a-uuid")
                .then().statusCode(400).body("errors.field", hasItem("partyId"));
    }
}
