package cn.carbonmarket.settlement.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The market's trading day: the calendar date in Beijing time, whatever zone the servers run in. */
public final class TradingDay {

    public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    private TradingDay() {
    }

    public static LocalDate of(Instant instant) {
        return instant.atZone(MARKET_ZONE).toLocalDate();
    }
}
