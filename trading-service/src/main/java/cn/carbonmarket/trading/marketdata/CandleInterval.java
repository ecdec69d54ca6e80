package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The width of a candle. Buckets start on the minute, the hour or local midnight in the exchange's zone, so a
 * daily candle is one Shanghai calendar day.
 */
public enum CandleInterval {
    ONE_MINUTE("1m", ChronoUnit.MINUTES, Duration.ofDays(1)),
    ONE_HOUR("1h", ChronoUnit.HOURS, Duration.ofDays(31)),
    ONE_DAY("1d", ChronoUnit.DAYS, Duration.ofDays(366));

    private final String code;
    private final ChronoUnit unit;
    private final Duration defaultSpan;

    CandleInterval(String code, ChronoUnit unit, Duration defaultSpan) {
        this.code = code;
        this.unit = unit;
        this.defaultSpan = defaultSpan;
    }

    public String code() {
        return code;
    }

    /** How far back a query without {@code from} looks. */
    public Duration defaultSpan() {
        return defaultSpan;
    }

    /** The start of the bucket {@code at} falls in. */
    public Instant bucket(Instant at, ZoneId zone) {
        return at.atZone(zone).truncatedTo(unit).toInstant();
    }

    public static CandleInterval parse(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("interval",
                        "interval '" + code + "' is not one of 1m, 1h, 1d"))));
    }
}
