package cn.carbonmarket.trading.risk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * T+1 counts trading days: for trades on any days of the calendar's years, asked on any later day, what a trade
 * brought in (the seller's proceeds, the buyer's units) may leave the market exactly when a trading day has begun
 * since the trade's day: never over the weekend or a holiday week that follows it.
 */
class TPlusOnePropertiesTest {

    private static final TradingCalendar CALENDAR = RiskBookTest.CALENDAR;
    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private static final PartyId BUYER = RiskBookTest.BUYER;
    private static final PartyId SELLER = RiskBookTest.SELLER;

    /** A sale of {@code tonnes} made {@code gap} days after the one before it. */
    record Sale(int gap, long tonnes) {
    }

    /** A sale as booked: its day, the seller's proceeds and the buyer's tonnes. */
    private record Booked(LocalDate day, long proceeds, long tonnes) {
    }

    @Provide
    Arbitrary<List<Sale>> sales() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.longs().between(1, 1_000))
                .as(Sale::new).list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 300)
    void whatATradeBroughtInLeavesTheMarketOnceATradingDayHasBegunSinceItsDay(
            @ForAll @IntRange(max = 600) int start, @ForAll("sales") List<Sale> sales,
            @ForAll @IntRange(max = 20) int askedAfter) {
        RiskBook book = new RiskBook(FeeSchedule.published(), CALENDAR, instrument -> RiskBookTest.RULES);
        book.settle(BUYER, RiskBook.CASH, 1_000_000_000L);
        book.settle(SELLER, RiskBookTest.CEA.toString(), sales.stream().mapToLong(Sale::tonnes).sum());
        List<Booked> booked = new ArrayList<>();
        LocalDate day = FIRST.plusDays(start);
        for (Sale sale : sales) {
            day = day.plusDays(sale.gap());
            var trade = book.pricing().trade("CEA-2025-BLOCK-" + booked.size(), TradeMode.BLOCK, RiskBookTest.CEA,
                    BUYER, SELLER, sale.tonnes(), 10_000, day.atTime(14, 0).atZone(CALENDAR.zone()).toInstant());
            assertThat(book.execute(trade, day)).isInstanceOf(Execution.Booked.class);
            booked.add(new Booked(day, sale.tonnes() * 10_000 - trade.sellerFeeFen(), sale.tonnes()));
        }
        LocalDate asked = day.plusDays(askedAfter);

        List<Booked> usable = booked.stream().filter(sale -> aTradingDayBegan(sale.day(), asked)).toList();
        assertThat(withdrawable(book, SELLER, RiskBook.CASH, asked))
                .isEqualTo(usable.stream().mapToLong(Booked::proceeds).sum());
        assertThat(withdrawable(book, BUYER, RiskBookTest.CEA.toString(), asked))
                .isEqualTo(usable.stream().mapToLong(Booked::tonnes).sum());
    }

    /** Whether a trading day lies after {@code day}, up to and including {@code asked}. */
    private static boolean aTradingDayBegan(LocalDate day, LocalDate asked) {
        return day.plusDays(1).datesUntil(asked.plusDays(1)).anyMatch(CALENDAR::isTradingDay);
    }

    private static long withdrawable(RiskBook book, PartyId party, String asset, LocalDate day) {
        return book.balances(party, day).stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow()
                .withdrawable();
    }
}
