package cn.carbonmarket.trading.calendar;

import cn.carbonmarket.contracts.party.Jurisdiction;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a jurisdiction's day stands on the exchange: its time (which the demo runs from the next opening, and may
 * run faster than the wall clock), today's trading day if it is one, and which trading modes take orders by the
 * jurisdiction's sessions.
 */
public record MarketSession(
        @Schema(description = "whose sessions these are: CN, or a pilot with its own hours") Jurisdiction jurisdiction,
        @Schema(description = "the exchange's time") Instant marketTime,
        @Schema(description = "today in the exchange's zone, if it is a trading day", nullable = true)
        LocalDate tradingDay,
        @Schema(description = "whether continuous listing trading takes orders now") boolean listingOpen,
        @Schema(description = "whether block agreement offers can be posted and accepted now (never where the"
                + " jurisdiction has no block trading)") boolean blockOpen,
        @Schema(description = "when the listing session that is open now closes", nullable = true)
        Instant listingClosesAt,
        @Schema(description = "the next opening of listing trading (now, if it is open)") Instant nextListingOpen) {

    static MarketSession at(Jurisdiction jurisdiction, Instant now, TradingCalendar calendar) {
        return new MarketSession(jurisdiction, now, calendar.tradingDay(now).orElse(null),
                calendar.isOpen(TradingMode.LISTING, now), calendar.isOpen(TradingMode.BLOCK, now),
                calendar.sessionClose(TradingMode.LISTING, now).orElse(null),
                calendar.nextOpen(TradingMode.LISTING, now));
    }
}
