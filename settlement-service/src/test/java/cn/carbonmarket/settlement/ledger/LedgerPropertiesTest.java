package cn.carbonmarket.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.settlement.clearing.ClearedTrade;
import cn.carbonmarket.settlement.clearing.Clearing;
import cn.carbonmarket.settlement.clearing.NetPosition;
import cn.carbonmarket.settlement.clearing.Netting;
import cn.carbonmarket.settlement.clearing.Trade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * Random streams of deposits, units in, trades, withdrawals (requested, paid or rejected) and auction collateral,
 * TigerBeetle-simulation style: the invariants are checked after every command, refused commands included.
 */
class LedgerPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final List<InstrumentCode> INSTRUMENTS = List.of(InstrumentCode.parse("CEA-2025"),
            InstrumentCode.parse("CCER-2024"));
    private static final List<PartyId> PARTIES = IntStream.range(0, 4)
            .mapToObj(i -> new PartyId(UUID.nameUUIDFromBytes(("party-" + i).getBytes()))).toList();
    private static final Clearing CLEARING = new Clearing(FeeSchedule.published());

    /** One step of a simulated day; ids come from small pools so that redeliveries and id reuse happen. */
    sealed interface Command {
        void applyTo(Ledger ledger);
    }

    record Deposit(String ref, int party, long fen) implements Command {
        public void applyTo(Ledger ledger) {
            ledger.record(Entries.deposit(ref, PARTIES.get(party), fen, DAY));
        }
    }

    record UnitsIn(String ref, int party, int instrument, long tonnes) implements Command {
        public void applyTo(Ledger ledger) {
            ledger.record(Entries.unitsIn(ref, PARTIES.get(party), INSTRUMENTS.get(instrument), tonnes, DAY));
        }
    }

    record TradeCommand(Trade trade) implements Command {
        public void applyTo(Ledger ledger) {
            ledger.record(CLEARING.clear(trade).entry());
        }
    }

    record Withdraw(String id, int party, long fen, int daysLater) implements Command {
        public void applyTo(Ledger ledger) {
            ledger.record(Entries.withdrawal(id, PARTIES.get(party), fen, DAY.plusDays(daysLater)));
        }
    }

    /** The bank's answer to a withdrawal: paid out (post, then the payout entry) or rejected (void). */
    record BankAnswer(String id, boolean paid) implements Command {
        public void applyTo(Ledger ledger) {
            String pending = Entries.id(EntryType.WITHDRAWAL, id);
            if (paid) {
                Applied posted = ledger.post(pending);
                Transfer held = posted.entry().transfers().get(0);
                ledger.record(Entries.payout(id, held.debit().party(), held.amount(), DAY));
            } else {
                ledger.voidPending(pending);
            }
        }
    }

    record Reserve(String bid, int party, long fen) implements Command {
        public void applyTo(Ledger ledger) {
            ledger.record(Entries.reserveCollateral(bid, PARTIES.get(party), fen, DAY));
            ledger.post(Entries.id(EntryType.COLLATERAL_RESERVE, bid));
        }
    }

    private static Arbitrary<Integer> party() {
        return Arbitraries.integers().between(0, PARTIES.size() - 1);
    }

    private static Arbitrary<String> id(String prefix, int pool) {
        return Arbitraries.integers().between(1, pool).map(i -> prefix + i);
    }

    private static Arbitrary<Trade> trades(Arbitrary<String> ids, Arbitrary<TradeMode> modes) {
        return Combinators.combine(ids, party(), party(), Arbitraries.integers().between(0, INSTRUMENTS.size() - 1),
                        Arbitraries.longs().between(1, 1_000).withDistribution(RandomDistribution.biased()),
                        Arbitraries.longs().between(1, 12_000), modes)
                .as((id, buyer, seller, instrument, quantity, price, mode) -> new Trade(id, PARTIES.get(buyer),
                        PARTIES.get(seller == buyer ? (seller + 1) % PARTIES.size() : seller),
                        INSTRUMENTS.get(instrument), quantity, price, mode, DAY));
    }

    @Provide
    Arbitrary<List<Command>> days() {
        Arbitrary<Command> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(id("B", 30), party(),
                        Arbitraries.longs().between(1, 50_000_000).withDistribution(RandomDistribution.uniform()))
                        .as(Deposit::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(id("R", 30), party(),
                        Arbitraries.integers().between(0, INSTRUMENTS.size() - 1),
                        Arbitraries.longs().between(1, 20_000).withDistribution(RandomDistribution.uniform()))
                        .as(UnitsIn::new)),
                net.jqwik.api.Tuple.of(6, trades(id("T", 60), Arbitraries.of(TradeMode.class)).map(TradeCommand::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(id("W", 10), party(),
                        Arbitraries.longs().between(1, 20_000_000), Arbitraries.integers().between(0, 1))
                        .as(Withdraw::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(id("W", 10), Arbitraries.of(true, false))
                        .as(BankAnswer::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(id("BID", 10), party(),
                        Arbitraries.longs().between(1, 20_000_000)).as(Reserve::new)));
        return command.list().ofMinSize(20).ofMaxSize(150);
    }

    @Property(tries = 300)
    void everyCommandKeepsTheLedgerBalancedAndNoPartyBelowZero(@ForAll("days") List<Command> day) {
        Ledger ledger = new Ledger();
        boolean cleared = false;
        boolean refusedOne = false;
        for (Command command : day) {
            Map<AccountKey, Balance> before = ledger.balances();
            int entries = ledger.entryCount();
            try {
                command.applyTo(ledger);
                cleared |= command instanceof TradeCommand;
            } catch (LedgerRejectedException refused) {
                refusedOne = true;
                assertThat(ledger.balances()).isEqualTo(before);
                assertThat(ledger.entryCount()).isEqualTo(entries);
            }
            assertBalancedAndNotOverdrawn(ledger);
        }
        // The streams must exercise both sides: days that clear trades and days with refusals.
        Statistics.label("a trade cleared").collect(cleared)
                .coverage(c -> c.check(true).percentage(p -> p > 40));
        Statistics.label("a command refused").collect(refusedOne)
                .coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 200)
    void everyTradeIsClearedOnceUnderRedeliveryAndReordering(
            @ForAll("fundedTrades") List<Trade> trades, @ForAll Random random) {
        Ledger inOrder = funded();
        trades.forEach(t -> inOrder.record(CLEARING.clear(t).entry()));

        List<Trade> deliveries = new ArrayList<>(trades);
        trades.stream().filter(t -> random.nextInt(3) == 0).forEach(deliveries::add);
        Collections.shuffle(deliveries, random);
        Ledger redelivered = funded();
        int replays = 0;
        for (Trade trade : deliveries) {
            replays += redelivered.record(CLEARING.clear(trade).entry()).replayed() ? 1 : 0;
        }

        assertThat(replays).isEqualTo(deliveries.size() - trades.size());
        assertThat(redelivered.balances()).isEqualTo(inOrder.balances());
        assertThat(redelivered.entryCount()).isEqualTo(funded().entryCount() + trades.size());
        trades.forEach(t -> assertThat(redelivered.entry(Entries.id(EntryType.TRADE, t.tradeId())).state())
                .isEqualTo(EntryState.POSTED));
        assertBalancedAndNotOverdrawn(redelivered);
    }

    @Property(tries = 200)
    void nettingSumsToZeroPerInstrumentAndMatchesTheLedger(@ForAll("fundedTrades") List<Trade> trades) {
        Ledger ledger = funded();
        Map<AccountKey, Balance> start = ledger.balances();
        List<ClearedTrade> cleared = trades.stream().map(CLEARING::clear).toList();
        cleared.forEach(c -> ledger.record(c.entry()));

        List<NetPosition> net = Netting.net(DAY, cleared);

        long fees = cleared.stream().mapToLong(c -> c.buyerFeeFen() + c.sellerFeeFen()).sum();
        assertThat(net.stream().mapToLong(NetPosition::netCashFen).sum()).isEqualTo(-fees);
        for (InstrumentCode instrument : INSTRUMENTS) {
            assertThat(net.stream().filter(p -> p.instrument().equals(instrument)).mapToLong(NetPosition::netUnits)
                    .sum()).isZero();
        }
        Map<PartyId, Long> cash = new HashMap<>();
        for (NetPosition p : net) {
            AccountKey units = AccountKey.units(p.party(), p.instrument());
            assertThat(ledger.balance(units).posted() - start.getOrDefault(units, Balance.ZERO).posted())
                    .isEqualTo(p.netUnits());
            cash.merge(p.party(), p.netCashFen(), Long::sum);
        }
        cash.forEach((party, fen) -> assertThat(cashOf(ledger.balances(), party) - cashOf(start, party))
                .isEqualTo(fen));
        assertThat(Netting.net(DAY.plusDays(1), cleared)).isEmpty();
    }

    @Provide
    Arbitrary<List<Trade>> fundedTrades() {
        return trades(Arbitraries.strings().alpha().ofLength(12), Arbitraries.of(TradeMode.class))
                .list().ofMaxSize(60).uniqueElements(Trade::tradeId);
    }

    /** Enough cash, units and collateral that no order of the generated trades overdraws anyone. */
    private static Ledger funded() {
        Ledger ledger = new Ledger();
        for (int p = 0; p < PARTIES.size(); p++) {
            ledger.record(Entries.deposit("F" + p, PARTIES.get(p), 4_000_000_000L, DAY));
            ledger.record(Entries.reserveCollateral("C" + p, PARTIES.get(p), 2_000_000_000L, DAY));
            ledger.post(Entries.id(EntryType.COLLATERAL_RESERVE, "C" + p));
            for (int i = 0; i < INSTRUMENTS.size(); i++) {
                ledger.record(Entries.unitsIn("U" + p + i, PARTIES.get(p), INSTRUMENTS.get(i), 200_000, DAY));
            }
        }
        return ledger;
    }

    private static long cashOf(Map<AccountKey, Balance> balances, PartyId party) {
        return balances.getOrDefault(AccountKey.cashAvailable(party), Balance.ZERO).posted()
                + balances.getOrDefault(AccountKey.cashReserved(party), Balance.ZERO).posted();
    }

    private static void assertBalancedAndNotOverdrawn(Ledger ledger) {
        Map<Asset, long[]> sums = new HashMap<>();
        ledger.balances().forEach((account, balance) -> {
            long[] sum = sums.computeIfAbsent(account.asset(), a -> new long[2]);
            sum[0] += balance.posted();
            sum[1] += balance.creditsPending() - balance.debitsPending();
            if (account.kind().debitsMustNotExceedCredits()) {
                assertThat(balance.available()).as("available of %s", account).isNotNegative();
            }
        });
        sums.forEach((asset, sum) -> assertThat(sum).as("posted and pending sums of %s", asset).containsExactly(0, 0));
    }
}
