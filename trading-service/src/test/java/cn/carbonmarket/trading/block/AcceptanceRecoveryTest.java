package cn.carbonmarket.trading.block;

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
import cn.carbonmarket.trading.risk.PreTradeRisk;
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
 * The crash gap of block trades: an acceptance commits the offer's state, and its trade is recorded after that
 * commit. A stop in between must not lose the trade: the next start records it, once.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
class AcceptanceRecoveryTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** 13:30 in Shanghai. */
    private static final Instant BLOCK_SESSION = Instant.parse("2026-11-25T05:30:00Z");
    private static final long TONNES = 100_000;
    private static final long PRICE = 10_000;
    /** 0.05% of the trade's value, each side (the rule pack's block fee). */
    private static final long FEE = 500_000;

    @Inject
    Clock clock;
    @Inject
    Restart restart;

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
    void anAcceptanceCommittedWithoutItsTradeIsRecordedOnceAtTheNextStartWithItsFeesAndBalances() {
        long offer = post(DemoUser.ENTITY_1, "/api/v1/block-offers", Map.of("instrument", "CEA-2026", "side", "SELL",
                "quantity", TONNES, "priceFen", PRICE, "addressee", DemoUser.ENTITY_2.partyId()))
                .statusCode(201).extract().jsonPath().getLong("offerId");
        String tradeId = "CEA-2026-BLOCK-" + offer;
        // What a stop right after the acceptance's commit leaves: the offer accepted, its trade nowhere.
        database.update("update block_offer set state = 'ACCEPTED', accepted_by = ?::uuid, closed_at = ?,"
                + " trade_id = ? where id = ?", DemoUser.ENTITY_2.partyId(), BLOCK_SESSION.atOffset(ZoneOffset.UTC),
                tradeId, offer);
        assertThat(recorded(tradeId)).isZero();

        PreTradeRisk restarted = restart.recovered();

        assertThat(database.count("select count(*) from trade where trade_id = ? and mode = 'BLOCK'"
                        + " and buyer_party_id = ?::uuid and seller_party_id = ?::uuid and quantity = ?"
                        + " and price_fen = ? and buyer_fee_fen = ? and seller_fee_fen = ? and executed_at = ?",
                tradeId, DemoUser.ENTITY_2.partyId(), DemoUser.ENTITY_1.partyId(), TONNES, PRICE, FEE, FEE,
                BLOCK_SESSION.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(published(tradeId)).isEqualTo(1);
        String event = new KafkaTopic("trading.trades").await(r -> r.value().contains("\"tradeId\":\"" + tradeId
                + "\"") && r.value().contains("\"executedAt\":\"" + BLOCK_SESSION + "\""), Duration.ofSeconds(30))
                .value();
        assertThat(event).contains("\"mode\":\"BLOCK\"", "\"quantity\":100000", "\"priceFen\":10000",
                "\"buyerFeeFen\":500000", "\"sellerFeeFen\":500000");

        long value = TONNES * PRICE;
        AssetBalance buyerCash = asset(restarted, DemoUser.ENTITY_2, RiskBook.CASH);
        assertThat(buyerCash.balance()).isEqualTo(Funding.PLENTY_OF_CASH - value - FEE);
        AssetBalance bought = asset(restarted, DemoUser.ENTITY_2, "CEA-2026");
        assertThat(bought.balance()).isEqualTo(Funding.PLENTY_OF_UNITS + TONNES);
        assertThat(bought.free() - bought.withdrawable()).as("units bought today are sellable tomorrow, restart"
                + " or not").isGreaterThanOrEqualTo(TONNES);
        assertThat(asset(restarted, DemoUser.ENTITY_1, RiskBook.CASH).balance())
                .isEqualTo(Funding.PLENTY_OF_CASH + value - FEE);
        assertThat(asset(restarted, DemoUser.ENTITY_1, "CEA-2026").balance())
                .isEqualTo(Funding.PLENTY_OF_UNITS - TONNES);

        restart.recovered();
        assertThat(recorded(tradeId)).as("a second start finds it recorded").isEqualTo(1);
        assertThat(published(tradeId)).isEqualTo(1);
    }

    @Test
    void unitsOfABlockTradeRecordedBeforeARestartStaySellableOnlyFromTheNextDay() {
        long offer = post(DemoUser.ENTITY_2, "/api/v1/block-offers", Map.of("instrument", "CCER-2025", "side", "SELL",
                "quantity", TONNES, "priceFen", 8_000L, "addressee", DemoUser.INVESTOR_1.partyId()))
                .statusCode(201).extract().jsonPath().getLong("offerId");
        post(DemoUser.INVESTOR_1, "/api/v1/block-offers/" + offer + "/acceptance").statusCode(200);

        AssetBalance bought = asset(restart.recovered(), DemoUser.INVESTOR_1, "CCER-2025");

        assertThat(bought.balance()).isEqualTo(Funding.PLENTY_OF_UNITS + TONNES);
        assertThat(bought.free() - bought.withdrawable()).as("the block's units arrived today")
                .isGreaterThanOrEqualTo(TONNES);
    }

    @Test
    void aRefusedAcceptanceLeavesNothingForRecoveryToFind() {
        long offer = post(DemoUser.ENTITY_1, "/api/v1/block-offers", Map.of("instrument", "CEA-2026", "side", "SELL",
                "quantity", TONNES, "priceFen", PRICE, "addressee", DemoUser.INDIVIDUAL_1.partyId()))
                .statusCode(201).extract().jsonPath().getLong("offerId");
        Funding.cash(DemoUser.INDIVIDUAL_1, TONNES * PRICE);
        post(DemoUser.INDIVIDUAL_1, "/api/v1/block-offers/" + offer + "/acceptance").statusCode(422)
                .body("code", equalTo("INSUFFICIENT_CASH"));

        restart.recovered();

        assertThat(recorded("CEA-2026-BLOCK-" + offer)).isZero();
        assertThat(database.count("select count(*) from block_offer where id = ? and state = 'OPEN'", offer))
                .isEqualTo(1);
    }

    private long recorded(String tradeId) {
        return database.count("select count(*) from trade where trade_id = ?", tradeId);
    }

    private long published(String tradeId) {
        return database.count("select count(*) from outbox_event where event_type = 'TradeExecuted'"
                + " and envelope like ?", "%\"tradeId\":\"" + tradeId + "\"%");
    }

    private static AssetBalance asset(PreTradeRisk risk, DemoUser user, String asset) {
        return risk.balances(PartyId.parse(user.partyId())).stream().filter(b -> b.asset().equals(asset))
                .findFirst().orElseThrow();
    }
}
