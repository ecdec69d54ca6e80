package cn.carbonmarket.settlement.revenue;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.settlement.cash.CashAccount;
import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The national auction revenue account is the auctioneer's cash account (opened when the registry registers the
 * auctioneer, as for any party): its primary auctions' trades clear by DvP like any trade, the winner's cash to the
 * seller's. The report reads the balance and the trades in one snapshot, so that they agree.
 */
@ApplicationScoped
public class AuctionRevenue {

    private final Pool pool;
    private final AuctionRevenueStore store;
    private final LedgerStore ledger;

    public AuctionRevenue(Pool pool, AuctionRevenueStore store, LedgerStore ledger) {
        this.pool = pool;
        this.store = store;
        this.ledger = ledger;
    }

    public Uni<AuctionRevenueView> of(Jurisdiction jurisdiction) {
        PartyId auctioneer = SystemParties.auctioneer(jurisdiction);
        return pool.withTransaction(conn -> conn.query("set transaction isolation level repeatable read").execute()
                .chain(() -> CashAccount.exists(conn, auctioneer))
                .chain(open -> open ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new NotFoundException(
                        "CASH_ACCOUNT_NOT_FOUND", jurisdiction + "'s auctioneer " + auctioneer
                        + " has no cash account: the registry has not registered it")))
                .chain(() -> ledger.posted(conn, AccountKey.cashAvailable(auctioneer)))
                .flatMap(balance -> store.days(conn, auctioneer).flatMap(days -> store.latestEntries(conn, auctioneer)
                        .map(entries -> new AuctionRevenueView(jurisdiction.name(), auctioneer.toString(), balance,
                                days.stream().mapToLong(AuctionRevenueView.Day::proceedsFen).sum(),
                                days.stream().mapToLong(AuctionRevenueView.Day::feesFen).sum(),
                                days.stream().mapToLong(AuctionRevenueView.Day::tonnes).sum(),
                                days.stream().mapToLong(AuctionRevenueView.Day::trades).sum(), days, entries)))));
    }
}
