package cn.carbonmarket.registry.transaction;

/** A movement with the idempotency key it is booked under (the booking scopes the key by initiator). */
public record KeyedMovement(String idempotencyKey, Movement movement) {
}
