package cn.carbonmarket.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's clock in its tests (produced by {@link TestClocks}): the wall clock, unless a test stands it at an
 * instant to show that what the registry stamps comes from the injected clock and not from the wall clock.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    /** Shared with the same clock in other zones; null while it follows the wall clock. */
    private final AtomicReference<Instant> standing;

    private TestClock(ZoneId zone, AtomicReference<Instant> standing) {
        this.zone = zone;
        this.standing = standing;
    }

    static TestClock followingTheWallClock() {
        return new TestClock(ZoneOffset.UTC, new AtomicReference<>());
    }

    /** Stops the clock at {@code instant} until {@link #followTheWallClock}. */
    public void standAt(Instant instant) {
        standing.set(instant);
    }

    public void followTheWallClock() {
        standing.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = standing.get();
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, standing);
    }
}
