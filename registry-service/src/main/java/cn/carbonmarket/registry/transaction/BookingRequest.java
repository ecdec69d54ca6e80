package cn.carbonmarket.registry.transaction;

/** A movement to book, under its key, for its initiator. */
record BookingRequest(KeyedMovement keyed, Initiator initiator) {

    BookingRequest(Movement movement, Initiator initiator, String idempotencyKey) {
        this(new KeyedMovement(idempotencyKey, movement), initiator);
    }

    Movement movement() {
        return keyed.movement();
    }

    String scopedKey() {
        return TransactionRecord.scopedKey(initiator, keyed.idempotencyKey());
    }

    String fingerprint() {
        return TransactionRecord.fingerprint(keyed.movement(), initiator);
    }
}
