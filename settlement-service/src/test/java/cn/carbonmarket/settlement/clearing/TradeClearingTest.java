package cn.carbonmarket.settlement.clearing;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.settlement.SettlementFixtures.cash;
import static cn.carbonmarket.settlement.SettlementFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trades from real Kafka events: DvP with fees, once per trade id, T+1 on the proceeds, breaks kept aside. */
@QuarkusTest
class TradeClearingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoUser BUYER = DemoUser.ENTITY_1;
    private static final DemoUser SELLER = DemoUser.INVESTOR_1;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void partiesHoldCashAndUnits() {
        SettlementFixtures.admitted(BUYER);
        SettlementFixtures.admitted(SELLER);
        SettlementFixtures.funded(BUYER, 10_000_000);
        TradeEvents.unitsIntoTrading(SELLER.partyId(), 1_000);
    }

    private static String tradeId() {
        return "T-" + UUID.randomUUID();
    }

    /**
     * A batch locks its entries by an array of up to thousands of ids: a plan cached while the journal was empty
     * (never analyzed) scanned the whole journal for it, seconds a batch at 200,000 entries. And the pages a batch
     * writes out go to the disk as they are written, not in one burst half a minute later that stalls commits.
     */
    @Test
    void theLedgersConnectionsPlanForTheirArgumentsAndWriteBackAsTheyGo() {
        assertThat(setting("plan_cache_mode")).isEqualTo("force_custom_plan");
        assertThat(setting("backend_flush_after")).isEqualTo("256kB");
    }

    private String setting(String name) {
        return pool.query("show " + name).execute().map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aTradeIsClearedOnceHoweverOftenItArrives() throws Exception {
        long buyerCash = cash(BUYER, "available");
        long sellerCash = cash(SELLER, "available");
        long buyerUnits = units(BUYER);
        long sellerUnits = units(SELLER);
        // 100 t at CNY 58.03: CNY 5,803.00, a fee of 6 bp (348.18 fen, 348) per side.
        TradeEvents.Sent trade = TradeEvents.trade(tradeId(), BUYER.partyId(), SELLER.partyId(), 100, 5_803, 348,
                348, "CONTINUOUS");
        TradeEvents.publish(trade);
        TradeEvents.publish(trade);
        TradeEvents.publish(TradeEvents.trade(trade.tradeId(), BUYER.partyId(), SELLER.partyId(), 100, 5_803, 348,
                348, "CONTINUOUS"));
        // One instrument's trades share a partition: once the marker is cleared, the copies before it were read.
        TradeEvents.Sent marker = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(),
                SELLER.partyId(), 1, 5_803, 100, 100, "CONTINUOUS"));
        TradeEvents.awaitCleared(marker.tradeId());

        assertThat(DB.count("select count(*) from journal_entry where id = ?", "TRADE:" + trade.tradeId()))
                .isEqualTo(1);
        assertThat(DB.count("select count(*) from cleared_trade where trade_id = ? and value_fen = 580300"
                + " and buyer_fee_fen = 348 and seller_fee_fen = 348", trade.tradeId())).isEqualTo(1);
        assertThat(DB.count("select count(*) from processed_event where consumer = ? and event_id = ?::uuid",
                TradeClearing.CONSUMER, trade.eventId())).isEqualTo(1);
        assertThat(cash(BUYER, "available")).isEqualTo(buyerCash - 580_300 - 348 - 5_803 - 100);
        assertThat(cash(SELLER, "available")).isEqualTo(sellerCash + 580_300 - 348 + 5_803 - 100);
        assertThat(units(BUYER)).isEqualTo(buyerUnits + 101);
        assertThat(units(SELLER)).isEqualTo(sellerUnits - 101);

        KafkaTopic ledger = new KafkaTopic("settlement.ledger");
        for (DemoUser party : new DemoUser[] {BUYER, SELLER}) {
            // One event per party and clearing batch: the trade's, or the marker's when both cleared together.
            JsonNode event = JSON.readTree(ledger.await(r -> (r.value().contains("TRADE:" + trade.tradeId())
                    || r.value().contains("TRADE:" + marker.tradeId())) && party.partyId().equals(r.key()),
                    Duration.ofSeconds(30)).value());
            assertThat(event.at("/payload/entryType").asText()).isEqualTo("TRADE");
            assertThat(event.at("/payload/balances").findValuesAsText("account")).contains("CASH_AVAILABLE", "UNITS");
        }
    }

    @Test
    void feesOtherThanThePublishedScheduleAreChargedByTheScheduleAndCounted() {
        double before = meters.counter("settlement.fee.mismatches").count();
        // 100 t at CNY 58.03: the published schedule charges 348 fen a side; the event claims 1 and 2.
        long fee = FeeSchedule.published().fee(TradeMode.CONTINUOUS, Side.BUY, 580_300);
        TradeEvents.Sent trade = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(), SELLER.partyId(),
                100, 5_803, 1, 2, "CONTINUOUS"));
        TradeEvents.awaitCleared(trade.tradeId());

        assertThat(fee).isEqualTo(348);
        assertThat(DB.count("select count(*) from cleared_trade where trade_id = ? and buyer_fee_fen = ?"
                + " and seller_fee_fen = ?", trade.tradeId(), fee, fee)).isEqualTo(1);
        assertThat(meters.counter("settlement.fee.mismatches").count()).isEqualTo(before + 1);
    }

    @Test
    void saleProceedsAreUsableTodayButWithdrawableOnlyFromTheNextDay() {
        long withdrawableBefore = cash(SELLER, "withdrawable");
        TradeEvents.Sent trade = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(), SELLER.partyId(),
                10, 6_000, 100, 100, "CONTINUOUS"));
        TradeEvents.awaitCleared(trade.tradeId());

        long available = cash(SELLER, "available");
        long withdrawable = cash(SELLER, "withdrawable");
        assertThat(withdrawable).isEqualTo(withdrawableBefore);
        assertThat(available - withdrawable).isGreaterThanOrEqualTo(60_000 - 100);
        SettlementFixtures.withdraw(SELLER, "w-" + UUID.randomUUID(), SELLER.partyId(), withdrawable + 1)
                .statusCode(422).body("code", equalTo("NOT_WITHDRAWABLE"));
        // The same proceeds still pay for a purchase today: all of the seller's cash, less the 5 bp block fee.
        TradeEvents.unitsIntoTrading(BUYER.partyId(), 1);
        long price = Math.min(available - 100, available * 10_000 / 10_010);
        TradeEvents.Sent purchase = TradeEvents.publish(TradeEvents.trade(tradeId(), SELLER.partyId(),
                BUYER.partyId(), 1, price, 0, 0, "BLOCK"));
        TradeEvents.awaitCleared(purchase.tradeId());
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ?", purchase.tradeId())).isZero();
    }

    @Test
    void aTradeThePartiesCannotCoverIsKeptAsABreakAndTheNextOneClears() {
        long buyerCash = cash(BUYER, "available");
        long sellerUnits = units(SELLER);
        TradeEvents.Sent tooDear = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(),
                SELLER.partyId(), 1, buyerCash + 1, 0, 0, "CONTINUOUS"));
        TradeEvents.Sent tooMany = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(),
                SELLER.partyId(), sellerUnits + 1, 1, 0, 0, "CONTINUOUS"));
        TradeEvents.Sent selfTrade = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(),
                BUYER.partyId(), 1, 1, 0, 0, "CONTINUOUS"));
        TradeEvents.Sent next = TradeEvents.publish(TradeEvents.trade(tradeId(), BUYER.partyId(), SELLER.partyId(),
                1, 5_000, 100, 100, "CONTINUOUS"));
        TradeEvents.awaitCleared(next.tradeId());

        await().atMost(Duration.ofSeconds(10)).until(() -> DB.count("select count(*) from clearing_break"
                + " where trade_id in (?, ?, ?)", tooDear.tradeId(), tooMany.tradeId(), selfTrade.tradeId()) == 3);
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ? and code = 'INSUFFICIENT_FUNDS'",
                tooDear.tradeId())).isEqualTo(1);
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ? and code = 'INSUFFICIENT_UNITS'",
                tooMany.tradeId())).isEqualTo(1);
        assertThat(DB.count("select count(*) from clearing_break where trade_id = ? and code = 'SELF_TRADE'",
                selfTrade.tradeId())).isEqualTo(1);
        assertThat(DB.count("select count(*) from journal_entry where id in (?, ?, ?)", "TRADE:" + tooDear.tradeId(),
                "TRADE:" + tooMany.tradeId(), "TRADE:" + selfTrade.tradeId())).isZero();
        assertThat(cash(BUYER, "available")).isEqualTo(buyerCash - 5_000 - 100);
    }
}
