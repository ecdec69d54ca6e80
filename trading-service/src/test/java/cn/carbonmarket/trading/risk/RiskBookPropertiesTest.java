package cn.carbonmarket.trading.risk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.engine.OrderView;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.rules.ListingRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random order flows through a real engine with pre-trade risk in front, as the exchange runs them: no party's free
 * cash or units ever goes negative, fills move exactly what they trade, and once every order is gone nothing is
 * reserved any more.
 */
class RiskBookPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ListingRules LISTING = RiskBookTest.PACK.listing(Jurisdiction.CN).orElseThrow();
    private static final TradingCalendar CALENDAR = TradingCalendar.load(JSON);
    private static final InstrumentCode CEA = RiskBookTest.CEA;
    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final List<PartyId> PARTIES = List.of(party(1), party(2), party(3));

    /** One step of a flow: a limit order, a take, or a cancel of the n-th order placed so far. */
    record Step(int kind, int party, boolean buy, long price, long quantity, int level, int cancel) {
    }

    private static PartyId party(int n) {
        return new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000" + n));
    }

    @Provide
    Arbitrary<List<Step>> flows() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.longs().between(9_950, 10_050), Arbitraries.longs().between(1, 400),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 1_000))
                .as((kind, party, buy, price, quantity, level, cancel) -> new Step(kind, party, buy, price, quantity,
                        level, cancel));
        return step.list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 200)
    void freeBalancesNeverGoNegativeAndEveryReservationIsReleased(@ForAll("flows") List<Step> flow,
            @ForAll("cash") List<Long> cash, @ForAll("cash") List<Long> units) {
        RiskBook book = new RiskBook(FeeSchedule.published(), CALENDAR, instrument -> RiskBookTest.RULES);
        for (int i = 0; i < PARTIES.size(); i++) {
            book.settle(PARTIES.get(i), RiskBook.CASH, cash.get(i));
            book.settle(PARTIES.get(i), CEA.toString(), units.get(i) / 1_000);
        }
        long unitsBefore = total(book, CEA.toString());
        InstrumentEngine engine = new InstrumentEngine(CEA, LISTING, CALENDAR, 10_000, fill -> { });
        long nextId = 1;
        for (Step step : flow) {
            Command command = command(step, nextId, engine);
            if (command == null || engine.check(command).isPresent()) {
                continue;
            }
            if (!(command instanceof Command.Cancel)) {
                if (reserve(book, engine, command).isPresent()) {
                    continue;
                }
                nextId++;
            }
            int before = engine.fillCount();
            OrderView order = engine.apply(command);
            engine.fillsSince(before).forEach(fill -> book.fill(fill, TODAY));
            book.orderOpen(order.orderId(), order.open());
            assertThat(book.positions()).allSatisfy(p -> assertThat(p.balance() - p.reserved() - p.held())
                    .as("free %s of %s", p.asset(), p.partyId()).isNotNegative());
        }
        for (OrderView open : engine.orders()) {
            if (open.open() > 0) {
                OrderView cancelled = engine.apply(new Command.Cancel(open.orderId(), MORNING));
                book.orderOpen(cancelled.orderId(), cancelled.open());
            }
        }
        assertThat(book.positions()).allSatisfy(p -> assertThat(p.reserved()).isZero());
        assertThat(total(book, CEA.toString())).isEqualTo(unitsBefore);
    }

    @Provide
    Arbitrary<List<Long>> cash() {
        return Arbitraries.longs().between(0, 50_000_000).list().ofSize(PARTIES.size());
    }

    private static long total(RiskBook book, String asset) {
        return book.positions().stream().filter(p -> p.asset().equals(asset)).mapToLong(p -> p.balance()).sum();
    }

    private static java.util.Optional<cn.carbonmarket.trading.engine.Refusal> reserve(RiskBook book,
            InstrumentEngine engine, Command command) {
        if (command instanceof Command.PlaceLimit p) {
            return book.reserve(p.orderId(), p.party(), CEA, p.side(), p.price(), p.quantity(), TODAY);
        }
        Command.TakeAtLevel t = (Command.TakeAtLevel) command;
        var price = engine.levelPrice(t.side(), t.level());
        return price.isEmpty() ? java.util.Optional.empty()
                : book.reserve(t.orderId(), t.party(), CEA, t.side(), price.getAsLong(), t.quantity(), TODAY);
    }

    private static Command command(Step step, long id, InstrumentEngine engine) {
        PartyId party = PARTIES.get(step.party());
        Side side = step.buy() ? Side.BUY : Side.SELL;
        if (step.kind() < 6) {
            return new Command.PlaceLimit(id, party, "c" + id, side, step.price(), step.quantity(), MORNING);
        }
        if (step.kind() < 8) {
            return new Command.TakeAtLevel(id, party, "c" + id, side, step.level(), step.quantity(), MORNING);
        }
        List<OrderView> open = engine.orders().stream().filter(o -> o.open() > 0).toList();
        return open.isEmpty() ? null : new Command.Cancel(open.get(step.cancel() % open.size()).orderId(), MORNING);
    }
}
