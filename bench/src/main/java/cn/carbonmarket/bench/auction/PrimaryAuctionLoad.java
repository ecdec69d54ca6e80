package cn.carbonmarket.bench.auction;

import cn.carbonmarket.bench.Requests;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.testing.Keycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One primary auction through the four services, from the regulator's schedule to the winners' holdings in the
 * registry. Set up, not timed: BIDDERS institutions registered at the registry, each with a Keycloak user and cash
 * deposited at the clearing bank, and the compliance period opened. Timed, one phase after the other: schedule and
 * preparation until the exchange has announced it (allocation -> registry supply -> trading), BIDDERS x BIDS_EACH
 * sealed bids of one lot each, the close until allocation has the result, settlement's clearing of every winning bid
 * into the revenue account, and the end-of-day run until the registry holds every winner's units. The wait for the
 * bid window to end is not a phase. Ends with RESULT lines.
 *
 * <p>Usage: PrimaryAuctionLoad REGISTRY_URL ALLOCATION_URL TRADING_URL SETTLEMENT_URL KEYCLOAK_URL BIDDERS BIDS_EACH
 * WINDOW_S (long enough for every bid: the bids go in while the window is open)
 */
public final class PrimaryAuctionLoad {

    private static final String PERIOD = "CN-2026";
    private static final String INSTRUMENT = "CEA-2026";
    private static final long LOT = 1_000;
    private static final int IN_FLIGHT = 32;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String registry;
    private final String allocation;
    private final String trading;
    private final String settlement;
    private final Keycloak keycloak;

    private record Bidder(PartyId id, Requests calls) {
    }

    private PrimaryAuctionLoad(String[] args) {
        registry = args[0];
        allocation = args[1];
        trading = args[2];
        settlement = args[3];
        keycloak = new Keycloak(http, args[4]);
    }

    public static void main(String[] args) throws Exception {
        int bidderCount = Integer.parseInt(args[5]);
        int bidsEach = Integer.parseInt(args[6]);
        Duration window = Duration.ofSeconds(Long.parseLong(args[7]));
        new PrimaryAuctionLoad(args).run(bidderCount, bidsEach, window);
    }

    private void run(int bidderCount, int bidsEach, Duration window) throws Exception {
        Requests regulator = new Requests(http, keycloak.token("regulator"));
        Requests operator = new Requests(http, keycloak.token("operator"));
        long setupStarted = System.nanoTime();
        List<Bidder> bidders = bidders(regulator, bidderCount, bidsEach);
        openPeriod(regulator);
        System.out.printf("setup: %d bidders registered, funded and followed by trading and settlement in %d ms%n",
                bidderCount, millis(setupStarted, System.nanoTime()));

        int bids = bidderCount * bidsEach;
        // Demand is twice the volume: half the lots sell, the price is set inside the bids' range.
        long volumeLots = Math.max(4, bids / 2);
        // The window is in the exchange's time, which locally may run ahead of the wall clock (it starts at the next
        // opening): the offset tells when, on this machine's clock, the window opens and closes.
        JsonNode session = JSON.readTree(operator.expect(operator.get(trading + "/api/v1/market-session"), 200));
        Instant marketNow = Instant.parse(session.path("marketTime").asText());
        Duration ahead = Duration.between(Instant.now(), marketNow);
        Instant opensAt = marketNow.plusSeconds(5);
        Instant closesAt = opensAt.plus(window);

        long t0 = System.nanoTime();
        JsonNode scheduled = JSON.readTree(regulator.expect(regulator.post(allocation + "/api/v1/auction-calendar/"
                + PERIOD + "/auctions", "application/json", """
                {"volumeLots":%d,"opensAt":"%s","closesAt":"%s"}""".formatted(volumeLots, opensAt, closesAt)), 201));
        String ref = scheduled.path("auctionRef").asText();
        String auctionUrl = allocation + "/api/v1/auction-calendar/" + PERIOD + "/auctions/" + ref;
        regulator.expect(regulator.post(auctionUrl + "/prepare", "application/json", ""), 200);
        JsonNode announced = await(regulator, auctionUrl, a -> "ANNOUNCED".equals(a.path("status").asText()));
        long t1 = System.nanoTime();
        System.out.printf("scheduled, supplied and announced in %d ms%n", millis(t0, t1));
        long auctionId = announced.path("tradingAuctionId").asLong();
        long reserve = announced.path("preparation").path("reservePriceFen").asLong();

        sleepUntil(opensAt.minus(ahead));
        long t2 = System.nanoTime();
        List<HttpRequest> bidRequests = new ArrayList<>(bids);
        for (int i = 0; i < bids; i++) {
            Bidder bidder = bidders.get(i % bidderCount);
            // Prices step by 1 fen above the reserve over a 500-fen range: many bids tie at the clearing price.
            long price = reserve + (i * 7919L) % 500;
            bidRequests.add(bidder.calls().post(trading + "/api/v1/auctions/" + auctionId + "/bids",
                    "application/json", "{\"priceFen\":%d,\"quantity\":%d}".formatted(price, LOT)));
        }
        for (HttpResponse<String> answer : regulator.answers(bidRequests, IN_FLIGHT)) {
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("a bid was refused: " + answer.statusCode() + " " + answer.body());
            }
        }
        long t3 = System.nanoTime();
        System.out.printf("%d bids placed in %d ms; waiting for the window to end%n", bids, millis(t2, t3));

        sleepUntil(closesAt.minus(ahead));
        long t4 = System.nanoTime();
        HttpResponse<String> close = http.send(operator.post(trading + "/api/v1/auctions/" + auctionId + "/close",
                "application/json", ""), HttpResponse.BodyHandlers.ofString());
        if (close.statusCode() != 200 && close.statusCode() != 409) {
            throw new IllegalStateException("the close answered " + close.statusCode() + ": " + close.body());
        }
        JsonNode result = await(regulator, auctionUrl, a -> a.path("result").has("outcome"));
        long t5 = System.nanoTime();
        if (!"CLEARED".equals(result.path("result").path("outcome").asText())) {
            throw new IllegalStateException("the auction did not clear: " + result.path("result"));
        }
        long revenue = result.path("result").path("revenueFen").asLong();
        await(regulator, settlement + "/api/v1/auction-revenue?jurisdiction=CN",
                r -> r.path("proceedsFen").asLong() == revenue);
        long t6 = System.nanoTime();
        System.out.printf("result %d ms after the close, paid %d ms later%n", millis(t4, t5), millis(t5, t6));

        String tradeDate = LocalDate.ofInstant(closesAt, SHANGHAI).toString();
        operator.expect(operator.post(settlement + "/api/v1/clearing-runs/" + tradeDate, "application/json", ""),
                200, 201);
        long sold = result.path("result").path("soldTonnes").asLong();
        // Delivered: the unsold units are back in the national accounts (the auction COMPLETED) and the sold ones
        // left the auctioneer's IN_TRADING holding for the winners'.
        await(regulator, auctionUrl, a -> "COMPLETED".equals(a.path("status").asText()));
        await(regulator, registry + "/api/v1/accounts/AUCTION_DELIVERY-CN", account -> inTrading(account) == 0);
        long t7 = System.nanoTime();

        System.out.printf("auction %s (exchange %d): %d bids from %d bidders, %d lots offered, %d t sold at %d fen,"
                        + " revenue %d fen%n", ref, auctionId, bids, bidderCount, volumeLots, sold,
                result.path("result").path("clearingPriceFen").asLong(), revenue);
        System.out.printf("RESULT auction.flow.announced %d ms%n", millis(t0, t1));
        System.out.printf("RESULT auction.flow.bids.%d %d ms%n", bids, millis(t2, t3));
        System.out.printf("RESULT auction.flow.bid_rate %d bids/s%n", bids * 1_000L / Math.max(1, millis(t2, t3)));
        System.out.printf("RESULT auction.flow.result %d ms%n", millis(t4, t5));
        System.out.printf("RESULT auction.flow.paid %d ms%n", millis(t5, t6));
        System.out.printf("RESULT auction.flow.delivered_and_returned %d ms%n", millis(t6, t7));
        System.out.printf("RESULT auction.flow.total_without_window %d ms%n",
                millis(t0, t1) + millis(t2, t3) + millis(t4, t7));
    }

    /** Registered institutions with users of their own, each with enough cash at the clearing bank for its bids. */
    private List<Bidder> bidders(Requests regulator, int count, int bidsEach) throws Exception {
        List<HttpRequest> registrations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = UnifiedSocialCreditCode.completing("91310000" + String.format("%09d", 800_000_000 + i))
                    .code();
            registrations.add(regulator.post(registry + "/api/v1/parties", "application/json", """
                    {"name":"Bench Auction Bidder %d Co., Ltd.","type":"INSTITUTION","region":"SH","creditCode":"%s"}"""
                    .formatted(i, code)));
        }
        List<PartyId> ids = regulator.ids(registrations, IN_FLIGHT, 200, 201).stream().map(PartyId::parse).toList();
        Requests bank = new Requests(http, keycloak.token("bank"));
        Requests operator = new Requests(http, keycloak.token("operator"));
        operator.awaitFound(ids.stream().map(id -> trading + "/api/v1/risk-profiles/" + id).toList(), IN_FLIGHT,
                PATIENCE);
        // Enough for every bid at the top of the price range with the most fee: 200 CNY a tonne.
        long cash = bidsEach * LOT * 20_000L;
        deposit(bank, ids, cash);
        List<Bidder> bidders = new ArrayList<>(count);
        // Keycloak's admin API answers a user at a time: eight at once make the setup minutes shorter.
        ExecutorService keycloakCalls = Executors.newFixedThreadPool(8);
        try {
            List<Future<Bidder>> made = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String user = "bench-bidder-" + i;
                PartyId id = ids.get(i);
                made.add(keycloakCalls.submit(() -> {
                    keycloak.ensureParticipant(user, id.toString(), "investor");
                    return new Bidder(id, new Requests(http, keycloak.token(user)));
                }));
            }
            for (Future<Bidder> bidder : made) {
                bidders.add(bidder.get());
            }
        } finally {
            keycloakCalls.shutdown();
        }
        for (Bidder bidder : bidders) {
            await(bidder.calls(), trading + "/api/v1/risk/balances", balances -> {
                for (JsonNode asset : balances) {
                    if ("CNY".equals(asset.path("asset").asText()) && asset.path("free").asLong() >= cash) {
                        return true;
                    }
                }
                return false;
            });
        }
        return bidders;
    }

    /**
     * Each party's deposit, asked again while settlement refuses it for want of the cash account it opens when it
     * reads the registration (422, nothing booked; the same reference each time).
     */
    private void deposit(Requests bank, List<PartyId> parties, long cash) throws Exception {
        List<PartyId> waiting = parties;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " deposits refused for " + PATIENCE);
            }
            List<HttpResponse<String>> answers = bank.answers(waiting.stream().map(id -> bank.to(settlement
                    + "/api/v1/deposits").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "BENCH-AUCTION-" + id)
                    .POST(Requests.json("{\"bankReference\":\"BENCH-AUCTION-%s\",\"partyId\":\"%s\",\"amountFen\":%d}"
                            .formatted(id, id, cash))).build()).toList(), IN_FLIGHT);
            List<PartyId> refused = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                int status = answers.get(i).statusCode();
                if (status == 422) {
                    refused.add(waiting.get(i));
                } else if (status != 200 && status != 201) {
                    throw new IllegalStateException("a deposit answered " + status + ": " + answers.get(i).body());
                }
            }
            waiting = refused;
            if (!waiting.isEmpty()) {
                Thread.sleep(200);
            }
        }
    }

    private void openPeriod(Requests regulator) throws Exception {
        regulator.expect(regulator.put(allocation + "/api/v1/compliance-periods/" + PERIOD, """
                {"jurisdiction":"CN","firstYear":2026,"lastYear":2026,"instrument":"%s","benchmarkPack":"CN-2022",\
                "deadline95":"2027-10-31","deadline100":"2027-12-31"}""".formatted(INSTRUMENT)), 200, 201);
        HttpResponse<String> status = http.send(regulator.post(allocation + "/api/v1/compliance-periods/" + PERIOD
                + "/status", "application/json", "{\"status\":\"ALLOCATING\"}"), HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200 && status.statusCode() != 409) {
            throw new IllegalStateException("the period did not open: " + status.body());
        }
    }

    private static long inTrading(JsonNode account) {
        long total = 0;
        for (JsonNode holding : account.path("holdings")) {
            if (INSTRUMENT.equals(holding.path("instrument").asText())
                    && "IN_TRADING".equals(holding.path("status").asText())) {
                total += holding.path("quantity").asLong();
            }
        }
        return total;
    }

    /** The body of GET url once it satisfies the condition. */
    private static JsonNode await(Requests calls, String url, Predicate<JsonNode> condition) throws Exception {
        HttpRequest probe = calls.get(url);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode body = JSON.readTree(calls.expect(probe, 200));
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("GET " + url + " did not reach the expected state within " + PATIENCE);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait + 50);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
