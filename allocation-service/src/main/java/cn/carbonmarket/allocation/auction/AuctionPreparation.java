package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.compliance.MarketPrices;
import cn.carbonmarket.allocation.compliance.PriceStore;
import cn.carbonmarket.allocation.reserve.MovementKind;
import cn.carbonmarket.allocation.reserve.ReserveMovement;
import cn.carbonmarket.allocation.reserve.ReserveRule;
import cn.carbonmarket.allocation.reserve.ReserveRules;
import cn.carbonmarket.allocation.reserve.ReserveStore;
import cn.carbonmarket.contracts.event.AuctionSupply;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Prepares an auction (design step 3), on the regulator's request or when it falls due: fixes the volume with what
 * was carried into it, the reserve price from the daily closes allocation follows, the cost containment release
 * (limited to what the stability reserve has available) and the floor withholding, records the release in the
 * reserve's ledger and sends {@link AuctionSupply} to the registry, all in one transaction. An auction is prepared
 * once; after the registry refused its supply it may be prepared again under the same instruction id.
 */
@ApplicationScoped
public class AuctionPreparation {

    private static final Logger LOG = Logger.getLogger(AuctionPreparation.class);
    static final String AUTOMATIC = "auto-preparation";
    static final String CCR_RELEASE = "CCR_RELEASE";
    /** Auctions prepared per round of the job; the rest follow in the next. */
    private static final int DUE_PER_ROUND = 50;

    private final Pool pool;
    private final AuctionStore store;
    private final AuctionRules rules;
    private final ReserveRules reserveRules;
    private final ReserveStore reserve;
    private final PriceStore prices;
    private final Outbox outbox;
    private final AuctionCalendar calendar;
    private final Clock clock;

    AuctionPreparation(Pool pool, AuctionStore store, AuctionRules rules, ReserveRules reserveRules,
                       ReserveStore reserve, PriceStore prices, Outbox outbox, AuctionCalendar calendar, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.rules = rules;
        this.reserveRules = reserveRules;
        this.reserve = reserve;
        this.prices = prices;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Prepares now; an auction already prepared is answered as it is. */
    public Uni<AuctionView> prepare(String periodId, String auctionRef, String by) {
        return pool.withTransaction(conn -> store.find(conn, auctionRef, true).chain(found -> {
            AuctionRecord auction = found.filter(a -> a.periodId().equals(periodId))
                    .orElseThrow(() -> AuctionCalendar.auctionNotFound(auctionRef));
            return switch (auction.status()) {
                case SCHEDULED, SUPPLY_REFUSED -> prepare(conn, auction, by);
                case WITHDRAWN -> throw new ConflictException("AUCTION_WITHDRAWN", "auction " + auctionRef
                        + " was withdrawn from the calendar");
                default -> Uni.createFrom().voidItem();
            };
        })).chain(() -> calendar.get(periodId, auctionRef));
    }

    /** Every auction due by now, each in its own transaction; one that fails is logged and left for the next round. */
    public Uni<Integer> prepareDue() {
        Instant now = now();
        return store.due(pool, now, DUE_PER_ROUND).chain(refs -> Multi.createFrom().iterable(refs)
                .onItem().transformToUniAndConcatenate(ref -> pool.withTransaction(conn -> store.claimDue(conn, ref, now)
                                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                                        : prepare(conn, claimed.get(), AUTOMATIC).replaceWith(1)))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "auction %s is due but could not be prepared", ref);
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private Uni<Void> prepare(SqlConnection conn, AuctionRecord auction, String by) {
        Instant at = now();
        if (!auction.closesAt().isAfter(at)) {
            throw new ConflictException("AUCTION_WINDOW_PASSED", "auction " + auction.auctionRef()
                    + "'s bid window closed at " + auction.closesAt());
        }
        AuctionRule rule = rules.of(auction.rulePack()).orElseThrow(() -> new IllegalStateException("auction "
                + auction.auctionRef() + " names rule pack " + auction.rulePack() + ", which has no auction rules"));
        ReserveRule reserveRule = reserveRules.of(auction.rulePack()).orElseThrow(() -> new IllegalStateException(
                "rule pack " + auction.rulePack() + " has no stability reserve rules"));
        String instrument = auction.instrument().toString();
        LocalDate today = LocalDate.ofInstant(at, MarketPrices.MARKET_ZONE);
        int year = LocalDate.ofInstant(auction.opensAt(), MarketPrices.MARKET_ZONE).getYear();
        return store.carriedInto(conn, auction.auctionRef())
                .chain(carried -> prices.lastCloses(conn, instrument, today, rule.reservePrice().days())
                        .chain(closes -> reserve.lockAvailable(conn, auction.jurisdiction().name(), instrument)
                                .chain(available -> {
                                    long volume = Math.multiplyExact(Math.addExact(auction.volumeLots(), carried),
                                            auction.lotTonnes());
                                    SupplyTerms supply = SupplyTerms.of(volume, auction.lotTonnes(),
                                            auction.bidderCapShare(), reserveRule, year, available);
                                    AuctionRecord.Prepared prepared = new AuctionRecord.Prepared(
                                            ReservePrice.of(rule.reservePrice(), closes), supply, by, at);
                                    return store.prepared(conn, auction.auctionRef(), prepared)
                                            .chain(() -> release(conn, auction, supply, at))
                                            .chain(() -> outbox.publish(conn, AuctionSupply.TYPE,
                                                    auction.supplyInstructionId(), new AuctionSupply(
                                                            auction.supplyInstructionId(), auction.auctionRef(),
                                                            auction.instrument(), supply.volumeTonnes(),
                                                            supply.releaseTonnes())))
                                            .replaceWithVoid();
                                })));
    }

    /** The cost containment release leaves the reserve with the supply (booked when the registry books it). */
    private Uni<Void> release(SqlConnection conn, AuctionRecord auction, SupplyTerms supply, Instant at) {
        if (supply.releaseTonnes() == 0) {
            return Uni.createFrom().voidItem();
        }
        return reserve.record(conn, ReserveMovement.pending(releaseMovementId(auction.auctionRef()),
                auction.jurisdiction().name(), auction.instrument().toString(), MovementKind.RELEASE,
                supply.releaseTonnes(), CCR_RELEASE, auction.periodId(), auction.auctionRef(), null, null,
                supply.triggerFen(), at));
    }

    static String releaseMovementId(String auctionRef) {
        return auctionRef + "-" + CCR_RELEASE;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
