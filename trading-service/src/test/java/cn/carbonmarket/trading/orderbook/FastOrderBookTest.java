package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.trade.Side;
import org.junit.jupiter.api.Test;

class FastOrderBookTest extends OrderBookExamples {

    @Override
    OrderBook create(BookEvents events) {
        return new FastOrderBook(BAND, 1, 2, events);
    }

    @Test
    void growsPastItsExpectedSizeAndRecyclesOrders() {
        for (int i = 1; i <= 1_000; i++) {
            book.place(i, i, Side.BUY, 4_500 + i % 400, 1);
        }
        for (int i = 1; i <= 1_000; i += 2) {
            book.cancel(i);
        }
        book.place(2_000, 2_000, Side.SELL, 4_500, 2_000);

        assertThat(events.trades()).hasSize(500);
        assertThat(book.openQuantity(2_000)).isEqualTo(1_500);
        assertThat(depth(book).levels(Side.BUY)).isZero();
    }

    @Test
    void aPriceOutsideTheLadderIsAProgrammingError() {
        assertThatThrownBy(() -> book.place(1, 1, Side.BUY, BAND.highest() + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> book.place(1, 1, Side.BUY, 5_000, 1)).doesNotThrowAnyException();
    }

    private static Depth depth(OrderBook book) {
        Depth depth = new Depth(5);
        book.depth(depth);
        return depth;
    }
}
