package cn.carbonmarket.settlement.endofday;

/** What became of a clearing run's delivery instructions at the registry. */
public enum DeliveryState {
    /** The run moved no units: the registry was sent nothing (it refuses an empty transaction). */
    NOTHING_TO_DELIVER,
    /** Sent (or sent again by an operator); the registry has not answered yet. */
    PUBLISHED,
    /** The registry booked the run's net deliveries as one SETTLEMENT_DELIVERY transaction. Final. */
    DELIVERED,
    /** The registry refused the run whole; nothing of it was delivered until an operator sends it again. */
    REJECTED
}
