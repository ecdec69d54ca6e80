package cn.carbonmarket.settlement.auction;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    private final AuctionCollateralStore store;
    private final LedgerStore ledger;
    private final Clock clock;

    public AuctionCollaterals(Pool pool, AuctionCollateralStore store, LedgerStore ledger, Clock clock) {
        this.pool = pool;
        this.store = store;
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
                        return store.find(conn, auctionId, party).map(c -> replayOf(c, instrument));
                    }
                    return store.insert(conn, auctionId, party, instrument, fen, now.atOffset(ZoneOffset.UTC))
                            .map(c -> new Outcome(c, false));
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
        return pool.withConnection(conn -> store.ofAuction(conn, auctionId));
    }

    /** What clearing learns before an auction's trades: the posts to apply ahead of them, who pays from collateral. */
    public record InUse(List<LedgerCommand> posts, Set<UUID> collateralised) {
    }

    /**
     * Clearing's step before an auction's trades: the buyers' pending reservations (one open per party) are put
     * into use, returning the posts to apply ahead of the trades in the same transaction, and the buyers whose
     * collateral is in use (the others bid in an auction covered elsewhere, and pay from available cash).
     */
    public Uni<InUse> putInUse(SqlConnection conn, List<UUID> buyers) {
        if (buyers.isEmpty()) {
            return Uni.createFrom().item(new InUse(List.of(), Set.of()));
        }
        return store.markInUse(conn, buyers)
                .flatMap(bids -> {
                    List<LedgerCommand> posts = new ArrayList<>();
                    bids.forEach(bid -> posts.add(new LedgerCommand.Post(Entries.id(EntryType.COLLATERAL_RESERVE,
                            bid))));
                    return store.inUse(conn, buyers).map(collateralised -> new InUse(posts, collateralised));
                });
    }

    /**
     * The auction is over: each bidder's unused reserved cash goes back to available, reservations no trade used
     * are voided. Settling again changes nothing and answers the same.
     */
    public Uni<List<CollateralView>> settle(String auctionId) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> store.lockOfAuction(conn, auctionId)
                        .flatMap(all -> {
                            if (all.isEmpty()) {
                                return Uni.createFrom().failure(new NotFoundException("AUCTION_NOT_FOUND",
                                        "no collateral was reserved for auction " + auctionId));
                            }
                            List<CollateralView> open = all.stream().filter(c -> c.state().equals("PENDING")
                                    || c.state().equals("IN_USE")).toList();
                            return reservedCash(conn, open).flatMap(reserved -> settleAll(conn, open, reserved, now));
                        }))
                .onFailure(LedgerStore::lostRace).retry().atMost(3)
                .chain(() -> ofAuction(auctionId));
    }

    /** Each open bidder's posted reserved cash (all of it is this auction's: one open reservation per party). */
    private Uni<List<Long>> reservedCash(SqlConnection conn, List<CollateralView> open) {
        List<Uni<Long>> balances = open.stream().map(c -> ledger.posted(conn,
                AccountKey.cashReserved(PartyId.parse(c.partyId())))).toList();
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
                        chain = chain.chain(() -> store.settle(conn, done.collateral(), done.state(),
                                done.releasedFen(), now.atOffset(ZoneOffset.UTC)));
                    }
                    return chain;
                });
    }
}
