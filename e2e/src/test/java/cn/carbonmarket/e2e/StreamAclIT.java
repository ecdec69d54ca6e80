package cn.carbonmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.KafkaTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Only the owner writes a stream, a service reads only what it consumes, and a client that cannot log in gets
 * nothing: the broker's ACLs (infra/kafka/acls.txt) against the services' own SCRAM principals, on the e2e topics
 * and the market's own.
 */
class StreamAclIT {

    private static final String INSTRUCTIONS = "allocation.issuance-instructions";
    private static final String E2E_INSTRUCTIONS = KafkaTopic.PREFIX + INSTRUCTIONS;

    @Test
    void tradingsCredentialsCannotPublishIssuanceInstructions() throws Exception {
        for (String topic : List.of(E2E_INSTRUCTIONS, INSTRUCTIONS)) {
            Map<TopicPartition, Long> before = endOffsets(topic);
            assertThatThrownBy(() -> send("trading-service", topic))
                    .as("trading-service writing %s", topic)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThat(endOffsets(topic)).as("%s after the refused write", topic).isEqualTo(before);
        }
    }

    @Test
    void allocationsCredentialsPublishIssuanceInstructions() throws Exception {
        Map<TopicPartition, Long> before = endOffsets(E2E_INSTRUCTIONS);
        send("allocation-service", E2E_INSTRUCTIONS);
        assertThat(endOffsets(E2E_INSTRUCTIONS).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(before.values().stream().mapToLong(Long::longValue).sum() + 1);
    }

    @Test
    void registryReadsWhatItConsumesAndNothingElse() {
        assertThat(poll("registry-service", E2E_INSTRUCTIONS)).as("the instructions it books").isTrue();
        for (String topic : List.of("trading.orders", "settlement.ledger", "registry.transactions")) {
            assertThatThrownBy(() -> poll("registry-service", KafkaTopic.PREFIX + topic))
                    .as("registry-service reading %s", topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtAuthentication() {
        Properties login = KafkaLogin.as("allocation-service", "not-" + KafkaLogin.localPassword("allocation-service"),
                KafkaTopic.BOOTSTRAP);
        try (Admin admin = Admin.create(login)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /**
     * Publishes, as {@code principal}, an event of a type no consumer of the topic reads (consumers skip the types
     * they do not know), so that the services of the suite are not fed a made-up instruction.
     */
    private static void send(String principal, String topic) throws Exception {
        String id = UUID.randomUUID().toString();
        String probe = "{\"eventId\":\"" + id + "\",\"type\":\"StreamAclProbe\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"producer\":\"" + principal + "\",\"key\":\"" + id + "\",\"payload\":{}}";
        Properties props = KafkaLogin.as(principal, KafkaTopic.BOOTSTRAP);
        props.put("acks", "all");
        props.put("max.block.ms", "20000");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, id, probe)).get(20, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from its beginning for a moment, without a consumer group; true when the broker allowed it. */
    private static boolean poll(String principal, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaLogin.as(principal, KafkaTopic.BOOTSTRAP),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofSeconds(2));
            return true;
        }
    }

    /** What each partition of the topic holds, as the broker's administrator sees it. */
    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(KafkaLogin.as(KafkaLogin.ADMIN, KafkaTopic.BOOTSTRAP))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new TreeMap<>(Comparator.comparing(TopicPartition::partition));
            admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        }
    }
}
