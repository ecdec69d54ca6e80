package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.AuctionSale;
import cn.carbonmarket.year.BlockTrade;
import cn.carbonmarket.year.Scenario;
import cn.carbonmarket.year.Trade;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The year's trading days on the exchange's clock. When it runs fast (the demo starts the exchange with {@code
 * market.trading.clock.speed}, a trading day in about a minute), each generated day is a trade date of its own: on the
 * first day the period's primary auction ({@link PeriodAuction}), its orders in the listing sessions, on the last day
 * the block trade in the block session and the one-way auction, and each date's clearing run after its close (and the
 * auction's date's, should its window have closed on a date the days passed). At the wall clock's pace (the e2e suite,
 * a market {@code ./market up} started) the days are played one after the other on today's trade date, with the primary
 * auction where the regulator's calendar allows its short window (the e2e suite's), without the block trade and the
 * one-way auction (their session and bid window, 30 minutes at least, would not come within the run) and without a
 * clearing run: the date is still trading, and settlement clears a date once, refusing its later trades ({@code
 * TRADE_DATE_CLOSED}), so the run is left to the operator after the close.
 */
final class MarketDays {

    /** At least this many times as fast as the wall clock: a day then passes within a few minutes. */
    private static final long FAST = 60;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime CLOSE = LocalTime.of(15, 0);
    /** A night on a clock 330 times as fast is about 200 s; a slower clock gets longer. */
    private static final Duration NIGHT = Duration.ofMinutes(30);

    private final Scenario year;
    private final Progress progress;
    private final Participants participants;
    private final List<String> entities;
    private final List<String> traders;
    private final PeriodAuction periodAuction;
    private final long[] held;
    private Optional<PeriodAuction.Sold> sold = Optional.empty();

    MarketDays(Scenario year, Progress progress, Participants participants, List<String> entities,
               List<String> traders, PeriodAuction periodAuction) {
        this.year = year;
        this.progress = progress;
        this.participants = participants;
        this.entities = entities;
        this.traders = traders;
        this.periodAuction = periodAuction;
        this.held = new long[traders.size()];
    }

    /** The period's primary auction, once played (empty if it was left out). */
    Optional<PeriodAuction.Sold> primaryAuction() {
        return sold;
    }

    /** Plays every day; answers the last trade date. */
    LocalDate play() {
        // A party played again (the demo without --reset) holds what it bought before.
        for (int i = 0; i < traders.size(); i++) {
            held[i] = MarketCalls.trading(participants.token(traders.get(i)), Scenario.INSTRUMENT, "balance");
        }
        long speed = clockSpeed();
        boolean fast = speed >= FAST;
        if (!fast) {
            progress.note("the exchange's clock runs at the wall clock's pace: the days share today's trade date,"
                    + " whose clearing run is the operator's after the close; the block trade and the one-way"
                    + " auction are left out");
        }
        LocalDate date = null;
        Set<LocalDate> cleared = new HashSet<>();
        int days = year.scale().tradingDays();
        for (int day = 0; day < days; day++) {
            int thisDay = day;
            List<Trade> trades = year.trades().stream().filter(t -> t.day() == thisDay).toList();
            boolean last = day == days - 1;
            date = fast ? LocalDate.parse(awaitSession(s -> s.getBoolean("listingOpen")).getString("tradingDay"))
                    : MarketCalls.tradeDate();
            if (day == 0) {
                sold = periodAuction.play(speed);
            }
            progress.phase("trading day " + (day + 1) + " of " + days + " (" + date + ")",
                    trades.size() + (fast && last ? 2 : 0));
            for (Trade trade : trades) {
                order(entities.get(trade.seller()), "SELL", trade.priceFen(), trade.quantity());
                order(traders.get(trade.buyer()), "BUY", trade.priceFen(), trade.quantity());
                held[trade.buyer()] += trade.quantity();
                progress.step();
            }
            if (fast && last) {
                blockTrade(year.block());
                progress.step();
                oneWayAuction(year.auction());
                progress.step();
            }
            progress.phaseDone();
            if (fast) {
                clearingRun(date);
                cleared.add(date);
            }
        }
        // The auction's sales fall on the date its window closed in, which the days may have passed.
        Optional<LocalDate> auctionDate = sold.map(PeriodAuction.Sold::tradeDate);
        if (fast && auctionDate.isPresent() && !cleared.contains(auctionDate.get())) {
            clearingRun(auctionDate.get());
        }
        for (int i = 0; i < traders.size(); i++) {
            String party = traders.get(i);
            long units = held[i];
            eventually(() -> MarketCalls.trading(participants.token(party), Scenario.INSTRUMENT, "balance") == units);
        }
        return date;
    }

    /** An order in the listing session; one the session's end refused (nothing placed) waits for the next. */
    private void order(String party, String side, long priceFen, long tonnes) {
        ExtractableResponse<Response> answer = MarketCalls.order(participants.token(party), Scenario.INSTRUMENT, side,
                priceFen, tonnes).extract();
        if (answer.statusCode() == 422 && "OUTSIDE_SESSION".equals(answer.path("code"))) {
            awaitSession(s -> s.getBoolean("listingOpen"));
            order(party, side, priceFen, tonnes);
        } else if (answer.statusCode() != 201) {
            throw new IllegalStateException(side + " order answered " + answer.statusCode() + ": "
                    + answer.body().asString());
        }
    }

    /** The seller's block offer, addressed to the buyer, who accepts it in the block session. */
    private void blockTrade(BlockTrade block) {
        awaitSession(s -> s.getBoolean("blockOpen"));
        String buyer = traders.get(block.buyer());
        long offer = send(participants.token(entities.get(block.seller())), "POST", TRADING + "/api/v1/block-offers",
                Map.of("instrument", Scenario.INSTRUMENT, "side", "SELL", "quantity", block.quantity(), "priceFen",
                        block.priceFen(), "addressee", buyer)).statusCode(201).extract().jsonPath().getLong("offerId");
        send(participants.token(buyer), "POST", TRADING + "/api/v1/block-offers/" + offer + "/acceptance", Map.of())
                .statusCode(oneOf(200, 201));
        held[block.buyer()] += block.quantity();
    }

    /**
     * The operator announces the seller's auction with the shortest bid window from a minute on; the buyers bid;
     * after the window the operator closes it (or the exchange's own close job has). What sold is the bidders' now.
     */
    private void oneWayAuction(AuctionSale sale) {
        Instant opensAt = MarketCalls.marketTime().plus(Duration.ofMinutes(1));
        Instant closesAt = opensAt.plus(Duration.ofMinutes(30));
        long auction = send(DemoUser.OPERATOR, "POST", TRADING + "/api/v1/auctions", Map.of("seller",
                entities.get(sale.seller()), "instrument", Scenario.INSTRUMENT, "quantity", sale.quantity(),
                "reservePriceFen", sale.reserveFen(), "opensAt", opensAt.toString(), "closesAt", closesAt.toString()))
                .statusCode(201).extract().jsonPath().getLong("auctionId");
        awaitMarket(() -> !MarketCalls.marketTime().isBefore(opensAt));
        for (AuctionSale.Bid bid : sale.bids()) {
            send(participants.token(traders.get(bid.buyer())), "POST", TRADING + "/api/v1/auctions/" + auction
                    + "/bids", Map.of("priceFen", bid.priceFen(), "quantity", bid.quantity())).statusCode(201);
        }
        awaitMarket(() -> MarketCalls.marketTime().isAfter(closesAt));
        send(DemoUser.OPERATOR, "POST", TRADING + "/api/v1/auctions/" + auction + "/close", Map.of())
                .statusCode(oneOf(200, 409));
        JsonPath result = get(DemoUser.OPERATOR, TRADING + "/api/v1/auctions/" + auction + "/result").statusCode(200)
                .extract().jsonPath();
        for (Map<String, Object> bid : result.<Map<String, Object>>getList("bids")) {
            Object allocated = bid.get("allocated");
            int buyer = traders.indexOf(String.valueOf(bid.get("bidder")));
            if (allocated instanceof Number tonnes && buyer >= 0) {
                held[buyer] += tonnes.longValue();
            }
        }
    }

    /** After the date's close, its clearing run (answered as it is if it ran already) and its delivery. */
    private void clearingRun(LocalDate date) {
        Instant closed = date.atTime(CLOSE).atZone(SHANGHAI).toInstant();
        awaitMarket(() -> MarketCalls.marketTime().isAfter(closed));
        progress.phase("clearing run " + date, 1);
        send(DemoUser.OPERATOR, "POST", SETTLEMENT + "/api/v1/clearing-runs/" + date, Map.of())
                .statusCode(oneOf(200, 201));
        eventually(() -> List.of("DELIVERED", "NOTHING_TO_DELIVER").contains(get(DemoUser.OPERATOR, SETTLEMENT
                + "/api/v1/clearing-runs/" + date).statusCode(200).extract().path("delivery.state")));
        progress.phaseDone();
    }

    private static JsonPath awaitSession(Predicate<JsonPath> condition) {
        JsonPath[] session = new JsonPath[1];
        awaitMarket(() -> condition.test(session[0] = MarketCalls.session()));
        return session[0];
    }

    /** Until the exchange's clock makes the condition true (at most a night on a slow clock). */
    static void awaitMarket(Supplier<Boolean> condition) {
        await().atMost(NIGHT).pollInterval(Duration.ofMillis(200)).until(condition::get);
    }

    /** How many times as fast as the wall clock the exchange's clock runs, measured over a second. */
    private static long clockSpeed() {
        Instant market = MarketCalls.marketTime();
        long wall = System.nanoTime();
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long marketMillis = Duration.between(market, MarketCalls.marketTime()).toMillis();
        return Math.max(1, marketMillis / Math.max(1, (System.nanoTime() - wall) / 1_000_000));
    }
}
