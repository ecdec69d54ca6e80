package cn.carbonmarket.trading.engine;

import static cn.carbonmarket.trading.engine.EngineFixture.ALICE;
import static cn.carbonmarket.trading.engine.EngineFixture.BOB;
import static cn.carbonmarket.trading.engine.EngineFixture.MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.trading.orderbook.CancelReason;
import cn.carbonmarket.contracts.trade.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random command streams through the engine as the service drives it (check, then apply): every order's
 * quantities add up and match its fills, states follow the quantities, the book is never crossed, no party
 * trades with itself (four parties, so self-trade prevention is frequent), and a fresh engine fed the applied
 * commands ends in the same state (what journal replay relies on).
 */
class InstrumentEnginePropertiesTest {

    /** Thursday 10:00 in Shanghai, the trading day after the fixture's. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T02:00:00Z");
    private static final List<PartyId> PARTIES = List.of(ALICE, BOB,
            new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000c")),
            new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000d")));

    /** A step of a stream: which party, what kind of command, and the numbers it needs. */
    record Step(int kind, int party, Side side, long price, long quantity, int pick) {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(3, 1), Tuple.of(5, 2), Tuple.of(1, 3)),
                Arbitraries.integers().between(0, PARTIES.size() - 1), Arbitraries.of(Side.class),
                Arbitraries.longs().between(9_990, 10_010), Arbitraries.longs().between(1, 300),
                Arbitraries.integers().between(0, 60)).as(Step::new);
        return step.list().ofMinSize(50).ofMaxSize(300);
    }

    @Property(tries = 200)
    void quantitiesAddUpAndReplayRebuildsTheSameEngine(@ForAll("streams") List<Step> steps) {
        EngineFixture fixture = new EngineFixture();
        InstrumentEngine engine = fixture.engine;
        List<Command> applied = drive(engine, steps);

        Map<Long, Long> filledByOrder = new java.util.HashMap<>();
        for (Fill fill : fixture.fills) {
            assertThat(fill.buyer()).as("no self-trade in %s", fill).isNotEqualTo(fill.seller());
            filledByOrder.merge(fill.buyOrderId(), fill.quantity(), Long::sum);
            filledByOrder.merge(fill.sellOrderId(), fill.quantity(), Long::sum);
        }
        for (OrderView order : engine.orders()) {
            assertThat(order.filled() + order.open() + order.cancelled()).isEqualTo(order.quantity());
            assertThat(order.filled()).isEqualTo(filledByOrder.getOrDefault(order.orderId(), 0L));
            OrderState expected = order.rejectedFor() != null ? OrderState.REJECTED
                    : order.filled() == order.quantity() ? OrderState.FILLED
                    : order.cancelled() > 0 ? OrderState.CANCELLED
                    : order.filled() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
            assertThat(order.state()).isEqualTo(expected);
        }
        long restingBids = engine.orders().stream().filter(o -> o.side() == Side.BUY).mapToLong(OrderView::open).sum();
        assertThat(restingBids).isGreaterThanOrEqualTo(
                engine.depth().bids().stream().mapToLong(BookDepth.Level::quantity).sum());

        EngineFixture replayed = new EngineFixture();
        applied.forEach(replayed.engine::apply);
        assertThat(replayed.engine.orders()).isEqualTo(engine.orders());
        assertThat(replayed.engine.depth()).isEqualTo(engine.depth());
        assertThat(replayed.fills).isEqualTo(fixture.fills);
        assertThat(replayed.engine.halted()).isEqualTo(engine.halted());

        long cancelled = engine.orders().stream().filter(o -> o.state() == OrderState.CANCELLED).count();
        boolean prevented = engine.orders().stream()
                .anyMatch(o -> CancelReason.SELF_TRADE_PREVENTED.name().equals(o.cancelReason()));
        Statistics.label("fills").collect(fixture.fills.size() >= 5);
        Statistics.label("cancelled orders").collect(cancelled > 0);
        Statistics.label("self-trades prevented").collect(prevented);
        Statistics.label("self-trades prevented").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("fills").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("cancelled orders").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    /** Checks and applies each step's command as the service does; returns the commands applied. */
    private static List<Command> drive(InstrumentEngine engine, List<Step> steps) {
        List<Command> applied = new ArrayList<>();
        long nextId = 1;
        for (Step step : steps) {
            PartyId party = PARTIES.get(step.party());
            Command command = switch (step.kind()) {
                case 0 -> new Command.PlaceLimit(nextId, party, "c" + nextId++, step.side(), step.price(),
                        step.quantity(), MORNING);
                case 1 -> new Command.TakeAtLevel(nextId, party, "c" + nextId++, step.side(), 1 + step.pick() % 5,
                        step.quantity(), MORNING);
                case 2 -> new Command.Cancel(1 + step.pick(), MORNING);
                default -> engine.halted() ? new Command.Resume("op", MORNING) : new Command.Halt("op", MORNING);
            };
            if (engine.check(command).isEmpty()) {
                engine.apply(command);
                applied.add(command);
            }
            BookDepth depth = engine.depth();
            if (!depth.bids().isEmpty() && !depth.asks().isEmpty()) {
                assertThat(depth.bids().get(0).price()).isLessThan(depth.asks().get(0).price());
            }
        }
        return applied;
    }

    @Property(tries = 200)
    void theEndOfDayExpiresWhatIsOpenClosesAtTheAverageAndHappensOnce(@ForAll("streams") List<Step> steps) {
        EngineFixture fixture = new EngineFixture();
        InstrumentEngine engine = fixture.engine;
        List<Command> applied = drive(engine, steps);
        Set<Long> open = engine.orders().stream().filter(o -> o.open() > 0).map(OrderView::orderId)
                .collect(Collectors.toSet());
        long volume = fixture.fills.stream().mapToLong(Fill::quantity).sum();
        long turnover = fixture.fills.stream().mapToLong(f -> f.price() * f.quantity()).sum();
        Command.EndOfDay end = engine.endOfDayDue(THURSDAY).orElseThrow();

        DayClose closed = engine.closeDay(end);

        assertThat(closed.close()).isEqualTo(volume == 0 ? EngineFixture.CLOSE
                : BigDecimal.valueOf(turnover).divide(BigDecimal.valueOf(volume), 0, RoundingMode.HALF_UP)
                        .longValueExact());
        assertThat(closed.expired()).extracting(OrderView::orderId).containsExactlyInAnyOrderElementsOf(open);
        assertThat(closed.orders()).allSatisfy(order -> {
            assertThat(order.open()).isZero();
            assertThat(order.filled() + order.cancelled()).isEqualTo(order.quantity());
        });
        assertThat(engine.orders()).isEmpty();
        assertThat(engine.depth().bids()).isEmpty();
        assertThat(engine.depth().asks()).isEmpty();
        assertThat(engine.depth().previousClose()).isEqualTo(closed.close());

        BookDepth after = engine.depth();
        assertThat(engine.check(end)).isPresent();
        engine.apply(end);
        assertThat(engine.depth()).isEqualTo(after);

        EngineFixture replayed = new EngineFixture();
        applied.forEach(replayed.engine::apply);
        replayed.engine.apply(end);
        assertThat(replayed.engine.depth()).isEqualTo(engine.depth());
        assertThat(replayed.engine.fillSequence()).isEqualTo(engine.fillSequence());
        Statistics.label("expired orders").collect(!open.isEmpty());
        Statistics.label("expired orders").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }
}
