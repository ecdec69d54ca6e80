package cn.carbonmarket.testing;

import java.util.Properties;

/**
 * How tests and benchmarks log in to the local broker: as one of its SCRAM principals (infra/lib/kafka.sh), with
 * the local development password. {@link #ADMIN} may do anything, and is who tests are when they publish another
 * service's events; a service's principal is held to the broker's ACLs (infra/kafka/acls.txt) as the service is.
 */
public final class KafkaLogin {

    /** The local broker's superuser. */
    public static final String ADMIN = "market-admin";

    private KafkaLogin() {
    }

    /** Client properties for the broker at {@code bootstrap}, logged in as {@code principal}. */
    public static Properties as(String principal, String bootstrap) {
        return as(principal, localPassword(principal), bootstrap);
    }

    /** As {@link #as(String, String)}, with the given password (a wrong one is refused at authentication). */
    public static Properties as(String principal, String password, String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + password + "\";");
        return props;
    }

    /** The local development password of a principal (the services' dev and test profiles use the same). */
    public static String localPassword(String principal) {
        return principal + "-kafka-secret";
    }
}
