package cn.carbonmarket.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the service reaches Kafka (brokers, TLS, SASL login: its {@code kafka.*} configuration, which the messaging
 * connector uses), for the clients a service builds itself, so that they connect as the same principal and are
 * held to the same ACLs. Only the connection's settings: a client's own (group, acknowledgements) stay its own.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings = new TreeMap<>();

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        broker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
    }

    /** A new set of client properties holding the connection's settings, for the caller to add its own to. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(settings);
        return props;
    }
}
