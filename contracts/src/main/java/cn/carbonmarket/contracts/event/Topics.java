package cn.carbonmarket.contracts.event;

/** Kafka topic names, {@code <owner>.<stream>}. Partition counts live in infra/kafka/topics.txt. */
public final class Topics {

    public static final String REGISTRY_PARTIES = "registry.parties";

    private Topics() {
    }
}
