package cn.carbonmarket.platform.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A job's period as a scheduler's {@code every} gives it ("15m", "1h", "2s" or ISO-8601), and the due time it
 * assigns an instant: periods counted from the epoch, so every replica names the same period by the same due time
 * whatever the phase of its own timer.
 */
public record JobSchedule(Duration every) {

    public JobSchedule {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a job's period must be positive, not " + every);
        }
    }

    public static JobSchedule every(String every) {
        String text = every.strip().toUpperCase(Locale.ROOT);
        if (Character.isDigit(text.charAt(0))) {
            text = text.endsWith("D") ? "P" + text : "PT" + text;
        }
        return new JobSchedule(Duration.parse(text));
    }

    /** The start of the period the instant falls in. */
    public Instant dueAt(Instant at) {
        long period = every.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), period) * period);
    }
}
