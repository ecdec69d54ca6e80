package cn.carbonmarket.trading.auction;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-way auction: one seller's volume offered at or above a reserve price to sealed bids during a window,
 * then cleared at a uniform price or cancelled, once.
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

    /** Tonnes allocated, once cleared: the whole volume. */
    public Long allocated;

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

    void cleared(long price, Instant now) {
        state = State.CLEARED;
        clearingPrice = price;
        allocated = quantity;
        closedAt = now;
    }

    void cancelled(Instant now) {
        state = State.CANCELLED;
        closedAt = now;
    }

    private void requireAnnounced() {
        if (state != State.ANNOUNCED) {
            throw new ConflictException("AUCTION_CLOSED", "auction " + id + " is " + state);
        }
    }
}
