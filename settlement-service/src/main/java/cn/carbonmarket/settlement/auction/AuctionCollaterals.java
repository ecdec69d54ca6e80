package cn.carbonmarket.settlement.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.settlement.ledger.AccountKind;
import cn.carbonmarket.settlement.ledger.Asset;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Auction collateral in two phases: a bid's collateral is held from available cash as a pending entry; the
 * auction's first trade for the bidder posts it into the reserved account, out of which the auction's trades are
 * paid ({@code AUCTION} mode); when the auction is settled, what is left is released to available cash, and a
 * reservation no trade used is voided. Every step writes the collateral row and the ledger in one transaction.
 */
@ApplicationScoped
public class AuctionCollaterals {

    private final Pool pool;
    private final LedgerStore ledger;
    private final Clock clock;

    public AuctionCollaterals(Pool pool, LedgerStore ledger, Clock clock) {
        this.pool = pool;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Outcome(CollateralView collateral, boolean replayed) {
    }

    public Uni<Outcome> reserve(String auctionId, PartyId party, InstrumentCode instrument, long fen) {
        Instant now = clock.instant();
        LedgerCommand hold = new LedgerCommand.Write(Entries.reserveCollateral(CollateralView.bidId(auctionId,
                party.toString()), party, fen, TradingDay.of(now)));
        return pool.withTransaction(conn -> ledger.apply(conn, List.of(hold), now).flatMap(outcomes -> {
                    if (outcomes.get(0).orThrow().replayed()) {
                        return find(conn, auctionId, party).map(c -> replayOf(c, instrument));
                    }
                    return conn.preparedQuery("insert into auction_collateral (auction_id, party_id, instrument,"
                                    + " amount_fen, state, reserved_at) values ($1, $2, $3, $4, 'PENDING', $5)"
                                    + " returning " + CollateralView.COLUMNS)
                            .execute(Tuple.of(auctionId, party.value(), instrument.toString(), fen,
                                    now.atOffset(ZoneOffset.UTC)))
                            .map(rows -> new Outcome(CollateralView.of(rows.iterator().next()), false));
                }))
                .onFailure(UniqueViolation::test).transform(e -> new ConflictException("COLLATERAL_ALREADY_RESERVED",
                        "party " + party + " has collateral reserved for another auction; it bids in one at a time"));
    }

    private static Outcome replayOf(CollateralView known, InstrumentCode instrument) {
        if (!known.instrument().equals(instrument.toString())) {
            throw new ConflictException("ENTRY_ID_CONFLICT", "collateral for auction " + known.auctionId()
                    + " was reserved for " + known.instrument());
        }
        return new Outcome(known, true);
    }

    public Uni<List<CollateralView>> ofAuction(String auctionId) {
        return pool.withConnection(conn -> conn.preparedQuery("select " + CollateralView.COLUMNS
                        + " from auction_collateral where auction_id = $1 order by party_id")
                .execute(Tuple.of(auctionId))
                .map(rows -> {
                    List<CollateralView> all = new ArrayList<>();
                    rows.forEach(r -> all.add(CollateralView.of(r)));
                    return all;
                }));
    }

    /** What clearing learns before an auction's trades: the posts to apply ahead of them, who pays from collateral. */
    public record InUse(List<LedgerCommand> posts, Set<UUID> collateralised) {
    }

    /**
     * Clearing's step before an auction's trades: the buyers' pending reservations (one open per party) are put
     * into use, returning the posts to apply ahead of the trades in the same transaction, and the buyers whose
     * collateral is in use (the others bid in an auction covered elsewhere, and pay from available cash).
     */
    public static Uni<InUse> putInUse(SqlConnection conn, List<UUID> buyers) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(new InUse(List.of(), Set.of()));
        }
        Tuple parties = Tuple.of(buyers.toArray(UUID[]::new));
        return conn.preparedQuery("update auction_collateral set state = 'IN_USE' where party_id = any($1)"
                        + " and state = 'PENDING' returning auction_id, party_id")
                .execute(parties)
                .flatMap(rows -> {
                    List<LedgerCommand> posts = new ArrayList<>();
                    rows.forEach(r -> posts.add(new LedgerCommand.Post(Entries.id(EntryType.COLLATERAL_RESERVE,
                            CollateralView.bidId(r.getString("auction_id"), r.getUUID("party_id").toString())))));
                    return conn.preparedQuery("select distinct party_id from auction_collateral"
                                    + " where party_id = any($1) and state = 'IN_USE'")
                            .execute(parties)
                            .map(inUse -> {
                                Set<UUID> collateralised = new HashSet<>();
                                inUse.forEach(r -> collateralised.add(r.getUUID("party_id")));
                                return new InUse(posts, collateralised);
                            });
                });
    }

    /**
     * The auction is over: each bidder's unused reserved cash goes back to available, reservations no trade used
     * are voided. Settling again changes nothing and answers the same.
     */
    public Uni<List<CollateralView>> settle(String auctionId) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> conn.preparedQuery("select " + CollateralView.COLUMNS
                                + " from auction_collateral where auction_id = $1 order by party_id for update")
                        .execute(Tuple.of(auctionId))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().failure(new NotFoundException("AUCTION_NOT_FOUND",
                                        "no collateral was reserved for auction " + auctionId));
                            }
                            List<CollateralView> open = new ArrayList<>();
                            rows.forEach(r -> {
                                CollateralView c = CollateralView.of(r);
                                if (c.state().equals("PENDING") || c.state().equals("IN_USE")) {
                                    open.add(c);
                                }
                            });
                            return reservedCash(conn, open).flatMap(reserved -> settleAll(conn, open, reserved, now));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3)
                .chain(() -> ofAuction(auctionId));
    }

    /** Each open bidder's posted reserved cash (all of it is this auction's: one open reservation per party). */
    private static Uni<List<Long>> reservedCash(SqlConnection conn, List<CollateralView> open) {
        List<Uni<Long>> balances = open.stream().map(c -> conn.preparedQuery("select credits_posted - debits_posted"
                        + " from ledger_account where kind = $1 and owner = $2 and asset = $3")
                .execute(Tuple.of(AccountKind.CASH_RESERVED.name(), c.partyId(), Asset.CNY.code()))
                .map(r -> r.size() == 0 ? 0L : r.iterator().next().getLong(0))).toList();
        return balances.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(balances).andFailFast();
    }

    private record Settled(CollateralView collateral, String state, long releasedFen) {
    }

    private Uni<Void> settleAll(SqlConnection conn, List<CollateralView> open, List<Long> reserved, Instant now) {
        List<LedgerCommand> commands = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            CollateralView c = open.get(i);
            String reservation = Entries.id(EntryType.COLLATERAL_RESERVE, c.bidId());
            if (c.state().equals("PENDING")) {
                commands.add(new LedgerCommand.VoidPending(reservation));
                settled.add(new Settled(c, "VOIDED", 0));
            } else {
                long rest = reserved.get(i);
                if (rest > 0) {
                    commands.add(new LedgerCommand.Write(Entries.releaseCollateral(c.bidId(),
                            PartyId.parse(c.partyId()), rest, TradingDay.of(now))));
                }
                settled.add(new Settled(c, "RELEASED", rest));
            }
        }
        return ledger.apply(conn, commands, now)
                .invoke(outcomes -> outcomes.forEach(LedgerStore.Outcome::orThrow))
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Settled done : settled) {
                        chain = chain.chain(() -> conn.preparedQuery("update auction_collateral set state = $3,"
                                        + " released_fen = $4, settled_at = $5 where auction_id = $1 and party_id = $2")
                                .execute(Tuple.of(done.collateral().auctionId(),
                                        UUID.fromString(done.collateral().partyId()), done.state(), done.releasedFen(),
                                        now.atOffset(ZoneOffset.UTC)))
                                .replaceWithVoid());
                    }
                    return chain;
                });
    }

    private static Uni<CollateralView> find(SqlConnection conn, String auctionId, PartyId party) {
        return conn.preparedQuery("select " + CollateralView.COLUMNS + " from auction_collateral"
                        + " where auction_id = $1 and party_id = $2")
                .execute(Tuple.of(auctionId, party.value()))
                .map(rows -> CollateralView.of(rows.iterator().next()));
    }
}
