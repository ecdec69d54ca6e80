package cn.carbonmarket.trading.auction;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.block.OffBookTrade;
import cn.carbonmarket.trading.risk.OffBookCommitment;
import cn.carbonmarket.trading.risk.ReservationKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A one-way auction: one seller's volume ({@code quantity}, V) offered in lots at or above a reserve price to sealed
 * bids during a window, then cleared at a uniform price or cancelled, once. A primary auction (allocation's, with an
 * {@code auctionRef}) may add a cost containment volume R at and above a trigger price and withhold W below a floor
 * price ({@link SupplyCurve}); the seller puts up V + R.
 */
@Entity
@Table(name = "auction")
public class Auction extends PanacheEntityBase {

    public enum State { ANNOUNCED, CLEARED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID seller;

    @Column(nullable = false)
    public String instrument;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "reserve_fen", nullable = false)
    public long reserve;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "announced_by", nullable = false)
    public String announcedBy;

    @Column(name = "announced_at", nullable = false)
    public Instant announcedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The uniform price in fen, once cleared. */
    @Column(name = "clearing_fen")
    public Long clearingPrice;

    /** Tonnes sold, once closed: the allocations together (zero when cancelled). */
    public Long sold;

    /** Tonnes bid at or above the reserve price, once closed. */
    public Long demand;

    /** Allocation's reference of a primary auction; null for the operator's. */
    @Column(name = "auction_ref")
    public String auctionRef;

    /** Tonnes per lot: bids and allocations are whole lots (the listing's quantity step for the operator's). */
    @Column(name = "lot_tonnes", nullable = false)
    public long lot;

    /** The most one bidder's bids together may ask for; null: no cap. */
    @Column(name = "bidder_cap_tonnes")
    public Long bidderCap;

    /** The party types that may bid, comma-separated; null: every party. */
    @Column(name = "eligible_types")
    public String eligibleTypes;

    /** Cost containment: at a clearing price of at least this, {@link #ccrTonnes} more are on offer. */
    @Column(name = "ccr_trigger_fen")
    public Long ccrTrigger;

    @Column(name = "ccr_tonnes")
    public Long ccrTonnes;

    /** Emissions containment: at a clearing price below this, {@link #ecrWithheld} fewer are on offer. */
    @Column(name = "ecr_floor_fen")
    public Long ecrFloor;

    @Column(name = "ecr_withhold_tonnes")
    public Long ecrWithheld;

    /** An auction to announce: V of the seller's instrument in lots of {@code lot} t from the reserve price. */
    static Auction offering(PartyId seller, InstrumentCode instrument, long quantity, long lot, long reserve,
                            Instant opensAt, Instant closesAt, String announcedBy) {
        Auction auction = new Auction();
        auction.seller = seller.value();
        auction.instrument = instrument.toString();
        auction.quantity = quantity;
        auction.lot = lot;
        auction.reserve = reserve;
        auction.opensAt = opensAt;
        auction.closesAt = closesAt;
        auction.announcedBy = announcedBy;
        return auction;
    }

    static Uni<List<Auction>> inOrder() {
        return list("order by id");
    }

    /** The announced auctions whose bid window has ended by {@code now}, the earliest first. */
    static Uni<List<Auction>> dueBy(Instant now) {
        return list("state = ?1 and closesAt <= ?2 order by closesAt", State.ANNOUNCED, now);
    }

    /** The auction with allocation's reference {@code auctionRef} (null if there is none). */
    static Uni<Auction> byRef(String auctionRef) {
        return find("auctionRef", auctionRef).firstResult();
    }

    /** The auction with its row locked until the transaction ends (null if there is none). */
    static Uni<Auction> locked(long auctionId) {
        return findById(auctionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What announced auctions still reserve: each seller's volume and each sealed bid's cash. Plain SQL on the
     * pool, not the session: the risk view recovers on start, outside any request's reactive session.
     */
    static Uni<List<OffBookCommitment>> openCommitments(Pool pool) {
        return pool.query("select id, seller, instrument, quantity + coalesce(ccr_tonnes, 0) as quantity, reserve_fen"
                        + " from auction where state = 'ANNOUNCED' order by id").execute()
                .flatMap(auctions -> pool.query("select b.id, b.bidder, a.instrument, b.price_fen, b.quantity"
                                + " from auction_bid b join auction a on a.id = b.auction_id"
                                + " where a.state = 'ANNOUNCED' order by b.id").execute()
                        .map(bids -> {
                            List<OffBookCommitment> open = new ArrayList<>();
                            auctions.forEach(a -> open.add(commitment(AuctionHouse.volumeKey(a.getLong("id")), a,
                                    "seller", Side.SELL, a.getLong("reserve_fen"))));
                            bids.forEach(b -> open.add(commitment(AuctionHouse.bidKey(b.getLong("id")), b,
                                    "bidder", Side.BUY, b.getLong("price_fen"))));
                            return open;
                        }));
    }

    private static OffBookCommitment commitment(ReservationKey.OffBook key, Row row, String party, Side side,
                                                long price) {
        return new OffBookCommitment(key, TradeMode.AUCTION, new PartyId(row.getUUID(party)),
                InstrumentCode.parse(row.getString("instrument")), side, price, row.getLong("quantity"));
    }

    /**
     * The trades of cleared auctions' allocations that the trade log does not hold: a stop came between the close's
     * commit and the recording. Plain SQL on the pool, for the same reason as {@link #openCommitments}.
     */
    static Uni<List<OffBookTrade>> unrecordedAllocations(Pool pool) {
        return pool.query("select a.seller, a.instrument, a.clearing_fen, a.closed_at, b.bidder, b.allocated,"
                        + " b.trade_id from auction_bid b join auction a on a.id = b.auction_id"
                        + " where a.state = 'CLEARED' and b.allocated > 0"
                        + " and not exists (select 1 from trade t where t.trade_id = b.trade_id) order by b.id")
                .execute()
                .map(rows -> {
                    List<OffBookTrade> trades = new ArrayList<>();
                    rows.forEach(row -> trades.add(allocation(row).trade(cleared(row))));
                    return trades;
                });
    }

    private static Auction cleared(Row row) {
        Auction auction = new Auction();
        auction.seller = row.getUUID("seller");
        auction.instrument = row.getString("instrument");
        auction.state = State.CLEARED;
        auction.clearingPrice = row.getLong("clearing_fen");
        auction.closedAt = row.getOffsetDateTime("closed_at").toInstant();
        return auction;
    }

    private static AuctionBid allocation(Row row) {
        AuctionBid bid = new AuctionBid();
        bid.bidder = row.getUUID("bidder");
        bid.allocated = row.getLong("allocated");
        bid.tradeId = row.getString("trade_id");
        return bid;
    }

    /** What sells at each clearing price. */
    SupplyCurve supply() {
        SupplyCurve supply = SupplyCurve.fixed(quantity, lot);
        if (ecrFloor != null) {
            supply = supply.withFloor(ecrFloor, ecrWithheld);
        }
        return ccrTrigger == null ? supply : supply.withRelease(ccrTrigger, ccrTonnes);
    }

    /** V + R: what the seller puts up and the most that can sell. */
    long offered() {
        return ccrTonnes == null ? quantity : quantity + ccrTonnes;
    }

    /** The party types that may bid, in their declared order; null: every party. */
    Set<PartyType> eligible() {
        if (eligibleTypes == null) {
            return null;
        }
        Set<PartyType> types = EnumSet.noneOf(PartyType.class);
        Arrays.stream(eligibleTypes.split(",")).map(PartyType::valueOf).forEach(types::add);
        return types;
    }

    void eligible(Set<PartyType> types) {
        eligibleTypes = types == null ? null : EnumSet.copyOf(types).stream().map(PartyType::name)
                .collect(Collectors.joining(","));
    }

    BidRules bidRules(int maxBids) {
        return new BidRules(reserve, lot, offered(), bidderCap, eligible(), maxBids);
    }

    /** Whether bids are taken at {@code now}: announced and inside the half-open window. */
    void requireBidding(Instant now) {
        requireAnnounced();
        if (now.isBefore(opensAt) || !now.isBefore(closesAt)) {
            throw new RuleViolationException("OUTSIDE_BID_WINDOW", "auction " + id + " takes bids from " + opensAt
                    + " until " + closesAt);
        }
    }

    void requireClosable(Instant now) {
        requireAnnounced();
        if (now.isBefore(closesAt)) {
            throw new ConflictException("BID_WINDOW_OPEN", "auction " + id + " takes bids until " + closesAt);
        }
    }

    void cleared(ClearingOutcome.Cleared outcome, Instant now) {
        state = State.CLEARED;
        clearingPrice = outcome.price();
        sold = outcome.sold();
        demand = outcome.demand();
        closedAt = now;
    }

    void cancelled(long demandAtReserve, Instant now) {
        state = State.CANCELLED;
        sold = 0L;
        demand = demandAtReserve;
        closedAt = now;
    }

    private void requireAnnounced() {
        if (state != State.ANNOUNCED) {
            throw new ConflictException("AUCTION_CLOSED", "auction " + id + " is " + state);
        }
    }
}
