package cn.carbonmarket.trading.risk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.Refusal;
import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.rules.RiskRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The risk arithmetic on worked examples: reservations, fills, T+1, the position limit, reports and holds. */
class RiskBookTest {

    static final TradingRulePack PACK = TradingRulePack.load(new ObjectMapper());
    static final TradingCalendar CALENDAR = TradingCalendar.load(new ObjectMapper());
    static final RiskRules RULES = PACK.risk(Jurisdiction.CN).orElseThrow();
    static final InstrumentCode CEA = InstrumentCode.parse("CEA-2025");
    static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    static final PartyId BUYER = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final PartyId SELLER = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    private final RiskBook book = new RiskBook(FeeSchedule.published(), CALENDAR, instrument -> RULES);

    private AssetBalance balance(PartyId party, String asset) {
        return balance(party, asset, TODAY);
    }

    private AssetBalance balance(PartyId party, String asset, LocalDate day) {
        return book.balances(party, day).stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static Fill fill(String tradeId, long buyOrder, long sellOrder, long price, long quantity) {
        return new Fill(tradeId, CEA, 1, buyOrder, BUYER, sellOrder, SELLER, sellOrder, price, quantity,
                Instant.parse("2026-11-25T02:00:00Z"));
    }

    @Test
    void aBuyReservesPriceAndTheMostFeeAndAFillPaysValueAndTheActualFee() {
        book.settle(BUYER, RiskBook.CASH, 2_000_000);
        book.settle(SELLER, "CEA-2025", 500);

        assertThat(book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 100, TODAY)).isEmpty();
        assertThat(balance(BUYER, "CNY").reserved()).isEqualTo(100 * (10_000 + 100));
        assertThat(book.reserve(2, SELLER, CEA, Side.SELL, 10_000, 60, TODAY)).isEmpty();

        FilledTrade filled = book.fill(fill("CEA-2025-1", 1, 2, 10_000, 60), TODAY);

        assertThat(filled.trade().buyerFeeFen()).isEqualTo(360);
        assertThat(filled.trade().sellerFeeFen()).isEqualTo(360);
        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(2_000_000 - 600_000 - 360);
        assertThat(balance(BUYER, "CNY").reserved()).isEqualTo(40 * 10_100);
        assertThat(balance(BUYER, "CEA-2025").balance()).isEqualTo(60);
        assertThat(balance(SELLER, "CNY").balance()).isEqualTo(600_000 - 360);
        assertThat(balance(SELLER, "CEA-2025").balance()).isEqualTo(440);
        assertThat(balance(SELLER, "CEA-2025").reserved()).isZero();

        book.orderOpen(1, 0);
        assertThat(balance(BUYER, "CNY").reserved()).isZero();
    }

    @Test
    void anOffBookTradeIsCheckedOnBothSidesAndBookedOnlyWhenBothAreCovered() {
        Instant at = Instant.parse("2026-11-25T05:30:00Z");
        book.settle(BUYER, RiskBook.CASH, 1_000_000_000L);
        book.settle(SELLER, "CEA-2025", 100_000);
        var trade = book.pricing().trade("CEA-2025-BLOCK-1", TradeMode.BLOCK, CEA, BUYER, SELLER, 100_000, 10_000, at);

        assertThat(book.execute(trade, TODAY)).isInstanceOfSatisfying(Execution.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("INSUFFICIENT_CASH"));
        book.settle(BUYER, RiskBook.CASH, 1_000_000_000L + trade.buyerFeeFen());
        book.settle(SELLER, "CEA-2025", 99_999);
        assertThat(book.execute(trade, TODAY)).isInstanceOfSatisfying(Execution.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("INSUFFICIENT_UNITS"));
        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(1_000_000_000L + trade.buyerFeeFen());

        book.settle(SELLER, "CEA-2025", 100_000);
        assertThat(book.execute(trade, TODAY)).isEqualTo(new Execution.Booked(new FilledTrade(trade,
                OptionalLong.empty())));
        assertThat(balance(BUYER, "CNY").balance()).isZero();
        assertThat(balance(BUYER, "CEA-2025").balance()).isEqualTo(100_000);
        assertThat(balance(SELLER, "CNY").balance()).isEqualTo(1_000_000_000L - trade.sellerFeeFen());

        book.undo(trade, TODAY);
        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(1_000_000_000L + trade.buyerFeeFen());
        assertThat(balance(SELLER, "CEA-2025").balance()).isEqualTo(100_000);
    }

    @Test
    void aBlockTradeThatTakesTheBuyerAcrossTheLargeTraderLineSaysSoOnceAndOnlyOnTheCrossing() {
        Instant at = Instant.parse("2026-11-25T05:30:00Z");
        book.settle(BUYER, RiskBook.CASH, 10_000_000_000L);
        book.settle(BUYER, "CEA-2025", RULES.largeTraderThreshold() - 50_000);
        book.settle(SELLER, "CEA-2025", 300_000);
        var crossing = book.pricing().trade("CEA-2025-BLOCK-1", TradeMode.BLOCK, CEA, BUYER, SELLER, 100_000, 10_000,
                at);
        var beyond = book.pricing().trade("CEA-2025-BLOCK-2", TradeMode.BLOCK, CEA, BUYER, SELLER, 100_000, 10_000,
                at);

        assertThat(book.execute(crossing, TODAY)).isEqualTo(new Execution.Booked(new FilledTrade(crossing,
                OptionalLong.of(RULES.largeTraderThreshold() + 50_000))));
        assertThat(book.execute(beyond, TODAY)).isEqualTo(new Execution.Booked(new FilledTrade(beyond,
                OptionalLong.empty())));
    }

    @Test
    void aBlockTradeBeyondTheBuyersPositionLimitIsRefusedAndChangesNothing() {
        Instant at = Instant.parse("2026-11-25T05:30:00Z");
        book.settle(BUYER, RiskBook.CASH, 10_000_000_000L);
        book.settle(BUYER, "CEA-2025", RULES.positionLimit() - 99_999);
        book.settle(SELLER, "CEA-2025", 100_000);
        var trade = book.pricing().trade("CEA-2025-BLOCK-1", TradeMode.BLOCK, CEA, BUYER, SELLER, 100_000, 10_000, at);

        assertThat(book.execute(trade, TODAY)).isInstanceOfSatisfying(Execution.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("POSITION_LIMIT"));
        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(10_000_000_000L);
        assertThat(balance(BUYER, "CEA-2025").balance()).isEqualTo(RULES.positionLimit() - 99_999);
        assertThat(balance(SELLER, "CEA-2025").balance()).isEqualTo(100_000);
        assertThat(book.balances(SELLER, TODAY)).extracting(AssetBalance::asset).doesNotContain(RiskBook.CASH);
    }

    @Test
    void anAuctionAllocationFillsTheBidsAndTheVolumesReservationsAndTheRestIsReleased() {
        Instant at = Instant.parse("2026-11-25T03:00:00Z");
        var volume = new ReservationKey.AuctionVolume(1);
        var bid = new ReservationKey.AuctionBid(7);
        book.settle(BUYER, RiskBook.CASH, 10_000_000);
        book.settle(SELLER, "CEA-2025", 1_000);
        assertThat(book.reserve(volume, TradeMode.AUCTION, SELLER, CEA, Side.SELL, 9_000, 1_000, TODAY)).isEmpty();
        assertThat(book.reserve(bid, TradeMode.AUCTION, BUYER, CEA, Side.BUY, 9_500, 1_000, TODAY)).isEmpty();
        assertThat(book.reserve(new ReservationKey.AuctionBid(8), TradeMode.AUCTION, BUYER, CEA, Side.BUY, 9_500,
                1_000, TODAY)).map(Refusal::code).contains("INSUFFICIENT_CASH");

        var trade = book.pricing().trade("CEA-2025-AUCTION-1-7", TradeMode.AUCTION, CEA, BUYER, SELLER, 600, 9_200,
                at);
        book.fill(trade, bid, volume, TODAY);
        book.releaseReservation(bid);
        book.releaseReservation(volume);

        assertThat(balance(BUYER, "CNY").reserved()).isZero();
        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(10_000_000 - 600 * 9_200 - trade.buyerFeeFen());
        assertThat(balance(SELLER, "CEA-2025").reserved()).isZero();
        assertThat(balance(SELLER, "CEA-2025").balance()).isEqualTo(400);
    }

    @Test
    void anOrderAndAnAuctionOfTheSameNumberReserveApart() {
        book.settle(SELLER, "CEA-2025", 1_000);
        assertThat(book.reserve(new ReservationKey.AuctionVolume(1), TradeMode.AUCTION, SELLER, CEA, Side.SELL,
                9_000, 600, TODAY)).isEmpty();
        assertThat(book.reserve(1, SELLER, CEA, Side.SELL, 10_000, 400, TODAY)).isEmpty();

        book.orderOpen(1, 0);

        assertThat(balance(SELLER, "CEA-2025").reserved()).as("the auction's volume stays reserved").isEqualTo(600);
        book.releaseReservation(new ReservationKey.AuctionVolume(1));
        assertThat(balance(SELLER, "CEA-2025").reserved()).isZero();
    }

    @Test
    void insufficientCashOrUnitsRefusesAndReservesNothing() {
        book.settle(BUYER, RiskBook.CASH, 1_009_999);
        assertThat(book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 100, TODAY)).map(Refusal::code)
                .contains("INSUFFICIENT_CASH");
        assertThat(book.reserve(2, SELLER, CEA, Side.SELL, 10_000, 1, TODAY)).map(Refusal::code)
                .contains("INSUFFICIENT_UNITS");
        assertThat(book.positions()).allMatch(p -> p.reserved() == 0);
    }

    @Test
    void unitsBoughtTodaySellFromTheNextDayButProceedsBuyAtOnce() {
        book.settle(BUYER, RiskBook.CASH, 10_000_000);
        book.settle(SELLER, "CEA-2025", 100);
        book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 100, TODAY);
        book.reserve(2, SELLER, CEA, Side.SELL, 10_000, 100, TODAY);
        book.fill(fill("CEA-2025-1", 1, 2, 10_000, 100), TODAY);

        assertThat(book.reserve(3, BUYER, CEA, Side.SELL, 10_000, 1, TODAY)).map(Refusal::code)
                .contains("T_PLUS_ONE");
        assertThat(book.reserve(3, BUYER, CEA, Side.SELL, 10_000, 100, TODAY.plusDays(1))).isEmpty();
        assertThat(book.reserve(4, SELLER, CEA, Side.BUY, 9_000, 100, TODAY)).isEmpty();
        // The same proceeds are not withdrawable today.
        assertThat(book.withdrawals().hold(new WithdrawalHold("h1", SELLER, "CNY", 1, "WITHDRAWAL:1"), TODAY))
                .map(Refusal::code).contains("INSUFFICIENT_CASH");
    }

    @Test
    void aFridaysProceedsAndUnitsAreNotUsableOverTheWeekendButFromMonday() {
        LocalDate friday = LocalDate.parse("2026-11-27");
        LocalDate monday = LocalDate.parse("2026-11-30");
        long proceeds = blockTradeOf100Tonnes(friday, Instant.parse("2026-11-27T06:00:00Z"));

        for (LocalDate day : List.of(friday, friday.plusDays(1), friday.plusDays(2))) {
            assertThat(balance(SELLER, RiskBook.CASH, day).withdrawable()).as("proceeds on %s", day).isZero();
            assertThat(balance(BUYER, "CEA-2025", day).withdrawable()).as("units on %s", day).isZero();
        }
        WithdrawalHold hold = new WithdrawalHold("h1", SELLER, RiskBook.CASH, proceeds, "WITHDRAWAL:1");
        assertThat(book.withdrawals().hold(hold, friday.plusDays(1))).map(Refusal::code)
                .contains("INSUFFICIENT_CASH");
        assertThat(book.reserve(1, BUYER, CEA, Side.SELL, 10_000, 1, friday.plusDays(2))).map(Refusal::code)
                .contains("T_PLUS_ONE");

        assertThat(balance(SELLER, RiskBook.CASH, monday).withdrawable()).isEqualTo(proceeds);
        assertThat(balance(BUYER, "CEA-2025", monday).withdrawable()).isEqualTo(100);
        assertThat(book.withdrawals().hold(hold, monday)).isEmpty();
        assertThat(book.reserve(1, BUYER, CEA, Side.SELL, 10_000, 100, monday)).isEmpty();
    }

    @Test
    void whatTheLastTradingDayBeforeTheNationalDayWeekBroughtInIsUsableWhenTradingResumes() {
        LocalDate lastBefore = LocalDate.parse("2026-09-30");
        LocalDate resumes = LocalDate.parse("2026-10-08");
        long proceeds = blockTradeOf100Tonnes(lastBefore, Instant.parse("2026-09-30T06:00:00Z"));

        lastBefore.datesUntil(resumes).forEach(day -> {
            assertThat(balance(SELLER, RiskBook.CASH, day).withdrawable()).as("proceeds on %s", day).isZero();
            assertThat(balance(BUYER, "CEA-2025", day).withdrawable()).as("units on %s", day).isZero();
        });
        assertThat(balance(SELLER, RiskBook.CASH, resumes).withdrawable()).isEqualTo(proceeds);
        assertThat(balance(BUYER, "CEA-2025", resumes).withdrawable()).isEqualTo(100);
    }

    /** The seller, with no cash, sells its 100 t to the buyer on {@code day}: the seller's proceeds. */
    private long blockTradeOf100Tonnes(LocalDate day, Instant at) {
        book.settle(BUYER, RiskBook.CASH, 10_000_000);
        book.settle(SELLER, "CEA-2025", 100);
        var trade = book.pricing().trade("CEA-2025-BLOCK-1", TradeMode.BLOCK, CEA, BUYER, SELLER, 100, 10_000, at);
        assertThat(book.execute(trade, day)).isInstanceOf(Execution.Booked.class);
        return 100 * 10_000 - trade.sellerFeeFen();
    }

    @Test
    void desksOfDifferentInstrumentsReservingAtOnceNeverReserveMoreThanTheCash() throws Exception {
        long cash = 10_000_000;
        book.settle(BUYER, RiskBook.CASH, cash);
        List<InstrumentCode> instruments = List.of(CEA, InstrumentCode.parse("CEA-2024"),
                InstrumentCode.parse("CEA-2026"), InstrumentCode.parse("CCER-2025"));
        ExecutorService desks = Executors.newFixedThreadPool(instruments.size());
        AtomicLong accepted = new AtomicLong();
        List<Future<?>> runs = new ArrayList<>();
        for (int d = 0; d < instruments.size(); d++) {
            InstrumentCode instrument = instruments.get(d);
            long firstId = d * 1_000L;
            runs.add(desks.submit(() -> {
                for (long id = firstId; id < firstId + 500; id++) {
                    if (book.reserve(id, BUYER, instrument, Side.BUY, 9_900, 1, TODAY).isEmpty()) {
                        accepted.addAndGet(10_000);
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        desks.shutdown();

        assertThat(accepted.get()).isEqualTo(cash);
        assertThat(balance(BUYER, "CNY").reserved()).isEqualTo(cash);
        assertThat(balance(BUYER, "CNY").free()).isZero();
    }

    @Test
    void theHoldingAndOpenBuysMayNotPassThePositionLimit() {
        book.settle(BUYER, RiskBook.CASH, Long.MAX_VALUE / 4);
        book.settle(BUYER, "CEA-2025", RULES.positionLimit() - 150);
        assertThat(book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 100, TODAY)).isEmpty();
        assertThat(book.reserve(2, BUYER, CEA, Side.BUY, 10_000, 51, TODAY)).map(Refusal::code)
                .contains("POSITION_LIMIT");
        assertThat(book.reserve(2, BUYER, CEA, Side.BUY, 10_000, 50, TODAY)).isEmpty();
    }

    @Test
    void settlementsReportReplacesTheBalanceAndEndsTheTradesPendingChange() {
        book.settle(BUYER, RiskBook.CASH, 2_000_000);
        book.settle(SELLER, "CEA-2025", 100);
        book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 100, TODAY);
        book.reserve(2, SELLER, CEA, Side.SELL, 10_000, 100, TODAY);
        book.fill(fill("CEA-2025-7", 1, 2, 10_000, 100), TODAY);
        long expected = balance(BUYER, "CNY").balance();

        book.reported(BUYER, List.of("TRADE:CEA-2025-7"), Map.of("CNY", expected, "CEA-2025", 100L));

        assertThat(balance(BUYER, "CNY").balance()).isEqualTo(expected);
        assertThat(balance(BUYER, "CEA-2025").balance()).isEqualTo(100);
    }

    @Test
    void oneReportOfAClearedBatchEndsEveryTradeItIncludesButNotTheOthers() {
        book.settle(BUYER, RiskBook.CASH, 3_000_000);
        book.settle(SELLER, "CEA-2025", 300);
        book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 300, TODAY);
        book.reserve(2, SELLER, CEA, Side.SELL, 10_000, 300, TODAY);
        book.fill(fill("CEA-2025-7", 1, 2, 10_000, 100), TODAY);
        book.fill(fill("CEA-2025-8", 1, 2, 10_000, 100), TODAY);
        long afterTwo = balance(BUYER, "CEA-2025").balance();
        book.fill(fill("CEA-2025-9", 1, 2, 10_000, 100), TODAY);

        // Settlement cleared the first two in one batch: its balance includes both, the third is still trading's.
        book.reported(BUYER, List.of("TRADE:CEA-2025-7", "TRADE:CEA-2025-8"), Map.of("CEA-2025", afterTwo));

        assertThat(balance(BUYER, "CEA-2025").balance()).isEqualTo(afterTwo + 100);
    }

    @Test
    void aHoldTakesOnlyWhatOrdersDoNotReserveAndEndsWithItsLedgerEntry() {
        book.settle(BUYER, RiskBook.CASH, 1_010_000);
        book.reserve(1, BUYER, CEA, Side.BUY, 10_000, 50, TODAY);
        WithdrawalHold tooMuch = new WithdrawalHold("h1", BUYER, "CNY", 505_001, "WITHDRAWAL:1");
        assertThat(book.withdrawals().hold(tooMuch, TODAY)).map(Refusal::code).contains("INSUFFICIENT_CASH");
        WithdrawalHold hold = new WithdrawalHold("h1", BUYER, "CNY", 505_000, "WITHDRAWAL:1");
        assertThat(book.withdrawals().hold(hold, TODAY)).isEmpty();
        assertThat(book.withdrawals().hold(hold, TODAY)).as("the same hold again").isEmpty();
        assertThat(balance(BUYER, "CNY").held()).isEqualTo(505_000);
        assertThat(book.withdrawals().hold(new WithdrawalHold("h1", BUYER, "CNY", 1, "WITHDRAWAL:1"), TODAY))
                .map(Refusal::code).contains("HOLD_ID_REUSED");
        assertThat(book.reserve(2, BUYER, CEA, Side.BUY, 10_000, 1, TODAY)).map(Refusal::code)
                .contains("INSUFFICIENT_CASH");

        book.reported(BUYER, List.of("WITHDRAWAL:1"), Map.of("CNY", 505_000L));

        assertThat(book.withdrawals().holdOf("h1")).isEqualTo(Optional.empty());
        assertThat(balance(BUYER, "CNY").held()).isZero();
        assertThat(balance(BUYER, "CNY").free()).isZero();
    }
}
