package cn.carbonmarket.trading.engine;

import static cn.carbonmarket.trading.engine.EngineFixture.ALICE;
import static cn.carbonmarket.trading.engine.EngineFixture.BOB;
import static cn.carbonmarket.trading.engine.EngineFixture.CLOSE;
import static cn.carbonmarket.trading.engine.EngineFixture.MORNING;
import static cn.carbonmarket.contracts.trade.Side.BUY;
import static cn.carbonmarket.contracts.trade.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.trade.Side;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The end of a trading day in one engine: the close, the next day's band, expiry, and that it happens once. */
class EndOfDayTest {

    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-11-25");
    private static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");
    /** Wednesday 15:00 in Shanghai: the close of the day's last session. */
    private static final Instant WEDNESDAY_CLOSE = Instant.parse("2026-11-25T07:00:00Z");
    /** Thursday 10:00 in Shanghai. */
    private static final Instant THURSDAY_MORNING = Instant.parse("2026-11-26T02:00:00Z");

    private final EngineFixture fixture = new EngineFixture();
    private final InstrumentEngine engine = fixture.engine;

    @Test
    void theDayEndsOnlyOnceTheClockHasPassedItsLastClose() {
        fixture.run(fixture.limit(ALICE, BUY, 10_000, 10));

        assertThat(engine.tradingDay()).isEqualTo(WEDNESDAY);
        assertThat(engine.endOfDayDue(WEDNESDAY_CLOSE.minusSeconds(1))).isEmpty();
        assertThat(engine.endOfDayDue(WEDNESDAY_CLOSE))
                .contains(new Command.EndOfDay(WEDNESDAY, THURSDAY, WEDNESDAY_CLOSE));
    }

    @Test
    void aFridayClosesIntoMondayAcrossTheWeekend() {
        Instant friday = Instant.parse("2026-11-27T02:00:00Z");
        fixture.run(new Command.PlaceLimit(1, ALICE, "c1", BUY, 10_000, 10, friday));
        Instant saturday = Instant.parse("2026-11-28T02:00:00Z");

        assertThat(engine.endOfDayDue(saturday)).contains(new Command.EndOfDay(LocalDate.parse("2026-11-27"),
                LocalDate.parse("2026-11-30"), saturday));
    }

    @Test
    void theCloseIsTheVolumeWeightedAverageOfTheDayAndDrawsTheNextDaysBand() {
        fixture.run(fixture.limit(ALICE, SELL, 10_000, 10));
        fixture.run(fixture.limit(BOB, BUY, 10_000, 10));
        fixture.run(fixture.limit(ALICE, SELL, 10_100, 30));
        fixture.run(fixture.limit(BOB, BUY, 10_100, 30));

        DayClose closed = roll();

        // (10 x 10,000 + 30 x 10,100) / 40 = 10,075 fen
        assertThat(closed.close()).isEqualTo(10_075);
        assertThat(engine.depth().previousClose()).isEqualTo(10_075);
        assertThat(engine.depth().last()).isEqualTo(10_075);
        assertThat(engine.depth().volume()).isZero();
        // +-10% of 10,075 is 9,067.5 .. 11,082.5, half up to the fen.
        assertThat(engine.check(thursday(11, BUY, 9_068))).isEmpty();
        assertThat(engine.check(thursday(12, SELL, 11_083))).isEmpty();
        assertThat(engine.check(thursday(13, BUY, 9_067))).hasValueSatisfying(r ->
                assertThat(r.code()).isEqualTo("PRICE_BELOW_BAND"));
        assertThat(engine.check(thursday(14, SELL, 11_084))).hasValueSatisfying(r ->
                assertThat(r.code()).isEqualTo("PRICE_ABOVE_BAND"));
    }

    @Test
    void aDayWithoutTradesClosesAtItsPreviousClose() {
        fixture.run(fixture.limit(ALICE, BUY, 9_500, 10));

        assertThat(roll().close()).isEqualTo(CLOSE);
        assertThat(engine.depth().previousClose()).isEqualTo(CLOSE);
    }

    @Test
    void everyOpenOrderExpiresWithItsQuantitiesAddingUpAndTheDayStartsEmpty() {
        OrderView resting = fixture.run(fixture.limit(ALICE, BUY, 9_900, 50));
        OrderView partly = fixture.run(fixture.limit(ALICE, SELL, 10_200, 100));
        fixture.run(fixture.limit(BOB, BUY, 10_200, 40));
        OrderView cancelled = fixture.run(fixture.limit(BOB, SELL, 10_500, 5));
        fixture.run(new Command.Cancel(cancelled.orderId(), MORNING));

        DayClose closed = roll();

        assertThat(closed.expired()).extracting(OrderView::orderId)
                .containsExactly(resting.orderId(), partly.orderId());
        assertThat(closed.orders()).hasSize(4).allSatisfy(order -> {
            assertThat(order.open()).isZero();
            assertThat(order.filled() + order.open() + order.cancelled()).isEqualTo(order.quantity());
        });
        OrderView expired = closed.expired().get(1);
        assertThat(expired.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(expired.filled()).isEqualTo(40);
        assertThat(expired.cancelled()).isEqualTo(60);
        assertThat(closed.orders()).filteredOn(o -> o.orderId() == cancelled.orderId()).singleElement()
                .extracting(OrderView::state).isEqualTo(OrderState.CANCELLED);
        assertThat(engine.orders()).isEmpty();
        assertThat(engine.fills(ALICE)).isEmpty();
        assertThat(engine.depth().bids()).isEmpty();
        assertThat(engine.depth().asks()).isEmpty();
        assertThat(engine.order(resting.orderId())).isEmpty();
    }

    @Test
    void tradeIdsGoOnAcrossDays() {
        fixture.run(fixture.limit(ALICE, SELL, 10_000, 10));
        fixture.run(fixture.limit(BOB, BUY, 10_000, 10));
        roll();

        fixture.run(thursday(21, SELL, 10_000));
        fixture.run(thursday(22, BUY, 10_000));

        assertThat(fixture.fills).extracting(Fill::tradeId).containsExactly("CEA-2025-1", "CEA-2025-2");
        assertThat(engine.fillSequence()).isEqualTo(2);
    }

    @Test
    void aSecondEndOfTheSameDayIsRefusedAndChangesNothing() {
        fixture.run(fixture.limit(ALICE, SELL, 10_000, 10));
        fixture.run(fixture.limit(BOB, BUY, 10_000, 10));
        Command.EndOfDay end = engine.endOfDayDue(THURSDAY_MORNING).orElseThrow();
        engine.closeDay(end);
        OrderView thursdays = fixture.run(thursday(31, BUY, 10_500));
        BookDepth before = engine.depth();

        assertThat(engine.check(end)).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DAY_ALREADY_CLOSED"));
        assertThat(engine.apply(end)).isNull();
        assertThat(engine.closeDay(end).orders()).isEmpty();
        assertThat(engine.endOfDayDue(THURSDAY_MORNING)).isEmpty();
        assertThat(engine.depth()).isEqualTo(before);
        assertThat(engine.order(thursdays.orderId())).contains(thursdays);
        assertThat(engine.tradingDay()).isEqualTo(THURSDAY);
    }

    @Test
    void anEngineOpenedFromASnapshotGoesOnWhereTheDayEnded() {
        fixture.run(fixture.limit(ALICE, SELL, 10_000, 10));
        fixture.run(fixture.limit(BOB, BUY, 10_200, 10));
        DayClose closed = roll();

        InstrumentEngine reopened = new InstrumentEngine(EngineFixture.CEA, EngineFixture.RULES,
                EngineFixture.CALENDAR, new DayOpening(closed.opened(), closed.close(), engine.fillSequence()),
                fill -> { });

        assertThat(reopened.depth()).isEqualTo(engine.depth());
        assertThat(reopened.tradingDay()).isEqualTo(engine.tradingDay());
        assertThat(reopened.fillSequence()).isEqualTo(1);
    }

    private DayClose roll() {
        Command.EndOfDay end = engine.endOfDayDue(THURSDAY_MORNING).orElseThrow();
        assertThat(engine.check(end)).isEmpty();
        return engine.closeDay(end);
    }

    private static Command.PlaceLimit thursday(long id, Side side, long price) {
        return new Command.PlaceLimit(id, side == BUY ? BOB : ALICE, "t" + id, side, price, 10, THURSDAY_MORNING);
    }
}
