package cn.carbonmarket.trading.engine;

import static cn.carbonmarket.trading.engine.EngineFixture.ALICE;
import static cn.carbonmarket.trading.engine.EngineFixture.BOB;
import static cn.carbonmarket.trading.engine.EngineFixture.LUNCH;
import static cn.carbonmarket.trading.engine.EngineFixture.MORNING;
import static cn.carbonmarket.contracts.trade.Side.BUY;
import static cn.carbonmarket.contracts.trade.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstrumentEngineTest {

    private final EngineFixture fixture = new EngineFixture();
    private final InstrumentEngine engine = fixture.engine;

    @Test
    void aCrossFillsBothSidesAtTheRestingPriceAndRecordsTheTrade() {
        OrderView sell = fixture.run(fixture.limit(ALICE, SELL, 10_050, 300));
        OrderView buy = fixture.run(fixture.limit(BOB, BUY, 10_100, 500));

        assertThat(buy.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(buy.filled()).isEqualTo(300);
        assertThat(buy.open()).isEqualTo(200);
        assertThat(buy.filledValue()).isEqualTo(300 * 10_050L);
        assertThat(engine.order(sell.orderId()).orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(fixture.fills).singleElement().satisfies(fill -> {
            assertThat(fill.buyer()).isEqualTo(BOB);
            assertThat(fill.seller()).isEqualTo(ALICE);
            assertThat(fill.price()).isEqualTo(10_050);
            assertThat(fill.quantity()).isEqualTo(300);
            assertThat(fill.makerOrderId()).isEqualTo(sell.orderId());
            assertThat(fill.tradeId()).isEqualTo("CEA-2025-1");
        });
        assertThat(engine.fills(ALICE)).isEqualTo(engine.fills(BOB)).hasSize(1);
        BookDepth depth = engine.depth();
        assertThat(depth.asks()).isEmpty();
        assertThat(depth.bids()).containsExactly(new BookDepth.Level(10_100, 200, 1));
        assertThat(depth.last()).isEqualTo(10_050);
        assertThat(depth.volume()).isEqualTo(300);
    }

    @Test
    void aCancelledRemainderKeepsTheFilledPartAndTheQuantitiesAddUp() {
        OrderView buy = fixture.run(fixture.limit(BOB, BUY, 10_000, 500));
        fixture.run(fixture.limit(ALICE, SELL, 10_000, 120));

        OrderView cancelled = fixture.run(new Command.Cancel(buy.orderId(), MORNING));

        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.filled()).isEqualTo(120);
        assertThat(cancelled.cancelled()).isEqualTo(380);
        assertThat(cancelled.open()).isZero();
        assertThat(engine.check(new Command.Cancel(buy.orderId(), MORNING)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("ORDER_NOT_OPEN"));
        assertThat(engine.check(new Command.Cancel(999, MORNING)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("ORDER_NOT_FOUND"));
    }

    @Test
    void aTakeTradesAtTheChosenLevelAndCancelsWhatItCouldNotFill() {
        fixture.run(fixture.limit(ALICE, SELL, 10_010, 100));
        fixture.run(fixture.limit(ALICE, SELL, 10_020, 100));

        OrderView take = fixture.run(fixture.take(BOB, BUY, 2, 150));

        assertThat(take.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(take.filled()).isEqualTo(100);
        assertThat(take.cancelled()).isEqualTo(50);
        assertThat(fixture.fills).singleElement().satisfies(fill -> assertThat(fill.price()).isEqualTo(10_020));
        assertThat(engine.depth().asks()).containsExactly(new BookDepth.Level(10_010, 100, 1));
    }

    @Test
    void aTakeAtALevelTheBookDoesNotHaveIsRejectedWhole() {
        fixture.run(fixture.limit(ALICE, SELL, 10_010, 100));

        OrderView take = fixture.run(fixture.take(BOB, BUY, 3, 150));

        assertThat(take.state()).isEqualTo(OrderState.REJECTED);
        assertThat(take.rejectedFor()).isEqualTo("NO_SUCH_LEVEL");
        assertThat(take.cancelled()).isEqualTo(150);
        assertThat(fixture.fills).isEmpty();
    }

    @Test
    void theListingRulesAndTheSessionRefuseBeforeAnythingChanges() {
        assertThat(engine.check(fixture.limit(BOB, BUY, 11_001, 1)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("PRICE_ABOVE_BAND"));
        assertThat(engine.check(fixture.limit(BOB, BUY, 8_999, 1)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("PRICE_BELOW_BAND"));
        assertThat(engine.check(fixture.limit(BOB, BUY, 10_000, 100_000)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("QUANTITY_ABOVE_MAXIMUM"));
        assertThat(engine.check(fixture.take(BOB, BUY, 6, 1)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("LEVEL_OUT_OF_RANGE"));
        assertThat(engine.check(new Command.PlaceLimit(50, BOB, "lunch", BUY, 10_000, 1, LUNCH)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("OUTSIDE_SESSION"));
        assertThat(engine.check(new Command.PlaceLimit(51, BOB, "sunday", BUY, 10_000, 1,
                Instant.parse("2026-11-29T02:00:00Z"))))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("OUTSIDE_SESSION"));
        assertThat(engine.orders()).isEmpty();
    }

    @Test
    void aHaltedInstrumentRefusesNewOrdersButLetsRestingOnesBeCancelled() {
        OrderView resting = fixture.run(fixture.limit(ALICE, SELL, 10_010, 100));
        fixture.run(new Command.Halt("operator", MORNING));

        assertThat(engine.halted()).isTrue();
        assertThat(engine.check(fixture.limit(BOB, BUY, 10_010, 1)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("INSTRUMENT_HALTED"));
        assertThat(engine.check(fixture.take(BOB, BUY, 1, 1)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("INSTRUMENT_HALTED"));
        assertThat(engine.check(new Command.Halt("operator", MORNING)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("INSTRUMENT_ALREADY_HALTED"));
        assertThat(engine.check(new Command.Cancel(resting.orderId(), MORNING))).isEmpty();

        fixture.run(new Command.Resume("operator", MORNING));
        assertThat(engine.halted()).isFalse();
        assertThat(engine.check(new Command.Resume("operator", MORNING)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("INSTRUMENT_NOT_HALTED"));
        assertThat(fixture.run(fixture.limit(BOB, BUY, 10_010, 100)).state()).isEqualTo(OrderState.FILLED);
    }
}
