package cn.carbonmarket.trading.calendar;

import java.time.LocalTime;

/** A trading window of the day in the exchange's zone: open from {@code opens} up to, not including, {@code closes}. */
public record SessionWindow(LocalTime opens, LocalTime closes) {

    public SessionWindow {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a session opens before it closes, not " + opens + "-" + closes);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
