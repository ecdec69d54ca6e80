package cn.carbonmarket.trading.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the exchange's day stands: its time (which the demo runs from the next opening, and may run faster than
 * the wall clock), today's trading day if it is one, and which trading modes take orders.
 */
public record MarketSession(
        @Schema(description = "the exchange's time") Instant marketTime,
        @Schema(description = "today in the exchange's zone, if it is a trading day", nullable = true)
        LocalDate tradingDay,
        @Schema(description = "whether continuous listing trading takes orders now") boolean listingOpen,
        @Schema(description = "whether block agreement offers can be posted and accepted now") boolean blockOpen,
        @Schema(description = "when the listing session that is open now closes", nullable = true)
        Instant listingClosesAt,
        @Schema(description = "the next opening of listing trading (now, if it is open)") Instant nextListingOpen) {

    static MarketSession at(Instant now, TradingCalendar calendar) {
        return new MarketSession(now, calendar.tradingDay(now).orElse(null),
                calendar.isOpen(TradingMode.LISTING, now), calendar.isOpen(TradingMode.BLOCK, now),
                calendar.sessionClose(TradingMode.LISTING, now).orElse(null),
                calendar.nextOpen(TradingMode.LISTING, now));
    }
}
