package cn.carbonmarket.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exchange survives the loss of its active instance (issue 26). Two trading-service processes from the packaged
 * jar, as the launcher runs them (ports 9383 and 9483, database trading_ha, topics ha.*): the first takes the lease
 * and accepts, the second follows as a standby. Traders send orders to the active one; it is killed (SIGKILL) in the
 * middle of the flow and the traders' requests go to the standby, which answers 503 NOT_LEADER with Retry-After until
 * it has taken over. Then: the standby accepted an order within 5 s of the kill, every order acknowledged before the
 * kill is there with its state, no order id was handed out twice, and a third instance, built from the journal alone,
 * holds the same books and, once it leads, the same risk view.
 */
class ExchangeFailoverIT {

    private static final List<DemoUser> TRADERS = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2, DemoUser.INVESTOR_1);
    private static final long CASH = 1_000_000_000_000L;
    private static final long UNITS = 400_000;
    private static final Duration TAKEOVER_TARGET = Duration.ofSeconds(5);

    private static final List<FailoverInstance> STARTED = new ArrayList<>();

    @BeforeAll
    static void freshMarket() {
        FailoverInstance.freshMarket();
    }

    @AfterAll
    static void stopAll() {
        STARTED.forEach(FailoverInstance::stop);
    }

    @Test
    void theStandbyTakesOverWithinFiveSecondsOfAKillAndLosesNoAcknowledgedOrder() throws Exception {
        FailoverInstance active = started("trading-a-ha", 9383);
        FailoverLedger.eventually(() -> takesOrders(active));
        FailoverInstance standby = started("trading-b-ha", 9483);
        FailoverLedger.eventually(() -> servesReads(standby));
        assertThat(order(standby, DemoUser.ENTITY_2, "BUY", 9_000, 1).extract().statusCode()).isEqualTo(503);
        for (DemoUser trader : TRADERS) {
            FailoverLedger.fund(trader, CASH, "CEA-2025", UNITS);
        }

        AtomicReference<String> route = new AtomicReference<>(active.url());
        List<FailoverClient> clients = List.of(
                new FailoverClient(DemoUser.ENTITY_1, "SELL", route::get, 1),
                new FailoverClient(DemoUser.ENTITY_2, "BUY", route::get, 2),
                new FailoverClient(DemoUser.INVESTOR_1, "BUY", route::get, 3));
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> running = clients.stream().<Future<?>>map(pool::submit).toList();
        // Mid-flow: once the active instance has warmed up and is taking orders steadily (its first ones, cold, take
        // a second or more on this machine).
        FailoverLedger.eventually(() -> clients.stream().flatMap(c -> c.answers().stream())
                .filter(FailoverClient.Answer::acknowledged).count() >= 40);
        long killed = System.nanoTime();
        active.kill();
        route.set(standby.url());
        FailoverLedger.eventually(() -> firstAcceptedOn(standby, clients) > 0);
        Thread.sleep(2_000);
        clients.forEach(FailoverClient::stop);
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<FailoverClient.Answer> answers = clients.stream().flatMap(c -> c.answers().stream()).toList();
        Duration takeover = Duration.ofNanos(firstAcceptedOn(standby, clients) - killed);
        List<FailoverClient.Answer> beforeKill = answers.stream()
                .filter(a -> a.acknowledged() && a.target().equals(active.url()) && a.at() < killed).toList();
        System.out.printf("failover: %d orders acknowledged by the active instance before the kill, %d by the standby"
                        + " after it; first order accepted %d ms after the kill; answers by status %s%n",
                beforeKill.size(), answers.stream().filter(a -> a.acknowledged() && a.target().equals(standby.url()))
                        .count(), takeover.toMillis(), answers.stream().collect(Collectors.groupingBy(
                        FailoverClient.Answer::status, TreeMap::new, Collectors.counting())));

        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER_TARGET);
        assertThat(beforeKill).hasSizeGreaterThan(20);
        assertThat(answers).filteredOn(a -> a.status() == 503).isNotEmpty()
                .allSatisfy(a -> assertThat(a.retryAfter()).isNotNull());
        Map<Long, String> clientOrderIdOf = new HashMap<>();
        answers.stream().filter(FailoverClient.Answer::acknowledged).forEach(a -> assertThat(
                clientOrderIdOf.putIfAbsent(a.orderId(), a.clientOrderId())).as("order id %d", a.orderId())
                .isIn(null, a.clientOrderId()));
        for (FailoverClient.Answer acknowledged : beforeKill) {
            get(standby, acknowledged.user(), "/api/v1/orders/" + acknowledged.orderId()).statusCode(200)
                    .body("clientOrderId", equalTo(acknowledged.clientOrderId()))
                    .body("quantity", equalTo((int) acknowledged.quantity()))
                    .body("priceFen", equalTo((int) acknowledged.price()));
        }
        Map<DemoUser, List<Long>> ownIds = new HashMap<>();
        for (DemoUser trader : TRADERS) {
            List<Long> ids = get(standby, trader, "/api/v1/orders").statusCode(200).extract().jsonPath()
                    .getList("orderId", Long.class);
            assertThat(ids).doesNotHaveDuplicates();
            ownIds.put(trader, ids);
        }
        assertThat(ownIds.values().stream().flatMap(List::stream).toList()).doesNotHaveDuplicates();

        // A third instance knows only the journal (and the database): its books must be the survivor's, and once
        // it leads, its risk view too.
        Object depth = depth(standby);
        Map<DemoUser, Object> risk = risk(standby);
        Map<DemoUser, Object> orders = TRADERS.stream().collect(Collectors.toMap(t -> t,
                t -> get(standby, t, "/api/v1/orders").statusCode(200).extract().jsonPath().get("$")));
        FailoverInstance replayed = started("trading-c-ha", 9383);
        FailoverLedger.eventually(() -> servesReads(replayed) && depth(replayed).equals(depth));
        standby.stop();
        FailoverLedger.eventually(() -> get(replayed, DemoUser.ENTITY_1, "/api/v1/risk/balances").extract()
                .statusCode() == 200);
        assertThat(risk(replayed)).isEqualTo(risk);
        for (DemoUser trader : TRADERS) {
            assertThat((Object) get(replayed, trader, "/api/v1/orders").statusCode(200).extract().jsonPath().get("$"))
                    .isEqualTo(orders.get(trader));
        }
    }

    private static FailoverInstance started(String name, int port) {
        FailoverInstance instance = FailoverInstance.start(name, port);
        STARTED.add(instance);
        return instance;
    }

    /** The earliest 201 the standby gave, as System.nanoTime(); 0 before any. */
    private static long firstAcceptedOn(FailoverInstance standby, List<FailoverClient> clients) {
        return clients.stream().flatMap(c -> c.answers().stream())
                .filter(a -> a.status() == 201 && a.target().equals(standby.url()))
                .mapToLong(FailoverClient.Answer::at).min().orElse(0);
    }

    private static boolean takesOrders(FailoverInstance instance) {
        return instance.alive() && servesReads(instance)
                && get(instance, DemoUser.ENTITY_1, "/api/v1/risk/balances").extract().statusCode() == 200;
    }

    private static boolean servesReads(FailoverInstance instance) {
        if (!instance.alive()) {
            throw new IllegalStateException(instance.name + " stopped; see .market/logs/" + instance.name + ".log");
        }
        try {
            return get(instance, DemoUser.REGULATOR, "/api/v1/market-session").extract().statusCode() == 200;
        } catch (Exception notListening) { // RestAssured rethrows ConnectException unchecked
            return false;
        }
    }

    private static Object depth(FailoverInstance instance) {
        return get(instance, DemoUser.REGULATOR, "/api/v1/instruments/CEA-2025/depth").statusCode(200).extract()
                .jsonPath().get("$");
    }

    private static Map<DemoUser, Object> risk(FailoverInstance instance) {
        return TRADERS.stream().collect(Collectors.toMap(t -> t,
                t -> get(instance, t, "/api/v1/risk/balances").statusCode(200).extract().jsonPath().get("$")));
    }

    private static ValidatableResponse order(FailoverInstance instance, DemoUser user, String side, long price,
                                             long quantity) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json")
                .body(Map.of("clientOrderId", UUID.randomUUID().toString(), "instrument", "CEA-2025",
                        "side", side, "priceFen", price, "quantity", quantity))
                .when().post(instance.url() + "/api/v1/orders").then();
    }

    private static ValidatableResponse get(FailoverInstance instance, DemoUser user, String path) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).when().get(instance.url() + path).then();
    }
}
