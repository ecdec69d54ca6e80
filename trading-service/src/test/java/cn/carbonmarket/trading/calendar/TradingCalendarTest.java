package cn.carbonmarket.trading.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final TradingCalendar calendar = TradingCalendar.load(new ObjectMapper());

    private static Instant at(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void tradesOnWeekdaysExceptThePublishedHolidays() {
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-11-25"))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-11-28"))).as("a Saturday").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-10-01"))).as("National Day").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-10-07"))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-10-08"))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-02-23"))).as("last day of Spring Festival").isFalse();
    }

    @Test
    void aWeekendMadeAWorkingDayIsNotATradingDay() {
        assertThat(calendar.isTradingDay(LocalDate.parse("2026-10-10"))).isFalse();
        assertThat(calendar.previousTradingDay(LocalDate.parse("2026-02-24"))).isEqualTo("2026-02-13");
    }

    @Test
    void theNextTradingDaySkipsHolidaysAndWeekends() {
        assertThat(calendar.nextTradingDay(LocalDate.parse("2026-09-30"))).isEqualTo("2026-10-08");
        assertThat(calendar.nextTradingDay(LocalDate.parse("2026-11-27"))).isEqualTo("2026-11-30");
        assertThat(calendar.previousTradingDay(LocalDate.parse("2026-10-08"))).isEqualTo("2026-09-30");
    }

    @Test
    void listingTradingRunsNineThirtyToElevenThirtyAndOneToThree() {
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T09:29:59"))).isFalse();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T09:30:00"))).isTrue();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T11:29:59"))).isTrue();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T11:30:00"))).isFalse();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T12:59:59"))).isFalse();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T13:00:00"))).isTrue();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T14:59:59"))).isTrue();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-11-25T15:00:00"))).isFalse();
        assertThat(calendar.isOpen(TradingMode.LISTING, at("2026-10-05T10:00:00"))).as("holiday").isFalse();
    }

    @Test
    void blockTradingRunsOneToThreeOnly() {
        assertThat(calendar.isOpen(TradingMode.BLOCK, at("2026-11-25T10:00:00"))).isFalse();
        assertThat(calendar.isOpen(TradingMode.BLOCK, at("2026-11-25T13:00:00"))).isTrue();
        assertThat(calendar.isOpen(TradingMode.BLOCK, at("2026-11-25T15:00:00"))).isFalse();
    }

    @Test
    void theNextOpeningIsTheNextWindowOfATradingDay() {
        assertThat(calendar.nextOpen(TradingMode.LISTING, at("2026-11-25T08:00:00"))).isEqualTo(at("2026-11-25T09:30:00"));
        assertThat(calendar.nextOpen(TradingMode.LISTING, at("2026-11-25T12:00:00"))).isEqualTo(at("2026-11-25T13:00:00"));
        assertThat(calendar.nextOpen(TradingMode.LISTING, at("2026-11-25T10:00:00"))).isEqualTo(at("2026-11-25T10:00:00"));
        assertThat(calendar.nextOpen(TradingMode.BLOCK, at("2026-09-30T15:00:00"))).isEqualTo(at("2026-10-08T13:00:00"));
    }

    @Test
    void theTradingDayOfAnInstantIsTakenInShanghai() {
        // 2026-11-27T17:00Z is Saturday 01:00 in Shanghai.
        assertThat(calendar.tradingDay(Instant.parse("2026-11-27T17:00:00Z"))).isEmpty();
        assertThat(calendar.tradingDay(Instant.parse("2026-11-26T17:00:00Z"))).contains(LocalDate.parse("2026-11-27"));
    }

    @Test
    void aYearWithoutPublishedHolidaysIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> calendar.isTradingDay(LocalDate.parse("2028-03-01")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2028");
    }

    /** Any minute of 2026: open means a trading day and inside one of the mode's windows; block implies listing. */
    @Property
    void openOnlyOnTradingDaysInsideTheWindows(@ForAll @LongRange(min = 0, max = 525_599) long minuteOfYear) {
        Instant instant = at("2026-01-01T00:00:00").plusSeconds(minuteOfYear * 60);
        LocalDate date = instant.atZone(SHANGHAI).toLocalDate();
        LocalTime time = instant.atZone(SHANGHAI).toLocalTime();
        boolean inListingHours = !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(11, 30))
                || !time.isBefore(LocalTime.of(13, 0)) && time.isBefore(LocalTime.of(15, 0));
        assertThat(calendar.isOpen(TradingMode.LISTING, instant))
                .isEqualTo(calendar.isTradingDay(date) && inListingHours);
        if (calendar.isOpen(TradingMode.BLOCK, instant)) {
            assertThat(calendar.isOpen(TradingMode.LISTING, instant)).isTrue();
        }
    }
}
