package cn.carbonmarket.k8s.kafka;

import static cn.carbonmarket.k8s.kafka.KafkaUsersRendering.ACLS;
import static cn.carbonmarket.k8s.kafka.KafkaUsersRendering.RENDERED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.carbonmarket.k8s.kustomize.Kustomization;
import cn.carbonmarket.k8s.kustomize.Kustomization.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The cluster's Kafka: TLS and SCRAM on every listener, the ACLs of acls.txt, each service logged in as itself. */
class KafkaUsersTest {

    private static final Resources PROD = Kustomization.build(Path.of("k8s/overlays/prod"));

    @Test
    void theCommittedUsersAreWhatAclsTxtRendersNow() throws IOException {
        assertThat(Files.readString(RENDERED))
                .as("%s is stale: run k8s/render-kafka-users.sh and commit it", RENDERED)
                .isEqualTo(KafkaUsersRendering.render(ACLS));
    }

    @Test
    void everyTopicOfTheClusterHasOneWriterAndEveryAclATopicOfTheCluster() {
        Map<String, List<String>> writers = new TreeMap<>();
        PROD.ofKind("KafkaTopic").forEach(topic -> writers.put(topic.path("spec").path("topicName").asText(), new ArrayList<>()));
        for (JsonNode user : PROD.ofKind("KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic")) {
                    assertThat(writers).as("topic of an ACL of %s", user.path("metadata").path("name"))
                            .containsKey(resource.path("name").asText());
                    if (acl.path("operations").toString().contains("Write")) {
                        writers.get(resource.path("name").asText()).add(user.path("metadata").path("name").asText());
                    }
                }
            }
        }
        assertThat(writers).allSatisfy((topic, users) -> assertThat(users).as("writers of %s", topic).hasSize(1));
    }

    @Test
    void theBrokersTakeOnlyTlsWithScramAndAuthorizeEveryRequest() {
        JsonNode kafka = PROD.get("Kafka", "carbon-market").path("spec").path("kafka");
        assertThat(kafka.path("listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener %s: TLS", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(PROD.get("Kafka", "carbon-market").path("spec").path("entityOperator").has("userOperator")).isTrue();
    }

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void eachServiceLogsInOverTlsAsItsOwnKafkaUser(String service) {
        String user = service + "-service";
        assertThat(PROD.get("KafkaUser", user)).as("KafkaUser %s", user).isNotNull();
        Map<String, JsonNode> env = new TreeMap<>();
        PROD.get("Deployment", user).path("spec").path("template").path("spec").path("containers").get(0).path("env")
                .forEach(variable -> env.put(variable.path("name").asText(), variable));
        assertThat(env.get("MARKET_KAFKA_USERNAME").path("value").asText()).isEqualTo(user);
        JsonNode password = env.get("MARKET_KAFKA_PASSWORD").path("valueFrom").path("secretKeyRef");
        assertThat(password.path("name").asText()).as("the User Operator's Secret of %s", user).isEqualTo(user);
        assertThat(password.path("key").asText()).isEqualTo("password");
        assertThat(env.get("KAFKA_SECURITY_PROTOCOL").path("value").asText()).isEqualTo("SASL_SSL");
        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("carbon-market-cluster-ca-cert");
        String port = env.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText().replaceAll(".*:", "");
        assertThat(PROD.get("Kafka", "carbon-market").path("spec").path("kafka").path("listeners"))
                .anySatisfy(listener -> assertThat(listener.path("port").asText()).isEqualTo(port));
    }
}
