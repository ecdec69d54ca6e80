package cn.carbonmarket.bench.trading;

import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.bench.Load;
import cn.carbonmarket.bench.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for the exchange: authenticated order entry over HTTP through pre-trade risk, matching and the
 * broker-acknowledged journal, next to two baselines of the same service in the same run: the durable bare endpoint
 * (the same body, token check and role, one record acknowledged by the broker with the journal's producer settings,
 * nothing else) and the bare endpoint (the market session: the same HTTP stack and token check, no work behind it).
 * First the most each sustains with a fixed number of clients, then each paced at half the durable bare rate, its
 * latency taken from each request's scheduled send time so that a stall is counted for every request it delays.
 * Loopback only; ends with RESULT lines.
 *
 * <p>Usage: OrderLoad TRADING_URL KEYCLOAK_URL KAFKA_BOOTSTRAP TOPIC_PREFIX PARTIES CLIENTS WARMUP_S MEASURE_S
 * [WARMUP_MAX_S]: the orders' warm-up goes on past WARMUP_S, up to WARMUP_MAX_S, until their rate is steady.
 */
public final class OrderLoad {

    static final List<String> INSTRUMENTS = List.of("CEA-2024", "CEA-2025", "CEA-2026", "CCER-2025");
    /** A hundred billion yuan: no bench order runs out of buying power. */
    private static final long CASH_EACH = 10_000_000_000_000L;
    /** Below the large-trader threshold and position limit of the rule pack. */
    private static final long UNITS_EACH = 500_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String trading;

    private OrderLoad(String trading) {
        this.trading = trading;
    }

    public static void main(String[] args) throws Exception {
        OrderLoad load = new OrderLoad(args[0]);
        int partyCount = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[6]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[7]));
        Duration warmupAtMost = Duration.ofSeconds(args.length > 8 ? Long.parseLong(args[8]) : warmup.toSeconds());

        List<BenchTrader> traders = load.traders(new Keycloak(load.http, args[1]), partyCount);
        load.requireSessionFor(traders.get(0), warmup.plus(warmupAtMost).plus(measure.multipliedBy(4)).plusSeconds(60));
        load.fund(args[2], args[3], traders);
        openBenchJournal(args[2], args[3]);
        OrderFlow flow = new OrderFlow(load.previousCloses(traders.get(0)));
        IntFunction<Load.Request> bare = i -> new Load.Request(HttpMethod.GET, "/api/v1/market-session",
                traders.get(i % traders.size()).token(), null, 200);
        // Even parties buy and odd parties sell: no party trades with itself, and none sells what it bought today
        // (T+1).
        IntFunction<Load.Request> orders = i -> {
            int party = i % traders.size();
            return new Load.Request(HttpMethod.POST, "/api/v1/orders", traders.get(party).token(),
                    flow.next(party % 2 == 0), 201);
        };

        // The durable bare endpoint: the same body as an order, one journal-like record acknowledged by the broker.
        IntFunction<Load.Request> durable = i -> {
            int party = i % traders.size();
            return new Load.Request(HttpMethod.POST, "/api/v1/bench/durable-orders", traders.get(party).token(),
                    flow.next(party % 2 == 0), 201);
        };

        System.out.printf("warming up %d s (durable bare and orders up to %d s), then measuring %d s each with %d"
                + " clients over %d parties%n", warmup.toSeconds(), warmupAtMost.toSeconds(), measure.toSeconds(),
                clients, partyCount);
        try (Load http = new Load(load.trading, clients)) {
            http.closedLoop(bare, clients, warmup);
            Load.Outcome bareMax = http.closedLoop(bare, clients, measure);
            http.warmUp(durable, clients, warmup, warmupAtMost);
            Load.Outcome durableMax = http.closedLoop(durable, clients, measure);
            http.warmUp(orders, clients, warmup, warmupAtMost);
            Load.Outcome ordersMax = http.closedLoop(orders, clients, measure);
            long halfRate = Math.max(1, durableMax.perSecond() / 2);
            // What follows an order (trade records, their outbox events) may lag behind the closed loop: the paced
            // run starts once it has caught up, so that it does not measure the catching up.
            load.awaitRelayQuiet();
            Load.Paced paced = http.paced(orders, halfRate, measure);
            String serviceSide = load.serviceLatencies();
            // The baselines at the same pace: what a journaled answer alone takes, and what this machine, HTTP and the
            // token check give any request.
            Load.Paced durablePaced = http.paced(durable, halfRate, measure);
            Load.Paced barePaced = http.paced(bare, halfRate, measure);
            System.out.printf("bare: %s%ndurable bare: %s%norders at most: %s%norders at %d/s: %s%ndurable bare at"
                    + " %d/s: %s%nbare at %d/s: %s%n", bareMax, durableMax, ordersMax, halfRate, paced, halfRate,
                    durablePaced, halfRate, barePaced);
            System.out.println("the service's own view of the paced orders (last 30 s):\n" + serviceSide);
            System.out.printf("RESULT trading.bare %d req/s%n", bareMax.perSecond());
            System.out.printf("RESULT trading.durable-bare %d req/s%n", durableMax.perSecond());
            System.out.printf("RESULT trading.orders %d orders/s baseline %d ratio %s%n", ordersMax.perSecond(),
                    durableMax.perSecond(), ratio(ordersMax.perSecond(), durableMax.perSecond()));
            print("trading.orders.max-rate", ordersMax.latency());
            printPaced("trading.orders.half-rate", paced);
            printPaced("trading.durable-bare.half-rate", durablePaced);
            printPaced("trading.bare.half-rate", barePaced);
            System.out.printf("RESULT trading.orders.errors %d count%n", ordersMax.failed() + paced.outcome().failed());
        }
    }

    /**
     * A paced phase's figures: the rate it sent at, the generator's lag, and its latency percentiles, VOID when the
     * generator did not hold its schedule.
     */
    private static void printPaced(String name, Load.Paced paced) {
        System.out.printf("RESULT %s %.0f req/s%n", name, paced.achieved());
        System.out.printf("RESULT %s.lag.p99 %s ms%n", name, Load.millis(paced.lag().getValueAtPercentile(99)));
        System.out.printf("RESULT %s.p50 %s ms%n", name, paced.millisOrVoid(50));
        System.out.printf("RESULT %s.p99 %s ms%n", name, paced.millisOrVoid(99));
        System.out.printf("RESULT %s.p999 %s ms%n", name, paced.millisOrVoid(99.9));
    }

    /**
     * Creates the durable bare endpoint's topic and lets trading write to it: a topic of the benchmark alone, in no
     * topics.txt, so that no deployment has it (the launcher's next ACL run takes the grant away again).
     */
    private static void openBenchJournal(String bootstrap, String prefix) throws Exception {
        String topic = prefix + "trading.bench-journal";
        try (Admin admin = Admin.create(KafkaLogin.as(KafkaLogin.ADMIN, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                // As many partitions as the journal (infra/kafka/topics.txt): the same spread of the same keys.
                admin.createTopics(List.of(new NewTopic(topic, 8, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic,
                    PatternType.LITERAL), new AccessControlEntry("User:trading-service", "*", AclOperation.WRITE,
                    AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** One bench participant: its token and the party its token names. */
    record BenchTrader(String partyId, String token) {
    }

    private List<BenchTrader> traders(Keycloak keycloak, int count) throws Exception {
        List<BenchTrader> traders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "bench-trader-" + i;
            String party = UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString();
            keycloak.ensureParticipant(user, party, "compliance-entity");
            traders.add(new BenchTrader(party, keycloak.token(user)));
        }
        return traders;
    }

    /**
     * Gives every trader cash and units as settlement would report them (one {@code LedgerEntryPosted} each on
     * the ledger topic) and waits until trading's risk view shows them.
     */
    private void fund(String bootstrap, String prefix, List<BenchTrader> traders) throws Exception {
        Properties props = KafkaLogin.as("settlement-service", bootstrap);
        props.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (BenchTrader trader : traders) {
                producer.send(new ProducerRecord<>(prefix + "settlement.ledger", trader.partyId(), ledgerEntry(trader)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        Instant deadline = Instant.now().plusSeconds(60);
        for (BenchTrader trader : traders) {
            while (free(trader, "CNY") < CASH_EACH) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("trading did not take the bench funding within 60 s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String ledgerEntry(BenchTrader trader) {
        String entryId = "DEPOSIT:BENCH-" + UUID.randomUUID();
        String now = Instant.now().toString();
        StringBuilder balances = new StringBuilder(balance("CASH_AVAILABLE", "CNY", CASH_EACH));
        INSTRUMENTS.forEach(instrument -> balances.append(',').append(balance("UNITS", instrument, UNITS_EACH)));
        return """
                {"eventId":"%s","type":"LedgerEntryPosted","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"entryId":"%s","entryType":"DEPOSIT",\
                "state":"POSTED","partyId":"%s","businessDate":"%s","postedAt":"%s","balances":[%s],\
                "entryIds":["%s"]}}"""
                .formatted(UUID.randomUUID(), now, trader.partyId(), entryId, trader.partyId(), now.substring(0, 10),
                        now, balances, entryId);
    }

    private static String balance(String account, String asset, long amount) {
        return "{\"account\":\"%s\",\"asset\":\"%s\",\"available\":%d,\"posted\":%d}"
                .formatted(account, asset, amount, amount);
    }

    private long free(BenchTrader trader, String asset) throws Exception {
        HttpResponse<String> response = http.send(get("/api/v1/risk/balances", trader), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        for (JsonNode balance : JSON.readTree(response.body())) {
            if (asset.equals(balance.path("asset").asText())) {
                return balance.path("free").asLong();
            }
        }
        return 0;
    }

    /** Each instrument's previous close, which the day's band and so the bench's prices are drawn around. */
    private long[] previousCloses(BenchTrader trader) throws Exception {
        long[] closes = new long[INSTRUMENTS.size()];
        for (int i = 0; i < closes.length; i++) {
            String body = http.send(get("/api/v1/instruments/" + INSTRUMENTS.get(i) + "/depth", trader),
                    HttpResponse.BodyHandlers.ofString()).body();
            closes[i] = JSON.readTree(body).path("previousClose").asLong();
            if (closes[i] <= 0) {
                throw new IllegalStateException(INSTRUMENTS.get(i) + " has no previous close: " + body);
            }
        }
        return closes;
    }

    /**
     * Fails unless the listing session stays open for {@code run}: the service's clock starts at the next opening,
     * or now if the market is open, and an order after the close is refused (OUTSIDE_SESSION).
     */
    private void requireSessionFor(BenchTrader trader, Duration run) throws Exception {
        JsonNode session = JSON.readTree(http.send(get("/api/v1/market-session", trader),
                HttpResponse.BodyHandlers.ofString()).body());
        Instant now = Instant.parse(session.path("marketTime").asText());
        Instant closes = Instant.parse(session.path("listingClosesAt").asText(now.toString()));
        if (Duration.between(now, closes).compareTo(run) < 0) {
            throw new IllegalStateException("the listing session closes at " + closes + ", before this run of about "
                    + run.toSeconds() + " s ends; run it once the session has closed (the service's clock then"
                    + " starts at the next opening)");
        }
    }

    /** Waits until the service's outbox has relayed nothing new for a second (at most two minutes). */
    private void awaitRelayQuiet() throws Exception {
        long started = System.nanoTime();
        long last = -1;
        for (Instant deadline = Instant.now().plusSeconds(120); Instant.now().isBefore(deadline); ) {
            long relayed = relayed();
            if (relayed == last) {
                break;
            }
            last = relayed;
            Thread.sleep(1_000);
        }
        System.out.printf("the closed loop's events relayed %d ms after it ended%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Events the service's outbox has relayed so far, over all topics. */
    private long relayed() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(Metrics.of(trading)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("market_outbox_relayed_total{"))
                .mapToLong(line -> new BigDecimal(line.substring(line.lastIndexOf(' ') + 1)).longValue())
                .sum();
    }

    /** The service's order-entry and journal timers' percentiles, as its metrics endpoint shows them. */
    private String serviceLatencies() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(Metrics.of(trading)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("market_trading_order_entry_seconds{")
                        || line.startsWith("market_trading_journal_acknowledgement_seconds{"))
                .filter(line -> line.contains("quantile")).map(line -> "  " + line)
                .collect(Collectors.joining("\n"));
    }

    private HttpRequest get(String path, BenchTrader trader) {
        return HttpRequest.newBuilder(URI.create(trading + path)).header("Authorization", "Bearer " + trader.token())
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static void print(String name, Histogram latency) {
        System.out.printf("RESULT %s.p50 %s ms%n", name, Load.millis(latency.getValueAtPercentile(50)));
        System.out.printf("RESULT %s.p99 %s ms%n", name, Load.millis(latency.getValueAtPercentile(99)));
        System.out.printf("RESULT %s.p999 %s ms%n", name, Load.millis(latency.getValueAtPercentile(99.9)));
    }

    /** {@code part / whole} with two decimals, in whole-number arithmetic. */
    private static String ratio(long part, long whole) {
        long hundredths = whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
        return String.format("%d.%02d", hundredths / 100, hundredths % 100);
    }
}
