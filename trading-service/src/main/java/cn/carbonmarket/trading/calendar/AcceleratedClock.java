package cn.carbonmarket.trading.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Market time that starts at a chosen instant and runs {@code factor} times faster than a base clock, so that the
 * demo can play a whole trading day in seconds (factor 3,600: an hour a second).
 */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final Instant baseStart;
    private final Instant start;
    private final long factor;

    public AcceleratedClock(Clock base, Instant start, long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("an accelerated clock runs at least as fast as its base, not " + factor);
        }
        this.base = base;
        this.baseStart = base.instant();
        this.start = start;
        this.factor = factor;
    }

    private AcceleratedClock(Clock base, Instant baseStart, Instant start, long factor) {
        this.base = base;
        this.baseStart = baseStart;
        this.start = start;
        this.factor = factor;
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.between(baseStart, base.instant()).multipliedBy(factor));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(base.withZone(zone), baseStart, start, factor);
    }
}
