package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.trading.orderbook.RecordedEvents.Cancelled;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Rested;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Traded;
import org.junit.jupiter.api.Test;

/** Worked examples of the matching rules, run against each book implementation by a subclass. */
abstract class OrderBookExamples {

    /** A 10% band around a previous close of 50.00 CNY. */
    static final PriceBand BAND = new PriceBand(4_500, 5_500);

    final RecordedEvents events = new RecordedEvents();
    final OrderBook book = create(events);
    final Depth depth = new Depth(5);

    abstract OrderBook create(BookEvents events);

    private Depth depth() {
        book.depth(depth);
        return depth;
    }

    @Test
    void anOrderThatDoesNotCrossRests() {
        assertThat(book.place(1, Side.BUY, 4_990, 10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(book.place(2, Side.SELL, 5_010, 7)).isEqualTo(ResultCode.ACCEPTED);

        assertThat(events.events).containsExactly(new Rested(1, Side.BUY, 4_990, 10),
                new Rested(2, Side.SELL, 5_010, 7));
        assertThat(depth().price(Side.BUY, 0)).isEqualTo(4_990);
        assertThat(depth.price(Side.SELL, 0)).isEqualTo(5_010);
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void earlierOrdersAtAPriceFillFirstAndBetterPricesBeforeThem() {
        book.place(1, Side.SELL, 5_010, 5);
        book.place(2, Side.SELL, 5_000, 5);
        book.place(3, Side.SELL, 5_010, 5);
        events.events.clear();

        book.place(4, Side.BUY, 5_010, 12);

        assertThat(events.events).containsExactly(
                new Traded(2, 4, Side.BUY, 5_000, 5, 0, 7),
                new Traded(1, 4, Side.BUY, 5_010, 5, 0, 2),
                new Traded(3, 4, Side.BUY, 5_010, 2, 3, 0));
        assertThat(book.openQuantity(3)).isEqualTo(3);
        assertThat(depth().levels(Side.BUY)).isZero();
    }

    @Test
    void theRemainderOfACrossingOrderRestsAtItsLimit() {
        book.place(1, Side.BUY, 5_000, 4);
        events.events.clear();

        book.place(2, Side.SELL, 4_980, 10);

        assertThat(events.events).containsExactly(new Traded(1, 2, Side.SELL, 5_000, 4, 0, 6),
                new Rested(2, Side.SELL, 4_980, 6));
        assertThat(depth().price(Side.SELL, 0)).isEqualTo(4_980);
        assertThat(depth.quantity(Side.SELL, 0)).isEqualTo(6);
    }

    @Test
    void takingLevelThreeOfFiveTradesAtThatLevelsPriceOnly() {
        for (int level = 0; level < 5; level++) {
            book.place(10 + level, Side.SELL, 5_000 + 10 * level, 100);
        }
        book.place(20, Side.SELL, 5_020, 50);
        events.events.clear();

        assertThat(book.takeAtLevel(30, Side.BUY, 3, 170)).isEqualTo(ResultCode.ACCEPTED);

        assertThat(events.events).containsExactly(
                new Traded(12, 30, Side.BUY, 5_020, 100, 0, 70),
                new Traded(20, 30, Side.BUY, 5_020, 50, 0, 20),
                new Cancelled(30, 20, CancelReason.IMMEDIATE_OR_CANCEL_REMAINDER));
        assertThat(depth().levels(Side.SELL)).isEqualTo(4);
        assertThat(depth.price(Side.SELL, 0)).isEqualTo(5_000);
        assertThat(depth.price(Side.SELL, 2)).isEqualTo(5_030);
        assertThat(book.openQuantity(30)).isZero();
    }

    @Test
    void aTakerCannotChooseALevelTheCounterpartyDoesNotHave() {
        book.place(1, Side.BUY, 5_000, 10);
        book.place(2, Side.BUY, 4_990, 10);
        events.events.clear();

        assertThat(book.takeAtLevel(3, Side.SELL, 3, 5)).isEqualTo(ResultCode.NO_SUCH_LEVEL);
        assertThat(book.takeAtLevel(4, Side.BUY, 1, 5)).isEqualTo(ResultCode.NO_SUCH_LEVEL);
        assertThat(events.events).isEmpty();
    }

    @Test
    void cancellingReleasesTheOpenRemainderOnce() {
        book.place(1, Side.BUY, 5_000, 10);
        book.place(2, Side.SELL, 5_000, 4);
        events.events.clear();

        assertThat(book.cancel(1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(book.cancel(1)).isEqualTo(ResultCode.UNKNOWN_ORDER);
        assertThat(book.cancel(2)).isEqualTo(ResultCode.UNKNOWN_ORDER);

        assertThat(events.events).containsExactly(new Cancelled(1, 6, CancelReason.REQUESTED));
        assertThat(depth().levels(Side.BUY)).isZero();
    }

    @Test
    void anIdThatIsRestingCannotBeUsedAgain() {
        book.place(1, Side.BUY, 5_000, 10);

        assertThat(book.place(1, Side.SELL, 5_100, 10)).isEqualTo(ResultCode.DUPLICATE_ORDER_ID);
        assertThat(book.takeAtLevel(1, Side.SELL, 1, 10)).isEqualTo(ResultCode.DUPLICATE_ORDER_ID);
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void depthShowsFiveLevelsPerSideWithTheirTotals() {
        for (int i = 0; i < 7; i++) {
            book.place(1 + i, Side.BUY, 4_900 - i, 10);
            book.place(100 + i, Side.SELL, 5_100 + i, 20);
        }
        book.place(50, Side.BUY, 4_900, 5);

        assertThat(depth().levels(Side.BUY)).isEqualTo(5);
        assertThat(depth.levels(Side.SELL)).isEqualTo(5);
        assertThat(depth.quantity(Side.BUY, 0)).isEqualTo(15);
        assertThat(depth.orders(Side.BUY, 0)).isEqualTo(2);
        assertThat(depth.price(Side.BUY, 4)).isEqualTo(4_896);
        assertThat(depth.price(Side.SELL, 4)).isEqualTo(5_104);
    }

    @Test
    void ordersAtTheEdgesOfTheBandMatch() {
        book.place(1, Side.SELL, BAND.lowest(), 3);
        book.place(2, Side.BUY, BAND.highest(), 5);

        assertThat(events.trades()).containsExactly(new Traded(1, 2, Side.BUY, BAND.lowest(), 3, 0, 2));
        assertThat(depth().price(Side.BUY, 0)).isEqualTo(BAND.highest());
    }
}
