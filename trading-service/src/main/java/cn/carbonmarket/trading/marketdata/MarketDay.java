package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.trading.calendar.SessionWindow;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.calendar.TradingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * The trading day market data refers to at an instant. It changes at the calendar's session boundary: once the
 * day's last session has closed, the day is done and the next trading day (with today's close as its previous
 * close) is the one statistics are quoted for; weekends and holidays belong to the next trading day.
 */
public final class MarketDay {

    private final TradingCalendar calendar;
    private final LocalTime lastClose;

    public MarketDay(TradingCalendar calendar) {
        this.calendar = calendar;
        this.lastClose = Arrays.stream(TradingMode.values()).flatMap(mode -> calendar.sessions(mode).stream())
                .map(SessionWindow::closes).max(LocalTime::compareTo).orElseThrow();
    }

    public LocalDate of(Instant instant) {
        ZonedDateTime local = instant.atZone(calendar.zone());
        LocalDate date = local.toLocalDate();
        return calendar.isTradingDay(date) && local.toLocalTime().isBefore(lastClose)
                ? date : calendar.nextTradingDay(date);
    }

    public boolean isTradingDay(LocalDate day) {
        return calendar.isTradingDay(day);
    }
}
