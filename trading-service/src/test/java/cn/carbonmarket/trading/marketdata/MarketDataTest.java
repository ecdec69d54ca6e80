package cn.carbonmarket.trading.marketdata;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.trading.calendar.ManualClock;
import cn.carbonmarket.trading.order.EmptyJournal;
import cn.carbonmarket.trading.risk.Funding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Market data from real matched orders. Each test trades on a day of its own (the manual clock), so that the day's
 * statistics and candles hold its trades only, whatever other tests left in the books on the common day.
 */
@QuarkusTest
@QuarkusTestResource(EmptyJournal.class)
@QuarkusTestResource(EmptyMarketData.class)
class MarketDataTest {

    private static final Instant MORNING = Instant.parse("2026-11-25T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    Clock clock;

    @TestHTTPResource("/api/v1/instruments/CEA-2026/stream")
    URI stream;

    @AfterEach
    void backToTheMorningSession() {
        ((ManualClock) clock).set(MORNING);
    }

    /** A trade executed on the day of {@code clock}'s time: one trade id, price and quantity. */
    private record Trade(String tradeId, long priceFen, long quantity) {
    }

    /**
     * The one place tests place orders: the traders funded as settlement would, entity-1 sells, investor-1 buys the
     * same quantity at the same price. The
     * trades are the fills of both orders in execution order (either may also meet orders other tests left).
     */
    private static List<Trade> cross(String instrument, long priceFen, long quantity) {
        Funding.everyone();
        long sell = order(DemoUser.ENTITY_1, instrument, "SELL", priceFen, quantity).statusCode(201)
                .extract().jsonPath().getLong("orderId");
        long buy = order(DemoUser.INVESTOR_1, instrument, "BUY", priceFen, quantity).statusCode(201)
                .extract().jsonPath().getLong("orderId");
        List<Trade> trades = Stream.concat(fills(DemoUser.ENTITY_1, sell), fills(DemoUser.INVESTOR_1, buy)).distinct()
                .sorted(Comparator.comparingLong(t -> Long.parseLong(t.tradeId().substring(instrument.length() + 1))))
                .toList();
        assertThat(trades).as("the orders traded").isNotEmpty();
        return trades;
    }

    private static Stream<Trade> fills(DemoUser user, long orderId) {
        List<Map<String, Object>> fills = get(user, "/api/v1/fills").statusCode(200).extract().jsonPath()
                .getList("findAll { it.orderId == " + orderId + " }");
        return fills.stream().map(f -> new Trade((String) f.get("tradeId"), ((Number) f.get("priceFen")).longValue(),
                ((Number) f.get("quantity")).longValue()));
    }

    private static ValidatableResponse order(DemoUser user, String instrument, String side, long price, long qty) {
        return given().auth().oauth2(accessToken(user)).contentType("application/json")
                .body(Map.of("clientOrderId", UUID.randomUUID().toString(), "instrument", instrument, "side", side,
                        "priceFen", price, "quantity", qty))
                .post("/api/v1/orders").then();
    }

    private static ValidatableResponse get(DemoUser user, String path) {
        return given().auth().oauth2(accessToken(user)).get(path).then();
    }

    @Test
    void matchedOrdersAppearInTradesCandlesAndTheDaysStatistics() {
        ((ManualClock) clock).set(Instant.parse("2026-11-26T02:00:00Z")); // Thursday 10:00 in Shanghai
        List<Trade> trades = Stream.of(cross("CEA-2025", 10_050, 40), cross("CEA-2025", 10_060, 60))
                .flatMap(List::stream).toList();
        long volume = trades.stream().mapToLong(Trade::quantity).sum();
        long turnover = trades.stream().mapToLong(t -> t.priceFen() * t.quantity()).sum();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(DemoUser.INVESTOR_1,
                "/api/v1/instruments/CEA-2025/trades?size=500").statusCode(200).extract().jsonPath()
                .getList("trades.tradeId", String.class)).containsAll(trades.stream().map(Trade::tradeId).toList()));
        Trade last = trades.get(trades.size() - 1);
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/trades?size=1").statusCode(200)
                .body("trades[0].tradeId", equalTo(last.tradeId())).body("trades[0].priceFen", equalTo((int) last.priceFen()))
                .body("trades[0].quantity", equalTo((int) last.quantity())).body("trades[0].mode", equalTo("CONTINUOUS"));

        JsonPath previousDay = get(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2025/statistics?date=2026-11-25")
                .statusCode(200).extract().jsonPath();
        JsonPath day = get(DemoUser.OPERATOR, "/api/v1/instruments/CEA-2025/statistics?date=2026-11-26")
                .statusCode(200).extract().jsonPath();
        assertThat(day.getLong("previousCloseFen")).as("rolled from the day before")
                .isEqualTo(previousDay.getLong("closeFen"));
        assertThat(day.getLong("openFen")).isEqualTo(trades.get(0).priceFen());
        assertThat(day.getLong("lastFen")).isEqualTo(last.priceFen());
        assertThat(day.getLong("closeFen")).isEqualTo((turnover + volume / 2) / volume);
        assertThat(day.getLong("volume")).isEqualTo(volume);
        assertThat(day.getLong("turnoverFen")).isEqualTo(turnover);
        assertThat(day.getInt("trades")).isEqualTo(trades.size());
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/statistics").statusCode(200)
                .body("tradingDay", equalTo("2026-11-26"));

        JsonPath candles = get(DemoUser.ENTITY_2, "/api/v1/instruments/CEA-2025/candles?interval=1m"
                + "&from=2026-11-26T02:00:00Z&to=2026-11-26T02:01:00Z").statusCode(200).extract().jsonPath();
        assertThat(candles.getList("candles")).hasSize(1);
        assertThat(candles.getLong("candles[0].openFen")).isEqualTo(trades.get(0).priceFen());
        assertThat(candles.getLong("candles[0].closeFen")).isEqualTo(last.priceFen());
        assertThat(candles.getLong("candles[0].volume")).isEqualTo(volume);
        assertThat(candles.getLong("candles[0].turnoverFen")).isEqualTo(turnover);
        JsonPath daily = get(DemoUser.ENTITY_2, "/api/v1/instruments/CEA-2025/candles?interval=1d"
                + "&from=2026-11-25T16:00:00Z&to=2026-11-26T16:00:00Z").statusCode(200).extract().jsonPath();
        assertThat(daily.getLong("candles[0].volume")).isEqualTo(volume);
        assertThat(daily.getString("candles[0].start")).isEqualTo("2026-11-25T16:00:00Z");

        String published = last.tradeId();
        JsonNode print = payload(new KafkaTopic("trading.market-data").await(
                r -> r.value().contains("\"TradePrinted\"") && r.value().contains("\"" + published + "\""), PATIENCE)
                .value());
        assertThat(print.get("priceFen").asLong()).isEqualTo(last.priceFen());
        assertThat(print.get("instrument").asText()).isEqualTo("CEA-2025");
    }

    @Test
    void aDayWithoutTradesQuotesThePreviousCloseThroughout() {
        JsonPath day = get(DemoUser.REGULATOR, "/api/v1/instruments/CCER-2025/statistics?date=2026-12-01")
                .statusCode(200).extract().jsonPath();
        long previousClose = day.getLong("previousCloseFen");
        assertThat(List.of(day.getLong("openFen"), day.getLong("highFen"), day.getLong("lowFen"),
                day.getLong("closeFen"), day.getLong("lastFen"))).containsOnly(previousClose);
        assertThat(day.getLong("volume")).isZero();
    }

    @Test
    void theStreamDeliversTheBookAndThenATrade() throws Exception {
        ((ManualClock) clock).set(Instant.parse("2026-11-27T02:00:00Z")); // Friday 10:00 in Shanghai
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + accessToken(DemoUser.INVESTOR_1))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(read(line.substring(5)))));
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).as("the book as it stands").isNotNull();
            assertThat(first.get("type").asText()).isEqualTo("DepthChanged");
            assertThat(first.get("payload").get("instrument").asText()).isEqualTo("CEA-2026");

            List<Trade> trades = cross("CEA-2026", 10_120, 7);
            Trade last = trades.get(trades.size() - 1);
            JsonNode print = null;
            while (print == null) {
                JsonNode next = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(next).as("a TradePrinted for " + last.tradeId()).isNotNull();
                if (next.get("type").asText().equals("TradePrinted")
                        && next.get("payload").get("tradeId").asText().equals(last.tradeId())) {
                    print = next.get("payload");
                }
            }
            assertThat(print.get("priceFen").asLong()).isEqualTo(last.priceFen());
            assertThat(print.get("quantity").asLong()).isEqualTo(last.quantity());
            assertThat(print.get("mode").asText()).isEqualTo("CONTINUOUS");
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void marketDataNeedsAMarketRoleAndRefusesBadQueries() {
        for (String path : List.of("trades", "candles", "statistics", "stream")) {
            given().get("/api/v1/instruments/CEA-2025/" + path).then().statusCode(401);
            get(DemoUser.VERIFIER_1, "/api/v1/instruments/CEA-2025/" + path).statusCode(403);
        }
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/candles?interval=5m").statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/candles?from=yesterday").statusCode(400);
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/trades?size=0").statusCode(400);
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2025/statistics?date=2026-11-28").statusCode(422)
                .body("code", equalTo("NOT_A_TRADING_DAY"));
        get(DemoUser.INVESTOR_1, "/api/v1/instruments/CEA-2030/trades").statusCode(404)
                .body("code", equalTo("INSTRUMENT_NOT_LISTED"));
    }

    private static JsonNode payload(String envelope) {
        return read(envelope).get("payload");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
