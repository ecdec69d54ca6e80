package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.AuctionSale;
import cn.carbonmarket.year.PrimaryAuction;
import cn.carbonmarket.year.Scenario;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The period's primary auction of its own allowance, on the exchange's clock: the exchange operator lists the new
 * vintage, the regulator schedules the auction in the period's calendar and prepares it (the registry issues the
 * volume to the auctioneer, the exchange announces it), the institutions bid in the window, the operator closes it,
 * and allocation completes it with its result. The lead before the window and the window itself are 10 and 15 s of
 * the wall clock, so the player keeps up whatever the clock's speed; a window the regulator's calendar refuses as too
 * short (the pack's 30 minutes, on a market whose clock runs at the wall clock's pace) leaves the auction out.
 */
final class PeriodAuction {

    /** What a played auction leaves: its reference in the calendar and the trade date its sales fall on. */
    record Sold(String auctionRef, LocalDate tradeDate) {
    }

    private static final Duration LEAD = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofSeconds(15);

    private final PrimaryAuction auction;
    private final Progress progress;
    private final Participants participants;
    private final List<String> traders;
    private final String period;
    private final String allowance;

    PeriodAuction(PrimaryAuction auction, Progress progress, Participants participants, List<String> traders,
                  String period, String allowance) {
        this.auction = auction;
        this.progress = progress;
        this.participants = participants;
        this.traders = traders;
        this.period = period;
        this.allowance = allowance;
    }

    /** Plays it on a clock {@code speed} times as fast as the wall clock; empty if the calendar refused the window. */
    Optional<Sold> play(long speed) {
        progress.phase("primary auction of " + allowance, auction.bids().size() + 3);
        send(DemoUser.OPERATOR, "PUT", TRADING + "/api/v1/instruments/" + allowance, Map.of("referencePriceFen",
                Scenario.PREVIOUS_CLOSE_FEN, "source", "demo reference price: the level " + Scenario.INSTRUMENT
                        + " trades at")).statusCode(oneOf(200, 201));
        progress.step();
        Instant opensAt = MarketCalls.marketTime().plus(LEAD.multipliedBy(speed));
        Instant closesAt = opensAt.plus(WINDOW.multipliedBy(speed));
        String calendar = ALLOCATION + "/api/v1/auction-calendar/" + period + "/auctions";
        ExtractableResponse<Response> scheduled = send(DemoUser.REGULATOR, "POST", calendar, Map.of("volumeLots",
                auction.volumeLots(), "opensAt", opensAt.toString(), "closesAt", closesAt.toString(),
                "bidderCapShare", auction.bidderCapShare())).extract();
        if (scheduled.statusCode() == 422 && "BID_WINDOW_OUT_OF_BOUNDS".equals(scheduled.path("code"))) {
            progress.note("the primary auction is left out: " + scheduled.path("detail"));
            progress.phaseDone();
            return Optional.empty();
        }
        if (scheduled.statusCode() != 201) {
            throw new IllegalStateException("scheduling the auction answered " + scheduled.statusCode() + ": "
                    + scheduled.body().asString());
        }
        String ref = scheduled.path("auctionRef");
        send(DemoUser.REGULATOR, "POST", calendar + "/" + ref + "/prepare", Map.of()).statusCode(200);
        eventually(() -> "ANNOUNCED".equals(status(ref)));
        long auctionId = get(DemoUser.REGULATOR, calendar + "/" + ref).statusCode(200).extract().jsonPath()
                .getLong("tradingAuctionId");
        progress.step();
        MarketDays.awaitMarket(() -> !MarketCalls.marketTime().isBefore(opensAt));
        for (AuctionSale.Bid bid : auction.bids()) {
            send(participants.token(traders.get(bid.buyer())), "POST", TRADING + "/api/v1/auctions/" + auctionId
                    + "/bids", Map.of("priceFen", bid.priceFen(), "quantity", bid.quantity())).statusCode(201);
            progress.step();
        }
        MarketDays.awaitMarket(() -> MarketCalls.marketTime().isAfter(closesAt));
        send(DemoUser.OPERATOR, "POST", TRADING + "/api/v1/auctions/" + auctionId + "/close", Map.of())
                .statusCode(oneOf(200, 409));
        LocalDate tradeDate = MarketCalls.tradeDate();
        eventually(() -> "COMPLETED".equals(status(ref)));
        progress.step();
        progress.phaseDone();
        return Optional.of(new Sold(ref, tradeDate));
    }

    private String status(String ref) {
        return get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/auction-calendar/" + period + "/auctions/" + ref)
                .statusCode(200).extract().path("status");
    }
}
