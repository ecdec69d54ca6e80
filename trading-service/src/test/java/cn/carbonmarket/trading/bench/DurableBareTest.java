package cn.carbonmarket.trading.bench;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.KafkaTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The durable bare endpoint where the benchmark switches it on: an order's body in, one acknowledged record out. */
@QuarkusTest
@TestProfile(DurableBareTest.BenchEndpoints.class)
class DurableBareTest {

    /** The service as the benchmark starts it. */
    public static class BenchEndpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("market.trading.bench-endpoints", "true");
        }
    }

    private static final String TOPIC = "trading.bench-journal";

    /**
     * The bench journal is in no topics.txt (it must not exist in production): the benchmark creates it and lets
     * trading write to it, and so does this test (the launcher's next ACL run takes the grant away again).
     */
    @BeforeAll
    static void theBenchJournalExists() throws Exception {
        String name = KafkaTopic.PREFIX + TOPIC;
        try (Admin admin = Admin.create(KafkaLogin.as(KafkaLogin.ADMIN, KafkaTopic.BOOTSTRAP))) {
            Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            if (!topics.contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, 8, (short) 1))).all().get(20, TimeUnit.SECONDS);
            }
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL),
                    new AccessControlEntry("User:trading-service", "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
                    .all().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOrderIsAnsweredWithTheOffsetOfItsAcknowledgedRecord() {
        String clientOrderId = "durable-bare-" + UUID.randomUUID();
        JsonPath answer = given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(Map.of("clientOrderId", clientOrderId, "instrument", "CEA-2025", "side", "BUY",
                        "priceFen", 9_000, "quantity", 10))
                .when().post("/api/v1/bench/durable-orders").then().statusCode(201).extract().jsonPath();

        ConsumerRecord<String, String> record = new KafkaTopic(TOPIC)
                .await(r -> r.value().contains(clientOrderId), Duration.ofSeconds(20));
        assertThat(record.partition()).isEqualTo(answer.getInt("partition"));
        assertThat(record.offset()).isEqualTo(answer.getLong("offset"));
        assertThat(record.key()).isEqualTo("CEA-2025");
        assertThat(record.value()).contains("\"type\":\"PLACE_LIMIT\"", "\"price\":9000", "\"quantity\":10");
    }

    @Test
    void aBodyThatIsNoOrderIsRefusedAsOrderEntryRefusesIt() {
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).contentType("application/json")
                .body(Map.of("clientOrderId", "x", "instrument", "CEA-2025", "side", "BUY", "priceFen", 9_000))
                .when().post("/api/v1/bench/durable-orders").then().statusCode(400);
    }

    @Test
    void onlyAParticipantMayCallIt() {
        given().auth().oauth2(accessToken(DemoUser.OPERATOR)).contentType("application/json")
                .body(Map.of("clientOrderId", "x", "instrument", "CEA-2025", "side", "BUY", "priceFen", 9_000,
                        "quantity", 1))
                .when().post("/api/v1/bench/durable-orders").then().statusCode(403);
    }
}
