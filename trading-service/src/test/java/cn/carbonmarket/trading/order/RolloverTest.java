package cn.carbonmarket.trading.order;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.trading.order.Orders.get;
import static cn.carbonmarket.trading.order.Orders.limit;
import static cn.carbonmarket.trading.order.Orders.place;
import static cn.carbonmarket.trading.order.Orders.placed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.RiskPosition;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.engine.DayClose;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.journal.JournalReader;
import cn.carbonmarket.trading.risk.Funding;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.risk.Restart;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trading day ends and the next one starts on the market clock: Wednesday's VWAP close draws Thursday's band,
 * open orders expire and free their reservations, Wednesday's purchases become sellable, market data closes the day
 * at the same price, and a restart replays only what came after the end-of-day snapshot.
 */
@QuarkusTest
@TestProfile(RollingDays.class)
@QuarkusTestResource(EmptyJournal.class)
class RolloverTest {

    private static final String CEA = "CEA-2024";
    private static final InstrumentCode CODE = InstrumentCode.parse(CEA);
    /** Wednesday 10:00 in Shanghai: the morning session. */
    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    /** Wednesday 15:00 in Shanghai: the day's last session has just closed. */
    private static final Instant CLOSE = Instant.parse("2026-11-25T07:00:00Z");
    /** Thursday 10:00 in Shanghai. */
    private static final Instant THURSDAY = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Clock clock;
    @Inject
    ExchangeRecovery recovery;
    @Inject
    ExchangeQueries books;
    @Inject
    DayRollover rollover;
    @Inject
    PreTradeRisk risk;
    @Inject
    Restart restart;
    @Inject
    JournalReader reader;

    @Test
    void thursdayTradesAroundWednesdaysCloseWithWednesdaysOrdersGone() {
        ((ManualClock) clock).set(MORNING);
        Funding.everyone();
        Funding.units(DemoUser.INVESTOR_1, CEA, 0);
        // Wednesday: 10 t at 90.00 and 30 t at 91.00 CNY.
        placed(DemoUser.ENTITY_1, limit(CEA, "SELL", 9_000, 10));
        placed(DemoUser.INVESTOR_1, limit(CEA, "BUY", 9_000, 10));
        placed(DemoUser.ENTITY_1, limit(CEA, "SELL", 9_100, 30));
        placed(DemoUser.INVESTOR_1, limit(CEA, "BUY", 9_100, 30));
        long cashReserved = number(DemoUser.ENTITY_2, "CNY", "reserved");
        long unitsReserved = number(DemoUser.ENTITY_1, CEA, "reserved");
        Map<String, Object> wednesdaysBuy = limit(CEA, "BUY", 8_500, 100);
        long restingBuy = placed(DemoUser.ENTITY_2, wednesdaysBuy);
        placed(DemoUser.ENTITY_1, limit(CEA, "SELL", 9_800, 50));
        assertThat(number(DemoUser.ENTITY_2, "CNY", "reserved")).isGreaterThan(cashReserved);
        place(DemoUser.INVESTOR_1, limit(CEA, "SELL", 9_100, 10)).statusCode(422)
                .body("code", equalTo("T_PLUS_ONE"));
        long wednesdaysRecords = recovery.rebuildFromJournal().records();
        ((ManualClock) clock).set(CLOSE.minusSeconds(1));
        assertThat(rollover.rollOver().join()).as("nothing is due before the close").isEmpty();

        // Thursday's first order in the instrument rolls its day first, on its desk.
        ((ManualClock) clock).set(THURSDAY);
        long close = 9_075; // (10 x 9,000 + 30 x 9,100) / 40
        long lowest = halfUp(close * 9_000);
        long highest = halfUp(close * 11_000);
        place(DemoUser.ENTITY_2, limit(CEA, "BUY", lowest - 1, 10)).statusCode(422)
                .body("code", equalTo("PRICE_BELOW_BAND"));
        place(DemoUser.ENTITY_1, limit(CEA, "SELL", highest + 1, 10)).statusCode(422)
                .body("code", equalTo("PRICE_ABOVE_BAND"));
        placed(DemoUser.ENTITY_2, limit(CEA, "BUY", lowest, 10));
        placed(DemoUser.ENTITY_1, limit(CEA, "SELL", highest, 10));
        get(DemoUser.ENTITY_2, "/api/v1/instruments/" + CEA + "/depth").statusCode(200)
                .body("previousClose", equalTo((int) close));

        // Wednesday's open orders expired: their reservations are free again and they are no longer found.
        long thursdaysBuy = risk.book().pricing().buyPerTonne(lowest) * 10;
        assertThat(number(DemoUser.ENTITY_2, "CNY", "reserved")).isEqualTo(cashReserved + thursdaysBuy);
        assertThat(number(DemoUser.ENTITY_1, CEA, "reserved")).isEqualTo(unitsReserved + 10);
        get(DemoUser.ENTITY_2, "/api/v1/orders/" + restingBuy).statusCode(404);
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("market_trading_expired_orders_total{instrument=\"" + CEA + "\"} 2.0");
        assertThat(books.orders(PartyId.parse(DemoUser.ENTITY_2.partyId())).await().indefinitely())
                .noneMatch(order -> order.orderId() == restingBuy);

        // A client order id is the trading day's: Wednesday's may name a new order on Thursday.
        assertThat(place(DemoUser.ENTITY_2, wednesdaysBuy).statusCode(201).extract().jsonPath().getLong("orderId"))
                .isNotEqualTo(restingBuy);
        var endOfDay = new KafkaTopic("trading.orders").await(r -> CEA.equals(r.key()) // epoch marks have no key
                && r.value().contains("\"type\":\"END_OF_DAY\""), PATIENCE);
        assertThat(endOfDay.value()).contains("\"closes\":\"2026-11-25\"", "\"opens\":\"2026-11-26\"");

        // T+1: what INVESTOR_1 bought on Wednesday can be sold on Thursday.
        placed(DemoUser.INVESTOR_1, limit(CEA, "SELL", 9_500, 40));

        // The scheduled check rolls the other instruments, pilots' too; the rolled one has nothing more due.
        int listed = books.instruments().size();
        List<DayClose> others = rollover.rollOver().join();
        assertThat(others).extracting(DayClose::instrument).doesNotContain(CODE).hasSize(listed - 1);
        assertThat(rollover.rollOver().join()).isEmpty();

        // Market data closes Wednesday at the price the engine draws Thursday's band around.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(DemoUser.OPERATOR,
                "/api/v1/instruments/" + CEA + "/statistics?date=2026-11-25").statusCode(200).extract().jsonPath()
                .getLong("closeFen")).isEqualTo(close));

        Database database = new Database("trading");
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from journal_snapshot"
                + " where instrument = ? and trading_day = ? and previous_close_fen = ?", CEA,
                LocalDate.parse("2026-11-26"), close) == 1);
        assertThat(database.count("select count(*) from journal_snapshot")).isEqualTo(listed);

        // A restart starts from the snapshots: the same books from Thursday's records alone.
        ExchangeRecovery.Rebuild rebuild = recovery.rebuildFromJournal();
        assertThat(rebuild.records()).as("Thursday's four orders").isEqualTo(4);
        assertThat(rebuild.records()).isLessThan(wednesdaysRecords);
        for (InstrumentCode code : books.instruments()) {
            InstrumentEngine engine = rebuild.engines().get(code);
            assertThat(engine.depth()).isEqualTo(books.depth(code).await().indefinitely());
            assertThat(engine.tradingDay()).isEqualTo(LocalDate.parse("2026-11-26"));
        }
        for (DemoUser user : Funding.TRADERS) {
            PartyId party = PartyId.parse(user.partyId());
            assertThat(rebuild.engines().get(CODE).orders(party)).isEqualTo(books.orders(party).await()
                    .indefinitely().stream().filter(o -> o.instrument().equals(CODE)).toList());
        }
        PreTradeRisk restarted = restart.recoveredFrom(rebuild.engines());
        assertThat(held(restarted.book().positions())).isEqualTo(held(risk.book().positions()));

        // A snapshot pointing past what the journal holds (a topic made anew) is refused, not silently skipped.
        assertThatThrownBy(() -> reader.read(Map.of(0, 1_000_000L), (position, record) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not 1000000");

        // Without snapshots the whole journal replays, an END_OF_DAY record per instrument included, to the same
        // books.
        database.update("delete from journal_snapshot");
        ExchangeRecovery.Rebuild full = recovery.rebuildFromJournal();
        assertThat(full.records()).isEqualTo(wednesdaysRecords + listed + 4);
        for (InstrumentCode code : books.instruments()) {
            assertThat(full.engines().get(code).depth()).isEqualTo(books.depth(code).await().indefinitely());
            assertThat(full.engines().get(code).orders()).isEqualTo(rebuild.engines().get(code).orders());
            assertThat(full.engines().get(code).fillSequence()).isEqualTo(rebuild.engines().get(code).fillSequence());
        }
    }

    private static long halfUp(long scaled) {
        return BigDecimal.valueOf(scaled).divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static long number(DemoUser user, String asset, String field) {
        List<Map<String, Object>> balances = given().auth().oauth2(accessToken(user)).when()
                .get("/api/v1/risk/balances").then().statusCode(200).extract().jsonPath().getList("$");
        return balances.stream().filter(b -> asset.equals(b.get("asset"))).findFirst()
                .map(b -> ((Number) b.get(field)).longValue()).orElse(0L);
    }

    /** The positions that hold anything, in a stable order. */
    private static List<RiskPosition> held(List<RiskPosition> positions) {
        return positions.stream().filter(p -> p.balance() != 0 || p.reserved() != 0 || p.held() != 0)
                .sorted(Comparator.comparing((RiskPosition p) -> p.partyId().toString())
                        .thenComparing(RiskPosition::asset)).toList();
    }
}
