package cn.carbonmarket.bench.settlement;

import cn.carbonmarket.bench.Metrics;
import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.contracts.id.TimeOrderedIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for settlement's clearing: funded bench parties (their registry events on Kafka, deposits through
 * the API), then trades on {@code trading.trades} as fast as one producer sends them (trades cleared per second), then
 * paced at half that rate (trade-to-cleared latency: publish to the clearing transaction's commit, seen by polling
 * the service's database every few milliseconds), then the end-of-day run over a large synthetic day. Loopback only;
 * ends with RESULT lines.
 *
 * <p>Usage: ClearingLoad SETTLEMENT_URL KEYCLOAK_URL KAFKA_BOOTSTRAP TOPIC_PREFIX JDBC_URL PARTIES TRADES EOD_TRADES
 *   [PACED_RATE [WARMUP_S]]
 */
public final class ClearingLoad {

    private static final String CEA = "CEA-2025";
    private static final int PARTITIONS = 8;
    /** Bursts compile the clearing for batches of thousands; paced batches are small, and the JIT recompiles. */
    private static final long PACED_WARMUP_SECONDS = 20;
    private static final long PACED_SECONDS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String settlement;
    private final Keycloak keycloak;
    private final String prefix;
    private final String jdbc;
    private final KafkaProducer<String, String> producer;
    private final KafkaProducer<String, String> registry;

    private ClearingLoad(String settlement, String keycloak, String bootstrap, String prefix, String jdbc) {
        this.settlement = settlement;
        this.keycloak = new Keycloak(http, keycloak);
        this.prefix = prefix;
        this.jdbc = jdbc;
        // The trades come as trading publishes them, from trading's principal (the broker lets no other write them).
        Properties props = KafkaLogin.as("trading-service", bootstrap);
        props.put("acks", "all");
        // Trading's outbox relay sends its trades in rounds, not one request a millisecond, and a request a
        // millisecond costs the producer and the broker CPU the service needs (a trade's latency counts from when it
        // was due, so the wait for its batch is measured too).
        props.put("linger.ms", "5");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        // The parties and their units into trading come as the registry publishes them: only its principal may.
        Properties registryProps = KafkaLogin.as("registry-service", bootstrap);
        registryProps.put("acks", "all");
        this.registry = new KafkaProducer<>(registryProps, new StringSerializer(), new StringSerializer());
    }

    public static void main(String[] args) throws Exception {
        ClearingLoad load = new ClearingLoad(args[0], args[1], args[2], args[3], args[4]);
        int partyCount = Integer.parseInt(args[5]);
        int trades = Integer.parseInt(args[6]);
        int eodTrades = Integer.parseInt(args[7]);
        try (load.producer) {
            List<UUID> parties = load.fundedParties(partyCount, 10L * trades);
            // Warm-up (JIT, pools, the consumer's assignment): after a single burst the JIT compiler is still
            // compiling the clearing path through the measurement.
            Duration warmup = Duration.ofSeconds(args.length > 9 ? Long.parseLong(args[9]) : 60);
            for (long until = System.nanoTime() + warmup.toNanos(); System.nanoTime() < until; ) {
                load.throughput(parties, Math.min(trades, 5_000));
            }
            long rate = load.throughput(parties, trades);
            System.out.printf("RESULT settlement.clearing %d trades/s%n", rate);
            load.awaitEventsRelayed();
            long asked = args.length > 8 ? Long.parseLong(args[8]) : 0;
            long paced = asked > 0 ? asked : Math.max(1, rate / 2);
            // A steady state: first 20 s at that pace unmeasured, then long enough that the pipeline's waking
            // up after the burst does not make the tail (a run of a couple of seconds measured mostly that).
            load.latency(parties, paced, Math.toIntExact(paced * PACED_WARMUP_SECONDS));
            Histogram latency = load.latency(parties, paced, Math.toIntExact(paced * PACED_SECONDS));
            System.out.printf("paced at %d trades/s for %d s (half the maximum unless PACED_RATE is given)%n", paced,
                    PACED_SECONDS);
            System.out.printf("RESULT settlement.clearing.p50 %d ms%n", latency.getValueAtPercentile(50));
            System.out.printf("RESULT settlement.clearing.p99 %d ms%n", latency.getValueAtPercentile(99));
            System.out.println(load.batches());
            System.out.printf("RESULT settlement.end-of-day.%d %d ms%n", eodTrades, load.endOfDay(eodTrades));
        }
    }

    /** Parties as the registry admits them, with cash deposited through the API and units moved into trading. */
    private List<UUID> fundedParties(int count, long tonnesEach) throws Exception {
        List<UUID> parties = new ArrayList<>();
        String bank = keycloak.token("bank");
        for (int i = 0; i < count; i++) {
            UUID party = UUID.nameUUIDFromBytes(("bench-party-" + i).getBytes(StandardCharsets.UTF_8));
            parties.add(party);
            String now = Instant.now().toString();
            publishAsRegistry("registry.parties", party.toString(), """
                    {"eventId":"%s","type":"PartyRegistered","version":1,"occurredAt":"%s","producer":"registry-service",\
                    "key":"%s","payload":{"partyId":"%s","name":"Bench Party %d","type":"INSTITUTION","region":"HB",\
                    "holdingAccount":"HOLDING-%s","registeredAt":"%s"}}"""
                    .formatted(UUID.randomUUID(), now, party, party, i, party, now));
        }
        awaitCount("select count(*) from cash_account where party_id = any(?)", count, parties);
        String transaction = UUID.randomUUID().toString();
        for (UUID party : parties) {
            post("/api/v1/deposits", bank, "{\"bankReference\":\"BENCH-" + UUID.randomUUID() + "\",\"partyId\":\""
                    + party + "\",\"amountFen\":" + tonnesEach * 1_000_000 + "}", 201);
        }
        StringBuilder lines = new StringBuilder();
        for (UUID party : parties) {
            lines.append(lines.isEmpty() ? "" : ",").append("""
                    {"account":"HOLDING-%s","partyId":"%s","instrument":"%s","status":"IN_TRADING","delta":%d}"""
                    .formatted(party, party, CEA, tonnesEach));
        }
        publishAsRegistry("registry.transactions", transaction, """
                {"eventId":"%s","type":"TransactionBooked","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":{"transactionId":"%s","type":"TO_TRADING","initiator":"bench",\
                "bookedAt":"%s","lines":[%s]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), transaction, transaction, Instant.now(), lines));
        awaitCount("select count(*) from journal_entry where id like ?", count, "UNITS_IN:" + transaction + "/%");
        return parties;
    }

    /** Publishes {@code count} trades at once; trades cleared per second, first publish to the last commit seen. */
    private long throughput(List<UUID> parties, int count) throws Exception {
        String run = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            publishTrade(parties, run, i);
        }
        producer.flush();
        awaitCleared(run, count);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("%d trades cleared in %d ms%n", count, millis);
        return count * 1000L / Math.max(1, millis);
    }

    /**
     * Publishes {@code count} trades at {@code rate} a second while a poller looks every 5 ms for the oldest 256 not
     * yet seen cleared (clearing follows each partition's order, so a younger trade is looked for once the older ones
     * are found, which can only overstate its latency): from the time the trade was due to be sent (so that a late send
     * counts too) to the first poll that sees the committed row.
     */
    private Histogram latency(List<UUID> parties, long rate, int count) throws Exception {
        String run = "L" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ConcurrentSkipListMap<Integer, Long> outstanding = new ConcurrentSkipListMap<>();
        Histogram histogram = new Histogram(3);
        Thread poller = new Thread(() -> poll(run, outstanding, histogram, count));
        poller.start();
        long started = System.nanoTime();
        for (int i = 0; i < count; ) {
            // The trades due by now go out together, a wake-up a millisecond rather than one per trade: parked per
            // trade, the publisher and its producer's network thread took a third of the two cores from the service.
            for (long now = System.nanoTime(); i < count && due(started, i, rate) <= now; i++) {
                outstanding.put(i, due(started, i, rate));
                publishTrade(parties, run, i);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        producer.flush();
        poller.join(TimeUnit.MINUTES.toMillis(10));
        return histogram;
    }

    /** When trade {@code i} of a run paced at {@code rate} a second is due: its latency counts from then. */
    private static long due(long started, int i, long rate) {
        return started + i * 1_000_000_000L / rate;
    }

    private void poll(String run, ConcurrentSkipListMap<Integer, Long> outstanding, Histogram histogram, int count) {
        try (Connection c = connect();
             PreparedStatement seen = c.prepareStatement("select trade_id from cleared_trade where trade_id = any(?)")) {
            long recorded = 0;
            while (recorded < count) {
                if (!outstanding.isEmpty()) {
                    Array ids = c.createArrayOf("text", outstanding.keySet().stream().limit(256)
                            .map(i -> run + i).toArray());
                    seen.setArray(1, ids);
                    try (ResultSet rs = seen.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Long sent = outstanding.remove(Integer.valueOf(rs.getString(1).substring(run.length())));
                            if (sent != null) {
                                histogram.recordValue(TimeUnit.NANOSECONDS.toMillis(now - sent));
                                recorded++;
                            }
                        }
                    }
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("polling the cleared trades failed", e);
        }
    }

    /**
     * Trades between neighbouring parties, spread over trading.trades' partitions, 1 t at 50.00 CNY each; their
     * event ids are made as trading's outbox makes them (time-ordered), which is what settlement's
     * {@code processed_event} index sees in production.
     */
    private void publishTrade(List<UUID> parties, String run, int i) {
        UUID buyer = parties.get(i % parties.size());
        UUID seller = parties.get((i + 1) % parties.size());
        Instant now = Instant.now();
        send("trading.trades", CEA, i % PARTITIONS, """
                {"eventId":"%s","type":"TradeExecuted","version":1,"occurredAt":"%s","producer":"trading-service",\
                "key":"%s","payload":{"tradeId":"%s","buyerPartyId":"%s","sellerPartyId":"%s","instrument":"%s",\
                "quantity":1,"priceFen":5000,"buyerFeeFen":100,"sellerFeeFen":100,"mode":"CONTINUOUS",\
                "executedAt":"%s"}}""".formatted(TimeOrderedIds.at(now), now, CEA, run + i, buyer, seller, CEA, now));
    }

    /**
     * A day of {@code trades} cleared trades among 1,000 synthetic parties written straight into the table (each
     * party buys as many tonnes as it sells), then the operator's run over it through the API, timed.
     */
    private long endOfDay(int trades) throws Exception {
        LocalDate day = LocalDate.of(2040, 1, 1).plusDays(System.currentTimeMillis() / 1000 % 20_000);
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("insert into cleared_trade"
                + " (trade_id, trade_date, buyer_id, seller_id, instrument, quantity, price_fen, value_fen,"
                + " buyer_fee_fen, seller_fee_fen, mode, executed_at, cleared_at) select 'EOD-' || ?::text || '-' || g,"
                + " ?::date, md5('party-' || (g % 1000))::uuid, md5('party-' || ((g + 1) % 1000))::uuid, 'CEA-2025', 1,"
                + " 5000 + g % 100, 5000 + g % 100, 100, 100, 'CONTINUOUS', now(), now()"
                + " from generate_series(1, ?) as g")) {
            insert.setString(1, day.toString());
            insert.setObject(2, day);
            insert.setInt(3, trades);
            insert.executeUpdate();
        }
        String operator = keycloak.token("operator");
        long started = System.nanoTime();
        post("/api/v1/clearing-runs/" + day, operator, "", 201);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try (Connection c = connect(); PreparedStatement runs = c.prepareStatement(
                "select trades from clearing_run where trade_date = ?")) {
            runs.setObject(1, day);
            try (ResultSet rs = runs.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != trades) {
                    throw new IllegalStateException("the run of " + day + " did not net all " + trades + " trades");
                }
            }
        }
        return millis;
    }

    /**
     * Waits until the outbox relay has published the LedgerEntryPosted events the burst left behind, so that the
     * paced run measures clearing at that rate, not clearing next to the relay's catching up.
     */
    private void awaitEventsRelayed() throws Exception {
        long started = System.nanoTime();
        awaitCount("select case when exists (select 1 from outbox_pending) then 0 else 1"
                + " end where ? is not null", 1, "relayed");
        System.out.printf("ledger events of the burst relayed %d ms after its last trade cleared%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * The service's clearing batches so far (count, mean size, mean time), from its Prometheus metrics. Samples are
     * written as decimals: read exactly, counts of batches and trades as whole numbers, time in milliseconds.
     */
    private String batches() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(Metrics.of(settlement)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long count = metric(metrics, "settlement_clearing_batch_seconds_count").longValueExact();
        if (count == 0) {
            return "clearing batches: none";
        }
        long trades = metric(metrics, "settlement_clearing_batch_size_sum").longValueExact();
        long millis = metric(metrics, "settlement_clearing_batch_seconds_sum").movePointRight(3)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return String.format("clearing batches: %d, mean %d trades, mean %d ms", count, trades / count,
                millis / count);
    }

    private static BigDecimal metric(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> new BigDecimal(l.substring(l.lastIndexOf(' ') + 1)).stripTrailingZeros())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void send(String topic, String key, int partition, String json) {
        producer.send(new ProducerRecord<>(prefix + topic, partition, key, json));
    }

    /** A setup event on partition 0, acknowledged before going on: a refusal (the broker's ACLs) stops the run. */
    private void publishAsRegistry(String topic, String key, String json) throws Exception {
        registry.send(new ProducerRecord<>(prefix + topic, 0, key, json)).get(30, TimeUnit.SECONDS);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbc, "settlement", "settlement");
    }

    /**
     * Waits until the run's {@code count} trades are all cleared, cheaply while the clearing runs: it looks up only the
     * last trade of each partition by key. Clearing follows a partition's order, so once those are in every trade of
     * the run has been cleared or refused, and none may have been refused. Counting the run's rows instead is a
     * sequential scan of the whole table (its {@code like} cannot use the key's index), which takes CPU from the
     * clearing it measures and adds to the measured time.
     */
    private void awaitCleared(String run, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        Object[] lastOfEachPartition = new Object[Math.min(PARTITIONS, count)];
        for (int k = 0; k < lastOfEachPartition.length; k++) {
            lastOfEachPartition[k] = run + (count - 1 - k);
        }
        try (Connection c = connect();
             PreparedStatement last = c.prepareStatement("select count(*) from cleared_trade where trade_id = any(?)");
             PreparedStatement refused = c.prepareStatement("select count(*) from clearing_break where trade_id like ?")) {
            last.setArray(1, c.createArrayOf("text", lastOfEachPartition));
            refused.setString(1, run + "%");
            while (Instant.now().isBefore(deadline)) {
                if (countOf(last) >= lastOfEachPartition.length) {
                    long breaks = countOf(refused);
                    if (breaks > 0) {
                        throw new IllegalStateException(breaks + " trades of " + run + " were refused by the clearing");
                    }
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("waited 10 minutes for the " + count + " trades of " + run + " to clear");
    }

    private static long countOf(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitCount(String sql, long expected, Object parameter) throws Exception {
        producer.flush();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                statement.setArray(1, c.createArrayOf("uuid", list.toArray()));
            } else {
                statement.setObject(1, parameter);
            }
            while (Instant.now().isBefore(deadline)) {
                if (countOf(statement) >= expected) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("waited 10 minutes for " + expected + " rows: " + sql);
    }

    private void post(String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settlement + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
