package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Cancelled;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Rested;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Traded;
import org.junit.jupiter.api.Test;

/** Worked examples of the matching rules, run against each book implementation by a subclass. */
abstract class OrderBookExamples {

    /** A 10% band around a previous close of 50.00 CNY. */
    static final PriceBand BAND = new PriceBand(4_500, 5_500);
    /** Owner numbers of parties in the self-trade examples. */
    static final int ALICE = 7;
    static final int BOB = 8;

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
        assertThat(book.place(1, 1, Side.BUY, 4_990, 10)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(book.place(2, 2, Side.SELL, 5_010, 7)).isEqualTo(ResultCode.ACCEPTED);

        assertThat(events.events).containsExactly(new Rested(1, Side.BUY, 4_990, 10),
                new Rested(2, Side.SELL, 5_010, 7));
        assertThat(depth().price(Side.BUY, 0)).isEqualTo(4_990);
        assertThat(depth.price(Side.SELL, 0)).isEqualTo(5_010);
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void earlierOrdersAtAPriceFillFirstAndBetterPricesBeforeThem() {
        book.place(1, 1, Side.SELL, 5_010, 5);
        book.place(2, 2, Side.SELL, 5_000, 5);
        book.place(3, 3, Side.SELL, 5_010, 5);
        events.events.clear();

        book.place(4, 4, Side.BUY, 5_010, 12);

        assertThat(events.events).containsExactly(
                new Traded(2, 4, Side.BUY, 5_000, 5, 0, 7),
                new Traded(1, 4, Side.BUY, 5_010, 5, 0, 2),
                new Traded(3, 4, Side.BUY, 5_010, 2, 3, 0));
        assertThat(book.openQuantity(3)).isEqualTo(3);
        assertThat(depth().levels(Side.BUY)).isZero();
    }

    @Test
    void theRemainderOfACrossingOrderRestsAtItsLimit() {
        book.place(1, 1, Side.BUY, 5_000, 4);
        events.events.clear();

        book.place(2, 2, Side.SELL, 4_980, 10);

        assertThat(events.events).containsExactly(new Traded(1, 2, Side.SELL, 5_000, 4, 0, 6),
                new Rested(2, Side.SELL, 4_980, 6));
        assertThat(depth().price(Side.SELL, 0)).isEqualTo(4_980);
        assertThat(depth.quantity(Side.SELL, 0)).isEqualTo(6);
    }

    @Test
    void takingLevelThreeOfFiveTradesAtThatLevelsPriceOnly() {
        for (int level = 0; level < 5; level++) {
            book.place(10 + level, 10 + level, Side.SELL, 5_000 + 10 * level, 100);
        }
        book.place(20, 20, Side.SELL, 5_020, 50);
        events.events.clear();

        assertThat(book.takeAtLevel(30, 30, Side.BUY, 3, 170)).isEqualTo(ResultCode.ACCEPTED);

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
        book.place(1, 1, Side.BUY, 5_000, 10);
        book.place(2, 2, Side.BUY, 4_990, 10);
        events.events.clear();

        assertThat(book.takeAtLevel(3, 3, Side.SELL, 3, 5)).isEqualTo(ResultCode.NO_SUCH_LEVEL);
        assertThat(book.takeAtLevel(4, 4, Side.BUY, 1, 5)).isEqualTo(ResultCode.NO_SUCH_LEVEL);
        assertThat(events.events).isEmpty();
    }

    @Test
    void cancellingReleasesTheOpenRemainderOnce() {
        book.place(1, 1, Side.BUY, 5_000, 10);
        book.place(2, 2, Side.SELL, 5_000, 4);
        events.events.clear();

        assertThat(book.cancel(1)).isEqualTo(ResultCode.ACCEPTED);
        assertThat(book.cancel(1)).isEqualTo(ResultCode.UNKNOWN_ORDER);
        assertThat(book.cancel(2)).isEqualTo(ResultCode.UNKNOWN_ORDER);

        assertThat(events.events).containsExactly(new Cancelled(1, 6, CancelReason.REQUESTED));
        assertThat(depth().levels(Side.BUY)).isZero();
    }

    @Test
    void anIdThatIsRestingCannotBeUsedAgain() {
        book.place(1, 1, Side.BUY, 5_000, 10);

        assertThat(book.place(1, 1, Side.SELL, 5_100, 10)).isEqualTo(ResultCode.DUPLICATE_ORDER_ID);
        assertThat(book.takeAtLevel(1, 1, Side.SELL, 1, 10)).isEqualTo(ResultCode.DUPLICATE_ORDER_ID);
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void depthShowsFiveLevelsPerSideWithTheirTotals() {
        for (int i = 0; i < 7; i++) {
            book.place(1 + i, 1 + i, Side.BUY, 4_900 - i, 10);
            book.place(100 + i, 100 + i, Side.SELL, 5_100 + i, 20);
        }
        book.place(50, 50, Side.BUY, 4_900, 5);

        assertThat(depth().levels(Side.BUY)).isEqualTo(5);
        assertThat(depth.levels(Side.SELL)).isEqualTo(5);
        assertThat(depth.quantity(Side.BUY, 0)).isEqualTo(15);
        assertThat(depth.orders(Side.BUY, 0)).isEqualTo(2);
        assertThat(depth.price(Side.BUY, 4)).isEqualTo(4_896);
        assertThat(depth.price(Side.SELL, 4)).isEqualTo(5_104);
    }

    @Test
    void ordersAtTheEdgesOfTheBandMatch() {
        book.place(1, 1, Side.SELL, BAND.lowest(), 3);
        book.place(2, 2, Side.BUY, BAND.highest(), 5);

        assertThat(events.trades()).containsExactly(new Traded(1, 2, Side.BUY, BAND.lowest(), 3, 0, 2));
        assertThat(depth().price(Side.BUY, 0)).isEqualTo(BAND.highest());
    }

    @Test
    void anOrderMeetingItsOwnRestingOrderFirstIsCancelledAndNothingTrades() {
        book.place(1, ALICE, Side.SELL, 5_000, 10);
        events.events.clear();

        assertThat(book.place(2, ALICE, Side.BUY, 5_010, 4)).isEqualTo(ResultCode.ACCEPTED);

        assertThat(events.events).containsExactly(new Cancelled(2, 4, CancelReason.SELF_TRADE_PREVENTED));
        assertThat(book.openQuantity(1)).isEqualTo(10);
        assertThat(book.openQuantity(2)).isZero();
        assertThat(depth().levels(Side.BUY)).isZero();
        assertThat(depth.quantity(Side.SELL, 0)).isEqualTo(10);
    }

    @Test
    void anOwnOrderBehindAnotherPartysAtTheSameLevelStopsMatchingAfterIt() {
        book.place(1, BOB, Side.SELL, 5_000, 3);
        book.place(2, ALICE, Side.SELL, 5_000, 10);
        book.place(3, BOB, Side.SELL, 5_000, 10);
        events.events.clear();

        book.place(4, ALICE, Side.BUY, 5_000, 8);

        assertThat(events.events).containsExactly(new Traded(1, 4, Side.BUY, 5_000, 3, 0, 5),
                new Cancelled(4, 5, CancelReason.SELF_TRADE_PREVENTED));
        assertThat(book.openQuantity(2)).isEqualTo(10);
        assertThat(book.openQuantity(3)).as("never skips the own order to reach later ones").isEqualTo(10);
        assertThat(depth().levels(Side.BUY)).isZero();
        assertThat(depth.quantity(Side.SELL, 0)).isEqualTo(20);
    }

    @Test
    void anOwnOrderAtAWorseLevelLetsTheBetterLevelsFillFirst() {
        book.place(1, BOB, Side.BUY, 5_010, 4);
        book.place(2, BOB, Side.BUY, 5_005, 4);
        book.place(3, ALICE, Side.BUY, 5_000, 10);
        book.place(4, BOB, Side.BUY, 4_990, 10);
        events.events.clear();

        book.place(5, ALICE, Side.SELL, 4_990, 20);

        assertThat(events.events).containsExactly(new Traded(1, 5, Side.SELL, 5_010, 4, 0, 16),
                new Traded(2, 5, Side.SELL, 5_005, 4, 0, 12),
                new Cancelled(5, 12, CancelReason.SELF_TRADE_PREVENTED));
        assertThat(book.openQuantity(3)).isEqualTo(10);
        assertThat(book.openQuantity(4)).isEqualTo(10);
        assertThat(depth().levels(Side.SELL)).as("the remainder does not rest").isZero();
        assertThat(depth.price(Side.BUY, 0)).isEqualTo(5_000);
    }

    @Test
    void aTakeAtALevelStopsAtItsOwnOrderAndCancelsTheRemainderForIt() {
        book.place(1, BOB, Side.SELL, 5_000, 10);
        book.place(2, BOB, Side.SELL, 5_010, 5);
        book.place(3, ALICE, Side.SELL, 5_010, 10);
        book.place(4, BOB, Side.SELL, 5_010, 10);
        events.events.clear();

        assertThat(book.takeAtLevel(5, ALICE, Side.BUY, 2, 30)).isEqualTo(ResultCode.ACCEPTED);

        assertThat(events.events).containsExactly(new Traded(2, 5, Side.BUY, 5_010, 5, 0, 25),
                new Cancelled(5, 25, CancelReason.SELF_TRADE_PREVENTED));
        assertThat(book.openQuantity(1)).isEqualTo(10);
        assertThat(book.openQuantity(3)).isEqualTo(10);
        assertThat(book.openQuantity(4)).isEqualTo(10);
    }

    @Test
    void aTakeThatMeetsOnlyOthersKeepsTheImmediateOrCancelReason() {
        book.place(1, ALICE, Side.SELL, 5_000, 10);
        book.place(2, BOB, Side.SELL, 5_010, 5);
        events.events.clear();

        book.takeAtLevel(3, ALICE, Side.BUY, 2, 8);

        assertThat(events.events).containsExactly(new Traded(2, 3, Side.BUY, 5_010, 5, 0, 3),
                new Cancelled(3, 3, CancelReason.IMMEDIATE_OR_CANCEL_REMAINDER));
        assertThat(book.openQuantity(1)).isEqualTo(10);
    }

    @Test
    void aPartysRestingOrderStillTradesWithOtherParties() {
        book.place(1, ALICE, Side.SELL, 5_000, 10);
        book.place(2, ALICE, Side.BUY, 5_000, 4);
        events.events.clear();

        book.place(3, BOB, Side.BUY, 5_000, 6);

        assertThat(events.events).containsExactly(new Traded(1, 3, Side.BUY, 5_000, 6, 4, 0));
        assertThat(book.openQuantity(1)).isEqualTo(4);
    }
}
