package cn.carbonmarket.contracts.id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * UUIDs in version 7's layout (RFC 9562): Unix milliseconds first, then random bits. Rows keyed by them land at the
 * right-hand edge of their indexes (an outbox's event ids, a consumer's processed events, the registry's
 * transactions and lines), where random (version 4) ids would dirty a page anywhere in the index for every row,
 * pages the database then writes out again and again.
 */
public final class TimeOrderedIds {

    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    /** One id for something that happened at {@code at} (an event). */
    public static UUID at(Instant at) {
        return at(at, ThreadLocalRandom.current());
    }

    /** The same with the random bits from {@code random} (a strong one where the id must not be guessable). */
    public static UUID at(Instant at, RandomGenerator random) {
        return new UUID(high(at, random), VARIANT | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL));
    }

    /**
     * Ids for {@code count} things made together at {@code at}, increasing in list order: the same milliseconds, then
     * a random start counted up, so that rows written together are neighbours in their indexes.
     */
    public static List<UUID> consecutive(Instant at, int count) {
        long high = high(at, ThreadLocalRandom.current());
        // The counter starts below 2^61, so counting up never reaches the variant bits.
        long start = ThreadLocalRandom.current().nextLong() & 0x1FFF_FFFF_FFFF_FFFFL;
        return LongStream.range(0, count).mapToObj(i -> new UUID(high, VARIANT | (start + i))).toList();
    }

    private static long high(Instant at, RandomGenerator random) {
        return (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    }
}
