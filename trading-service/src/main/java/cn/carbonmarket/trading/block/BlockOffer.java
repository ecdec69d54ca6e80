package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.contracts.trade.Side;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A block agreement offer: the poster offers to buy or sell a block at a price, to one named counterparty or to
 * all, until the end of the block session it was posted in. It is accepted, withdrawn or expires exactly once.
 */
@Entity
@Table(name = "block_offer")
public class BlockOffer extends PanacheEntityBase {

    public enum State { OPEN, ACCEPTED, WITHDRAWN, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID poster;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "price_fen", nullable = false)
    public long price;

    /** The one party that may accept; null when the offer is open to all. */
    public UUID addressee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "trade_id")
    public String tradeId;

    static BlockOffer post(PartyId poster, InstrumentCode instrument, Side side, long quantity, long price,
                           PartyId addressee, Instant now, Instant expiresAt) {
        if (poster.equals(addressee)) {
            throw new RuleViolationException("ADDRESSED_TO_SELF", "a block offer is addressed to a counterparty,"
                    + " not to its poster");
        }
        BlockOffer offer = new BlockOffer();
        offer.poster = poster.value();
        offer.instrument = instrument.toString();
        offer.side = side;
        offer.quantity = quantity;
        offer.price = price;
        offer.addressee = addressee == null ? null : addressee.value();
        offer.state = State.OPEN;
        offer.postedAt = now;
        offer.expiresAt = expiresAt;
        return offer;
    }

    /** The offers {@code party} may see at {@code now}: its own, addressed to it, accepted by it, or open to all. */
    static Uni<List<BlockOffer>> seenBy(PartyId party, Instant now) {
        return list("poster = ?1 or addressee = ?1 or acceptedBy = ?1"
                + " or (addressee is null and state = ?2 and expiresAt > ?3) order by id", party.value(), State.OPEN,
                now);
    }

    static Uni<List<BlockOffer>> inOrder() {
        return list("order by id");
    }

    /** The offer with its row locked until the transaction ends (null if there is none). */
    static Uni<BlockOffer> locked(long offerId) {
        return findById(offerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Records as expired every open offer whose block session ended by {@code now}; returns how many. */
    static Uni<Integer> expireBy(Instant now) {
        return update("state = ?1, closedAt = expiresAt where state = ?2 and expiresAt <= ?3", State.EXPIRED,
                State.OPEN, now);
    }

    /**
     * The offer with its row locked, read on {@code conn} in plain SQL rather than through the session: an
     * acceptance records its trade on that connection, so the offer's state change, the trade, its balance changes
     * and its events commit together or not at all. Null if there is none.
     */
    static Uni<BlockOffer> lockedOn(SqlConnection conn, long offerId) {
        return conn.preparedQuery("select id, poster, instrument, side, quantity, price_fen, addressee, state,"
                        + " posted_at, expires_at, closed_at, accepted_by, trade_id from block_offer where id = $1"
                        + " for update").execute(Tuple.of(offerId))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** Stores on {@code conn} what {@link #accept} changed. */
    static Uni<Void> acceptedOn(SqlConnection conn, BlockOffer offer) {
        return conn.preparedQuery("update block_offer set state = $2, accepted_by = $3, closed_at = $4, trade_id = $5"
                        + " where id = $1")
                .execute(Tuple.from(Arrays.asList(offer.id, offer.state.name(), offer.acceptedBy,
                        offer.closedAt.atOffset(ZoneOffset.UTC), offer.tradeId)))
                .replaceWithVoid();
    }

    private static BlockOffer of(Row row) {
        BlockOffer offer = new BlockOffer();
        offer.id = row.getLong("id");
        offer.poster = row.getUUID("poster");
        offer.instrument = row.getString("instrument");
        offer.side = Side.valueOf(row.getString("side"));
        offer.quantity = row.getLong("quantity");
        offer.price = row.getLong("price_fen");
        offer.addressee = row.getUUID("addressee");
        offer.state = State.valueOf(row.getString("state"));
        offer.postedAt = instant(row.getOffsetDateTime("posted_at"));
        offer.expiresAt = instant(row.getOffsetDateTime("expires_at"));
        offer.closedAt = instant(row.getOffsetDateTime("closed_at"));
        offer.acceptedBy = row.getUUID("accepted_by");
        offer.tradeId = row.getString("trade_id");
        return offer;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** The state as of {@code now}: an open offer past its expiry is expired even before the sweep records it. */
    public State stateAt(Instant now) {
        return state == State.OPEN && !now.isBefore(expiresAt) ? State.EXPIRED : state;
    }

    /** Whether {@code party} may see the offer: its poster, addressee or acceptor, or anyone while open to all. */
    boolean visibleTo(PartyId party, Instant now) {
        UUID id = party.value();
        return id.equals(poster) || id.equals(addressee) || id.equals(acceptedBy)
                || (addressee == null && stateAt(now) == State.OPEN);
    }

    /** {@code party} takes the offer: the trade it makes, buyer and seller by the poster's side. */
    OffBookTrade accept(PartyId party, Instant now) {
        if (party.value().equals(poster)) {
            throw new RuleViolationException("OWN_OFFER", "the poster cannot accept its own block offer");
        }
        if (addressee != null && !party.value().equals(addressee)) {
            throw new ForbiddenException("NOT_ADDRESSEE", "block offer " + id + " is addressed to another party");
        }
        requireOpen(now);
        state = State.ACCEPTED;
        acceptedBy = party.value();
        closedAt = now;
        tradeId = instrument + "-BLOCK-" + id;
        PartyId posterParty = new PartyId(poster);
        return new OffBookTrade(tradeId, TradeMode.BLOCK, InstrumentCode.parse(instrument),
                side == Side.BUY ? posterParty : party, side == Side.SELL ? posterParty : party, quantity, price, now);
    }

    void withdraw(PartyId party, Instant now) {
        if (!party.value().equals(poster)) {
            throw new ForbiddenException("NOT_POSTER", "only the poster withdraws block offer " + id);
        }
        requireOpen(now);
        state = State.WITHDRAWN;
        closedAt = now;
    }

    private void requireOpen(Instant now) {
        State current = stateAt(now);
        if (current != State.OPEN) {
            throw new ConflictException("OFFER_NOT_OPEN", "block offer " + id + " is " + current);
        }
    }
}
