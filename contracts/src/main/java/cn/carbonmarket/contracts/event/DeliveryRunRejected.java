package cn.carbonmarket.contracts.event;

/**
 * The registry refused a clearing run's delivery instructions as a whole (nothing of it was booked), with the
 * check that refused it. Keyed by run id on {@code registry.transactions}.
 */
public record DeliveryRunRejected(String runId, String code, String reason) {

    public static final EventType<DeliveryRunRejected> TYPE = new EventType<>("DeliveryRunRejected", 1,
            DeliveryRunRejected.class, Topics.REGISTRY_TRANSACTIONS);
}
