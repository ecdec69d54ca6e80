package cn.carbonmarket.bench.registry;

import cn.carbonmarket.testing.KafkaLogin;
import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.testing.SignedInstructions;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.bench.Load;
import cn.carbonmarket.bench.registry.BenchParties.BenchParty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for the registry: authenticated transfers between random bench parties through the real API
 * (rules, row locks, audit chain, outbox), closed loop with a fixed number of clients, then paced at half the rate
 * they reached. Bounded in time, loopback only. Ends with RESULT lines.
 *
 * <p>Usage: TransferLoad REGISTRY_URL KEYCLOAK_URL KAFKA_BOOTSTRAP TOPIC_PREFIX PARTIES CLIENTS WARMUP_S MEASURE_S
 * [WARMUP_MAX_S]: the warm-up goes on past WARMUP_S, up to WARMUP_MAX_S, until the rate is steady.
 */
public final class TransferLoad {

    private static final long ISSUED_EACH = 10_000_000;

    private TransferLoad() {
    }

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        int partyCount = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[6]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[7]));
        Duration warmupAtMost = Duration.ofSeconds(args.length > 8 ? Long.parseLong(args[8]) : warmup.toSeconds());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Keycloak keycloak = new Keycloak(http, args[1]);
        List<BenchParty> parties = new BenchParties(http, keycloak, registry).ensure(partyCount);
        issue(args[2], args[3], parties);
        String regulator = keycloak.token("regulator");
        awaitIssued(http, registry, regulator, parties.get(parties.size() - 1));
        List<String> tokens = parties.stream().map(p -> {
            try {
                return keycloak.token(p.user());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());

        // Each request moves one tonne from a random party to another, as that party, under a fresh key.
        IntFunction<Load.Request> transfers = i -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int from = random.nextInt(parties.size());
            int to = (from + 1 + random.nextInt(parties.size() - 1)) % parties.size();
            String body = "{\"fromAccount\":\"" + parties.get(from).account() + "\",\"toAccount\":\""
                    + parties.get(to).account() + "\",\"instrument\":\"CEA-2025\",\"quantity\":1}";
            return new Load.Request(HttpMethod.POST, "/api/v1/transfers", tokens.get(from), body, 201,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        };

        System.out.printf("warming up %d to %d s, then measuring %d s with %d clients over %d parties, then %d s at"
                + " half the rate%n", warmup.toSeconds(), warmupAtMost.toSeconds(), measure.toSeconds(), clients,
                partyCount, measure.toSeconds());
        try (Load load = new Load(registry, clients)) {
            load.warmUp(transfers, clients, warmup, warmupAtMost);
            Load.Outcome max = load.closedLoop(transfers, clients, measure);
            long halfRate = Math.max(1, max.perSecond() / 2);
            Load.Paced paced = load.paced(transfers, halfRate, measure);
            System.out.printf("transfers at most: %s%ntransfers at %d/s: %s%n", max, halfRate, paced);
            System.out.printf("RESULT registry.transfers %d ops/s%n", max.perSecond());
            System.out.printf("RESULT registry.transfers.p50 %s ms%n", Load.millis(max.latency().getValueAtPercentile(50)));
            System.out.printf("RESULT registry.transfers.p99 %s ms%n", Load.millis(max.latency().getValueAtPercentile(99)));
            System.out.printf("RESULT registry.transfers.half-rate %.0f ops/s%n", paced.achieved());
            System.out.printf("RESULT registry.transfers.half-rate.lag.p99 %s ms%n",
                    Load.millis(paced.lag().getValueAtPercentile(99)));
            System.out.printf("RESULT registry.transfers.half-rate.p99 %s ms%n", paced.millisOrVoid(99));
            System.out.printf("RESULT registry.transfers.errors %d count%n", max.failed() + paced.outcome().failed());
        }
    }

    /** Gives every bench party units as allocation would: one signed instruction on the issuance topic. */
    private static void issue(String bootstrap, String prefix, List<BenchParty> parties) throws Exception {
        String instructionId = "BENCH-" + UUID.randomUUID();
        String json = SignedInstructions.json(instructionId, "FREE_ALLOCATION", "CEA-2025", parties.stream()
                .map(p -> SignedInstructions.recipient(p.id().toString(), ISSUED_EACH))
                .toArray(IssuanceInstruction.Recipient[]::new));
        Properties props = KafkaLogin.as("allocation-service", bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(prefix + "allocation.issuance-instructions", instructionId, json))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitIssued(HttpClient http, String registry, String token, BenchParty last) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String body = http.send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/accounts/" + last.account()))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            for (var holding : json.readTree(body).path("holdings")) {
                if (holding.path("quantity").asLong() >= ISSUED_EACH) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the issuance to the bench parties was not booked within 60 s");
    }
}
