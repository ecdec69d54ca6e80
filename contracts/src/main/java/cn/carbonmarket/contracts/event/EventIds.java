package cn.carbonmarket.contracts.event;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids as UUID version 7 (RFC 9562): the event's Unix milliseconds first, then random bits. Every outbox keeps
 * a unique index on the ids it sends and every idempotent consumer a primary key on the ids it received; ids that
 * grow with time land at the right-hand edge of those indexes, where random (version 4) ids dirtied a page anywhere
 * in them for every event, pages the database then had to write out again and again.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A new id for an event that occurred at {@code at}. */
    public static UUID at(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = 0x8000_0000_0000_0000L | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }
}
