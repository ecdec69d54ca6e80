package cn.carbonmarket.trading.block;

import static cn.carbonmarket.trading.block.Calls.balance;
import static cn.carbonmarket.trading.block.Calls.get;
import static cn.carbonmarket.trading.block.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.AssetBalance;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.risk.Restart;
import cn.carbonmarket.trading.risk.RiskBook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A block acceptance and its trade commit together: there is no accepted offer without its trade, balance changes
 * and {@code TradeExecuted}, whatever fails in between, and a restart finds the trade's effects as they were.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class AcceptanceCommitTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** 13:30 in Shanghai. */
    private static final Instant BLOCK_SESSION = Instant.parse("2026-11-25T05:30:00Z");
    private static final String OFFERS = "/api/v1/block-offers";
    private static final long TONNES = 100_000;
    private static final long PRICE = 10_000;
    /** 0.05% of the trade's value, each side (the rule pack's block fee). */
    private static final long FEE = 500_000;

    @Inject
    Clock clock;
    @Inject
    Restart restart;
    @Inject
    RecordedTrades trades;

    private final Database database = new Database("trading");

    @BeforeEach
    void inTheBlockSessionWithFundedTraders() {
        ((ManualClock) clock).set(BLOCK_SESSION);
        Funding.everyone();
    }

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    @Test
    void anAcceptanceWhoseTradeCannotBeRecordedChangesNothingAndTheNextOneRecordsItOnce() {
        long offer = posted(DemoUser.ENTITY_1, "CEA-2026", PRICE, DemoUser.ENTITY_2);
        String tradeId = "CEA-2026-BLOCK-" + offer;
        long buyerCash = balance(DemoUser.ENTITY_2, RiskBook.CASH, "balance");
        long sellerCash = balance(DemoUser.ENTITY_1, RiskBook.CASH, "balance");

        // The database refuses this trade's row, as a lost connection or a full disk would mid-acceptance.
        database.update("create or replace function refuse_trade() returns trigger language plpgsql as"
                + " $$ begin raise exception 'trade % refused by the test', new.trade_id; end $$");
        database.update("create trigger refuse_trade before insert on trade for each row when (new.trade_id = '"
                + tradeId + "') execute function refuse_trade()");
        try {
            post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(500);
        } finally {
            database.update("drop trigger refuse_trade on trade");
            database.update("drop function refuse_trade()");
        }

        get(DemoUser.ENTITY_1, OFFERS + "/" + offer).statusCode(200).body("state", equalTo("OPEN"))
                .body("tradeId", equalTo(null));
        assertThat(recorded(tradeId)).isZero();
        assertThat(published(tradeId)).isZero();
        assertThat(trades.withIdStartingWith(tradeId)).isEmpty();
        assertThat(balance(DemoUser.ENTITY_2, RiskBook.CASH, "balance")).isEqualTo(buyerCash);
        assertThat(balance(DemoUser.ENTITY_2, "CEA-2026", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS);
        assertThat(balance(DemoUser.ENTITY_1, "CEA-2026", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS);

        post(DemoUser.ENTITY_2, OFFERS + "/" + offer + "/acceptance").statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("tradeId", equalTo(tradeId));

        assertThat(database.count("select count(*) from trade where trade_id = ? and mode = 'BLOCK'"
                        + " and buyer_party_id = ?::uuid and seller_party_id = ?::uuid and quantity = ?"
                        + " and price_fen = ? and buyer_fee_fen = ? and seller_fee_fen = ? and executed_at = ?",
                tradeId, DemoUser.ENTITY_2.partyId(), DemoUser.ENTITY_1.partyId(), TONNES, PRICE, FEE, FEE,
                BLOCK_SESSION.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(published(tradeId)).isEqualTo(1);
        assertThat(trades.withIdStartingWith(tradeId)).hasSize(1);
        String event = new KafkaTopic("trading.trades").await(r -> r.value().contains("\"tradeId\":\"" + tradeId
                + "\"") && r.value().contains("\"executedAt\":\"" + BLOCK_SESSION + "\""), Duration.ofSeconds(30))
                .value();
        assertThat(event).contains("\"mode\":\"BLOCK\"", "\"quantity\":100000", "\"priceFen\":10000",
                "\"buyerFeeFen\":500000", "\"sellerFeeFen\":500000");
        long value = TONNES * PRICE;
        assertThat(balance(DemoUser.ENTITY_2, RiskBook.CASH, "balance")).isEqualTo(buyerCash - value - FEE);
        assertThat(balance(DemoUser.ENTITY_2, "CEA-2026", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS + TONNES);
        assertThat(balance(DemoUser.ENTITY_1, RiskBook.CASH, "balance")).isEqualTo(sellerCash + value - FEE);
        assertThat(balance(DemoUser.ENTITY_1, "CEA-2026", "balance")).isEqualTo(Funding.PLENTY_OF_UNITS - TONNES);
    }

    @Test
    void unitsOfABlockTradeStaySellableOnlyFromTheNextDayAcrossARestart() {
        long offer = posted(DemoUser.ENTITY_2, "CCER-2025", 8_000, DemoUser.INVESTOR_1);
        post(DemoUser.INVESTOR_1, OFFERS + "/" + offer + "/acceptance").statusCode(200);

        AssetBalance bought = restart.recovered().balances(PartyId.parse(DemoUser.INVESTOR_1.partyId())).stream()
                .filter(b -> b.asset().equals("CCER-2025")).findFirst().orElseThrow();

        assertThat(bought.balance()).isEqualTo(Funding.PLENTY_OF_UNITS + TONNES);
        assertThat(bought.free() - bought.withdrawable()).as("the block's units arrived today")
                .isGreaterThanOrEqualTo(TONNES);
    }

    private static long posted(DemoUser seller, String instrument, long price, DemoUser buyer) {
        return post(seller, OFFERS, Map.of("instrument", instrument, "side", "SELL", "quantity", TONNES,
                "priceFen", price, "addressee", buyer.partyId())).statusCode(201).extract().jsonPath()
                .getLong("offerId");
    }

    private long recorded(String tradeId) {
        return database.count("select count(*) from trade where trade_id = ?", tradeId);
    }

    private long published(String tradeId) {
        return database.count("select count(*) from outbox_event where event_type = 'TradeExecuted'"
                + " and envelope like ?", "%\"tradeId\":\"" + tradeId + "\"%");
    }
}
