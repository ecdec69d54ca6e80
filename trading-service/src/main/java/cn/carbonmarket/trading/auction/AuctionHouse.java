package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.AuctionAnnounced;
import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.block.BookReference;
import cn.carbonmarket.trading.block.OffBookLedger;
import cn.carbonmarket.trading.block.OffBookTrade;
import cn.carbonmarket.trading.block.TradePrinter;
import cn.carbonmarket.trading.risk.ReservationKey;
import cn.carbonmarket.trading.risk.PartyEligibility;
import cn.carbonmarket.trading.risk.RiskProfile;
import cn.carbonmarket.trading.rules.AuctionRules;
import cn.carbonmarket.trading.rules.ListingRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import cn.carbonmarket.trading.trade.RecordedTrade;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * One-way auctions: the operator announces (or allocation asks for a primary auction), bidders place sealed bids in
 * the window, and the close clears them at a uniform price against the auction's supply curve. Bids and the close
 * lock the auction's row, so no bid slips in beside or after the close and a bidder's bid count and cap hold under
 * concurrent bids. Every announcement and close publishes its event through the outbox in its own transaction.
 */
@ApplicationScoped
public class AuctionHouse {

    private static final Logger LOG = Logger.getLogger(AuctionHouse.class);

    /** An auction's terms as the operator announces them: lots of the listing's quantity step, no cap, all types. */
    public record Terms(PartyId seller, InstrumentCode instrument, long quantity, long reserve, Instant opensAt,
                        Instant closesAt) {
    }

    private final BookReference books;
    private final TradePrinter printer;
    private final OffBookLedger ledger;
    private final Outbox outbox;
    private final TradingRulePack rules;
    private final PartyEligibility eligibility;
    private final Clock clock;

    public AuctionHouse(BookReference books, TradePrinter printer, OffBookLedger ledger, Outbox outbox,
                        TradingRulePack rules, PartyEligibility eligibility, Clock clock) {
        this.books = books;
        this.printer = printer;
        this.ledger = ledger;
        this.outbox = outbox;
        this.rules = rules;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** Announces the operator's auction, reserving its volume from the seller's units (422 if the seller lacks them). */
    public Uni<Auction> announce(Terms terms, String operator) {
        Instant now = clock.instant();
        Jurisdiction jurisdiction = terms.instrument().product().jurisdiction();
        AuctionRules limits = rules.auction(jurisdiction).orElseThrow(() -> notTraded(terms.instrument()));
        ListingRules listing = rules.listing(jurisdiction).orElseThrow(() -> notTraded(terms.instrument()));
        checkTerms(terms, limits, listing, now);
        Auction auction = Auction.offering(terms.seller(), terms.instrument(), terms.quantity(),
                listing.quantityStep(), terms.reserve(), terms.opensAt(), terms.closesAt(), operator);
        List<ReservationKey.OffBook> reserved = new CopyOnWriteArrayList<>();
        return books.tradable(terms.instrument())
                .chain(depth -> Panache.withTransaction(() -> announced(auction, now, reserved)))
                .onFailure().invoke(() -> ledger.release(reserved));
    }

    /**
     * Announces allocation's primary auction, inside the caller's transaction, unless one with its reference exists
     * already (that one is answered, nothing changes). It reserves the volume and any cost containment volume from
     * the seller's units (422 {@code INSUFFICIENT_UNITS} while the risk view does not show them) and adds the key to
     * {@code reserved}, for the caller to release should its transaction not commit.
     *
     * <p>Of the operator's limits it keeps the volume maximum (it bounds the pro rata arithmetic), the tick and the
     * quantity step; the bid window's length is the regulator's calendar's to decide, and a window that has passed
     * is announced all the same, so that the closer cancels it and allocation hears of it, rather than the request
     * being lost. An instrument the operator halted takes the auction too: a halt stops the continuous book, bids
     * in auctions never checked it.
     */
    public Uni<Auction> announce(PrimaryAuctionRequested request, List<ReservationKey.OffBook> reserved) {
        Instant now = clock.instant();
        Jurisdiction jurisdiction = request.instrument().product().jurisdiction();
        AuctionRules limits = rules.auction(jurisdiction).orElseThrow(() -> notTraded(request.instrument()));
        ListingRules listing = rules.listing(jurisdiction).orElseThrow(() -> notTraded(request.instrument()));
        Auction auction = PrimaryTerms.auction(request, limits, listing);
        return books.listed(request.instrument()).chain(depth -> Panache.withTransaction(
                () -> Auction.byRef(request.auctionRef()).onItem().ifNull()
                        .switchTo(() -> announced(auction, now, reserved))));
    }

    /** Persists the auction, reserves what it offers from the seller's units and publishes its announcement. */
    private Uni<Auction> announced(Auction auction, Instant now, List<ReservationKey.OffBook> reserved) {
        auction.state = Auction.State.ANNOUNCED;
        auction.announcedAt = now;
        return auction.<Auction>persist().invoke(persisted -> {
            ledger.reserve(volumeKey(persisted.id), TradeMode.AUCTION, new PartyId(persisted.seller),
                    InstrumentCode.parse(persisted.instrument), Side.SELL, persisted.reserve, persisted.offered());
            reserved.add(volumeKey(persisted.id));
        }).call(persisted -> outbox.publish(AuctionAnnounced.TYPE, persisted.id.toString(),
                AuctionEvents.announced(persisted)));
    }

    /** The key of the seller's units an auction reserves. */
    static ReservationKey.OffBook volumeKey(long auctionId) {
        return new ReservationKey.AuctionVolume(auctionId);
    }

    /** The key of the cash a bid reserves. */
    static ReservationKey.OffBook bidKey(long bidId) {
        return new ReservationKey.AuctionBid(bidId);
    }

    private static void checkTerms(Terms terms, AuctionRules limits, ListingRules listing, Instant now) {
        if (terms.quantity() > limits.maxQuantity()) {
            throw new RuleViolationException("AUCTION_ABOVE_MAXIMUM", "an auction offers at most "
                    + limits.maxQuantity() + " t, not " + terms.quantity());
        }
        onTickAndStep(terms.reserve(), terms.quantity(), listing);
        if (!terms.closesAt().isAfter(now)) {
            throw new RuleViolationException("BID_WINDOW_PASSED", "the bid window closes at " + terms.closesAt()
                    + ", which has passed");
        }
        Duration window = Duration.between(terms.opensAt(), terms.closesAt());
        if (window.compareTo(limits.minBidWindow()) < 0 || window.compareTo(limits.maxBidWindow()) > 0) {
            throw new RuleViolationException("BID_WINDOW_OUT_OF_RANGE", "a bid window lasts "
                    + limits.minBidWindow() + " to " + limits.maxBidWindow() + ", not " + window);
        }
    }

    /**
     * A sealed bid, reserving its price and the most fee per tonne from the bidder's cash (422 if it lacks it), after
     * the auction's {@link BidRules} and by a party type the instrument's jurisdiction admits to trading.
     */
    public Uni<AuctionBid> bid(PartyId bidder, long auctionId, long price, long quantity) {
        Instant now = clock.instant();
        List<ReservationKey.OffBook> reserved = new CopyOnWriteArrayList<>();
        return Panache.withTransaction(() -> locked(auctionId).chain(auction -> {
            auction.requireBidding(now);
            if (bidder.value().equals(auction.seller)) {
                throw new RuleViolationException("SELLER_CANNOT_BID", "the seller does not bid in its own auction");
            }
            InstrumentCode instrument = InstrumentCode.parse(auction.instrument);
            Jurisdiction jurisdiction = instrument.product().jurisdiction();
            onTick(price, rules.listing(jurisdiction).orElseThrow());
            BidRules bidRules = auction.bidRules(rules.auction(jurisdiction).orElseThrow().maxBidsPerBidder());
            return eligibility.require(bidder, instrument).chain(() -> typeOf(bidder, auction))
                    .chain(type -> AuctionBid.quantitiesOf(auctionId, bidder).chain(own -> {
                        bidRules.check(type, own, price, quantity);
                        AuctionBid bid = new AuctionBid();
                        bid.auctionId = auctionId;
                        bid.bidder = bidder.value();
                        bid.price = price;
                        bid.quantity = quantity;
                        bid.submittedAt = now;
                        return bid.<AuctionBid>persist().invoke(persisted -> {
                            ledger.reserve(bidKey(persisted.id), TradeMode.AUCTION, bidder, instrument, Side.BUY,
                                    price, quantity);
                            reserved.add(bidKey(persisted.id));
                        });
                    }));
        })).onFailure().invoke(() -> ledger.release(reserved));
    }

    /** The bidder's party type where the auction asks for one (null: unknown, or not asked). */
    private static Uni<PartyType> typeOf(PartyId bidder, Auction auction) {
        if (auction.eligibleTypes == null) {
            return Uni.createFrom().nullItem();
        }
        return RiskProfile.<RiskProfile>findById(bidder.value()).map(profile -> profile == null ? null
                : profile.partyType);
    }

    /**
     * Closes an auction whose window has ended: clears it and records each allocation as a trade from the
     * seller, or cancels it when no price finds demand for the supply; {@code AuctionClosed} goes out with the close.
     * The allocations fill the reservations once, after the commit; a stop before they are recorded leaves a cleared
     * auction whose trades {@link ClearedAuctions} hands to recovery (and whose reservations recovery no longer
     * reinstates).
     */
    public Uni<Auction> close(long auctionId) {
        Instant now = clock.instant();
        List<Allocation> allocations = new ArrayList<>();
        List<ReservationKey.OffBook> reserved = new ArrayList<>();
        return Panache.withTransaction(() -> locked(auctionId).call(auction -> {
                    auction.requireClosable(now);
                    return bids(auctionId).chain(bids -> {
                        reserved.add(volumeKey(auctionId));
                        bids.forEach(bid -> reserved.add(bidKey(bid.id)));
                        allocations.addAll(settle(auction, bids, now));
                        return printer.print(allocations.stream().map(Allocation::trade).toList())
                                .chain(() -> outbox.publish(AuctionClosed.TYPE, auction.id.toString(),
                                        AuctionEvents.closed(auction, bids)));
                    });
                }))
                .call(auction -> {
                    // After the commit: allocations fill what the announcement and the bids reserved (covered
                    // then, so nothing to refuse now), and what is left of those reservations is freed.
                    List<RecordedTrade> executed = allocations.stream().map(allocation -> ledger.fill(
                            allocation.trade(), bidKey(allocation.bidId()), volumeKey(auctionId))).toList();
                    ledger.release(reserved);
                    return ledger.record(executed);
                });
    }

    /** A bid's allocation as the trade it makes. */
    private record Allocation(long bidId, OffBookTrade trade) {
    }

    /** Clears the auction or cancels it: the allocations (none when cancelled). */
    private static List<Allocation> settle(Auction auction, List<AuctionBid> bids, Instant now) {
        ClearingOutcome outcome = UniformPriceClearing.clear(auction.supply(), auction.reserve,
                bids.stream().map(AuctionBid::sealed).toList());
        bids.forEach(bid -> bid.allocated = 0L);
        if (!(outcome instanceof ClearingOutcome.Cleared cleared)) {
            auction.cancelled(outcome.demand(), now);
            return List.of();
        }
        auction.cleared(cleared, now);
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < bids.size(); i++) {
            AuctionBid bid = bids.get(i);
            bid.allocated = cleared.allocated()[i];
            if (bid.allocated > 0) {
                bid.tradeId = auction.instrument + "-AUCTION-" + auction.id + "-" + bid.id;
                allocations.add(new Allocation(bid.id, bid.trade(auction)));
            }
        }
        return allocations;
    }

    /**
     * Closes every auction whose window has ended, each in its own transaction: one that fails (or that the
     * operator closed first) does not hold up the others. Answers how many this call closed.
     */
    public Uni<Integer> closeDue() {
        return Panache.withSession(() -> Auction.dueBy(clock.instant()))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(auction -> close(auction.id)
                                .onFailure().invoke(failure -> LOG.warnf(failure, "auction %d was not closed",
                                        auction.id))
                                .onFailure().recoverWithNull())
                        .collect().asList().map(List::size));
    }

    public Uni<Auction> auction(long auctionId) {
        return Auction.<Auction>findById(auctionId).onItem().ifNull().failWith(() -> notFound(auctionId));
    }

    public Uni<List<Auction>> auctions() {
        return Auction.inOrder();
    }

    /** Every bid of the auction, oldest first. */
    public Uni<List<AuctionBid>> bids(long auctionId) {
        return AuctionBid.ofAuction(auctionId);
    }

    private static Uni<Auction> locked(long auctionId) {
        return Auction.locked(auctionId).onItem().ifNull().failWith(() -> notFound(auctionId));
    }

    private static void onTickAndStep(long price, long quantity, ListingRules listing) {
        onTick(price, listing);
        if (quantity % listing.quantityStep() != 0) {
            throw new RuleViolationException("QUANTITY_NOT_ON_STEP", quantity + " t is not a multiple of "
                    + listing.quantityStep() + " t");
        }
    }

    private static void onTick(long price, ListingRules listing) {
        if (price % listing.tick() != 0) {
            throw new RuleViolationException("PRICE_NOT_ON_TICK", price + " fen is not a multiple of the tick "
                    + listing.tick());
        }
    }

    private static NotFoundException notFound(long auctionId) {
        return new NotFoundException("AUCTION_NOT_FOUND", "no auction " + auctionId);
    }

    static NotFoundException notTraded(InstrumentCode instrument) {
        return new NotFoundException("INSTRUMENT_NOT_LISTED", instrument + " is not listed for trading");
    }
}
