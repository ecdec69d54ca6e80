package cn.carbonmarket.trading.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Cancelled;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Event;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Rested;
import cn.carbonmarket.trading.orderbook.RecordedEvents.Traded;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random command streams through the published rules into both books: the fast book must do exactly what the
 * reference book does (same result, same events, same depth after every command), and the market's invariants
 * must hold throughout. Orders come from a few parties, so self-trade prevention is exercised often.
 */
class OrderBookPropertiesTest {

    private static final ListingRules RULES = TradingRulePack.load(new ObjectMapper()).listing(Jurisdiction.CN)
            .orElseThrow();
    /** 900..1100 fen with the national 10% band. */
    private static final long PREVIOUS_CLOSE = 1_000;

    sealed interface Command permits Place, Take, Cancel {
    }

    record Place(int owner, Side side, long price, long quantity) implements Command {
    }

    record Take(int owner, Side side, int level, long quantity) implements Command {
    }

    /** Cancels the order {@code 1 + pick % (issued + 2)}: usually one placed before, sometimes an unknown id. */
    record Cancel(int pick) implements Command {
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Integer> owner = Arbitraries.integers().between(1, 10);
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        // Mostly near the previous close so that orders cross and queue; sometimes outside the band.
        Arbitrary<Long> price = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(990, 1_010)),
                Tuple.of(1, Arbitraries.longs().between(850, 1_150)));
        Arbitrary<Long> quantity = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(1, 40)),
                Tuple.of(1, Arbitraries.longs().between(0, 120_000)));
        Arbitrary<Command> place = Combinators.combine(owner, side, price, quantity).as(Place::new);
        Arbitrary<Command> take = Combinators.combine(owner, side, Arbitraries.integers().between(0, 6), quantity)
                .as(Take::new);
        Arbitrary<Command> cancel = Arbitraries.integers().between(0, 10_000).map(Cancel::new);
        return Arbitraries.frequencyOf(Tuple.of(6, place), Tuple.of(1, take), Tuple.of(3, cancel))
                .list().ofMinSize(30).ofMaxSize(300);
    }

    /** What the harness knows of one accepted order, for the accounting identity. */
    private static final class Account {
        final int owner;
        final long ordered;
        long filled;
        long cancelled;

        Account(int owner, long ordered) {
            this.owner = owner;
            this.ordered = ordered;
        }
    }

    /** Drives both books through validation and checks every command. */
    private static final class Harness {
        final OrderValidation validation = new OrderValidation(RULES, PREVIOUS_CLOSE);
        final RecordedEvents referenceEvents = new RecordedEvents();
        final RecordedEvents fastEvents = new RecordedEvents();
        final OrderBook reference = new ReferenceOrderBook(referenceEvents);
        final OrderBook fast = new FastOrderBook(validation.band(), RULES.tick(), 4, fastEvents);
        final Depth referenceDepth = new Depth(RULES.counterpartyLevels());
        final Depth fastDepth = new Depth(RULES.counterpartyLevels());
        final Map<Long, Account> accounts = new HashMap<>();
        /** The last maker filled at each price: time priority means it never goes back to an earlier order. */
        final Map<Long, Long> lastMakerAt = new HashMap<>();
        long issued;
        int takes;
        int cancels;
        int refusals;
        int selfTradesPrevented;

        void run(Command command) {
            int mark = fastEvents.events.size();
            int referenceMark = referenceEvents.events.size();
            Depth before = new Depth(RULES.counterpartyLevels());
            fast.depth(before);
            ResultCode expected;
            ResultCode actual;
            long id = 0;
            if (command instanceof Place p) {
                id = ++issued;
                ResultCode valid = validation.limitOrder(p.price(), p.quantity());
                expected = valid.accepted() ? reference.place(id, p.owner(), p.side(), p.price(), p.quantity())
                        : valid;
                actual = valid.accepted() ? fast.place(id, p.owner(), p.side(), p.price(), p.quantity()) : valid;
                if (actual.accepted()) {
                    accounts.put(id, new Account(p.owner(), p.quantity()));
                }
            } else if (command instanceof Take t) {
                id = ++issued;
                ResultCode valid = validation.takeAtLevel(t.level(), t.quantity());
                expected = valid.accepted()
                        ? reference.takeAtLevel(id, t.owner(), t.side(), t.level(), t.quantity()) : valid;
                actual = valid.accepted() ? fast.takeAtLevel(id, t.owner(), t.side(), t.level(), t.quantity())
                        : valid;
                if (actual.accepted()) {
                    takes++;
                    accounts.put(id, new Account(t.owner(), t.quantity()));
                    List<Event> taken = fastEvents.since(mark);
                    List<Traded> fills = taken.stream().filter(Traded.class::isInstance).map(Traded.class::cast)
                            .toList();
                    long levelPrice = before.price(t.side().opposite(), t.level() - 1);
                    assertThat(fills).allSatisfy(f -> assertThat(f.price()).isEqualTo(levelPrice));
                    if (fills.isEmpty()) {
                        assertThat(taken).as("a take that filled nothing met its own order first")
                                .containsExactly(new Cancelled(id, t.quantity(), CancelReason.SELF_TRADE_PREVENTED));
                    }
                }
            } else {
                long target = 1 + ((Cancel) command).pick() % (issued + 2);
                expected = reference.cancel(target);
                actual = fast.cancel(target);
                cancels += actual.accepted() ? 1 : 0;
            }
            assertThat(actual).as("result of %s", command).isEqualTo(expected);
            assertThat(fastEvents.since(mark)).as("events of %s", command)
                    .isEqualTo(referenceEvents.since(referenceMark));
            reference.depth(referenceDepth);
            fast.depth(fastDepth);
            assertThat(fastDepth).as("depth after %s", command).isEqualTo(referenceDepth);
            if (!actual.accepted()) {
                refusals++;
                assertThat(fastEvents.since(mark)).as("a refused command changes nothing").isEmpty();
                assertThat(fastDepth).isEqualTo(before);
            }
            checkNotCrossed();
            checkEvents(command, id, fastEvents.since(mark));
        }

        private void checkNotCrossed() {
            if (fastDepth.levels(Side.BUY) > 0 && fastDepth.levels(Side.SELL) > 0) {
                assertThat(fastDepth.price(Side.BUY, 0)).as("best bid below best ask")
                        .isLessThan(fastDepth.price(Side.SELL, 0));
            }
        }

        /** Price-time priority, the limit and the band, seen in one command's events; books the accounting. */
        private void checkEvents(Command command, long taker, List<Event> events) {
            long previousPrice = -1;
            for (Event event : events) {
                if (event instanceof Traded t) {
                    assertThat(t.taker()).isEqualTo(taker);
                    assertThat(validation.band().contains(t.price())).as("trade price in band").isTrue();
                    if (command instanceof Place p) {
                        assertThat(t.takerSide() == Side.BUY ? t.price() <= p.price() : t.price() >= p.price())
                                .as("fill %s within the limit of %s", t, p).isTrue();
                    }
                    if (previousPrice >= 0) {
                        assertThat(t.takerSide() == Side.BUY ? t.price() >= previousPrice
                                : t.price() <= previousPrice).as("better prices fill first").isTrue();
                    }
                    previousPrice = t.price();
                    Long lastMaker = lastMakerAt.put(t.price(), t.maker());
                    assertThat(lastMaker == null || lastMaker <= t.maker())
                            .as("earlier orders at %d fill first (maker %d after %d)", t.price(), t.maker(),
                                    lastMaker).isTrue();
                    assertThat(accounts.get(t.maker()).owner).as("the two sides of %s have different owners", t)
                            .isNotEqualTo(accounts.get(t.taker()).owner);
                    accounts.get(t.maker()).filled += t.quantity();
                    accounts.get(t.taker()).filled += t.quantity();
                } else if (event instanceof Rested r) {
                    assertThat(validation.band().contains(r.price())).isTrue();
                } else if (event instanceof Cancelled c) {
                    accounts.get(c.order()).cancelled += c.quantity();
                    if (c.reason() == CancelReason.SELF_TRADE_PREVENTED) {
                        selfTradesPrevented++;
                        checkStoppedAtOwnOrder(command, c);
                    }
                }
            }
        }

        /**
         * A self-trade stop leaves the taker's own order at the head of the best level it may still reach: the
         * fast book's opposite best level (for a take, the chosen one) still crosses and holds an order of the
         * owner, so the taker did not stop early while others' orders were ahead of it.
         */
        private void checkStoppedAtOwnOrder(Command command, Cancelled cancelled) {
            assertThat(cancelled.order()).as("only the incoming order is cancelled for a self-trade")
                    .isEqualTo(issued);
            Side takerSide = command instanceof Place p ? p.side() : ((Take) command).side();
            assertThat(fastDepth.levels(takerSide.opposite())).as("the own order rests on after %s", command)
                    .isPositive();
            if (command instanceof Place p) {
                long best = fastDepth.price(takerSide.opposite(), 0);
                assertThat(takerSide == Side.BUY ? best <= p.price() : best >= p.price())
                        .as("stopped where the book still crossed").isTrue();
            }
        }

        void checkAccounting() {
            accounts.forEach((id, account) -> {
                long open = fast.openQuantity(id);
                assertThat(open).isEqualTo(reference.openQuantity(id));
                assertThat(account.filled + open + account.cancelled).as("filled + open + cancelled of order %d", id)
                        .isEqualTo(account.ordered);
            });
        }
    }

    @Property(tries = 1_000)
    void fastBookMatchesTheReferenceAndKeepsTheInvariants(@ForAll("commands") List<Command> commands) {
        Harness harness = new Harness();
        commands.forEach(harness::run);
        harness.checkAccounting();

        // The streams must exercise the book, not just pass through it: most of them fill, take and cancel.
        int fills = harness.fastEvents.trades().size();
        Statistics.label("fills").collect(fills == 0 ? "none" : fills < 10 ? "1-9" : "10 or more");
        Statistics.label("takes that traded").collect(harness.takes > 0);
        Statistics.label("cancels of resting orders").collect(harness.cancels > 0);
        Statistics.label("refusals").collect(harness.refusals > 0);
        Statistics.label("self-trades prevented").collect(harness.selfTradesPrevented > 0);
        Statistics.label("fills").coverage(c -> c.check("10 or more").percentage(p -> p >= 50));
        Statistics.label("takes that traded").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("cancels of resting orders").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("refusals").coverage(c -> c.check(true).percentage(p -> p >= 50));
        Statistics.label("self-trades prevented").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }
}
