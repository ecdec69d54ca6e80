package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.AccountKind;
import cn.carbonmarket.settlement.ledger.Ledger;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A party's balances as the ledger holds them, with what it may withdraw today. */
@ApplicationScoped
public class Balances {

    private final Pool pool;
    private final LedgerStore ledger;
    private final Clock clock;

    public Balances(Pool pool, LedgerStore ledger, Clock clock) {
        this.pool = pool;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Cash(long available, long reserved, long pendingWithdrawal, long withdrawable) {
    }

    public record UnitPosition(String instrument, long available, long posted) {
    }

    public record PartyBalances(String partyId, LocalDate businessDate, Cash cash, List<UnitPosition> units) {
    }

    public Uni<PartyBalances> of(PartyId party) {
        LocalDate today = TradingDay.of(clock.instant());
        return pool.withTransaction(conn -> ledger.partyLedger(conn, party, today)
                .map(partyLedger -> view(party, today, partyLedger)));
    }

    private static PartyBalances view(PartyId party, LocalDate today, Ledger ledger) {
        Cash cash = new Cash(ledger.balance(AccountKey.cashAvailable(party)).available(),
                ledger.balance(AccountKey.cashReserved(party)).available(),
                ledger.balance(AccountKey.cashPendingWithdrawal(party)).creditsPending(),
                ledger.withdrawable(party, today));
        List<UnitPosition> units = new ArrayList<>();
        ledger.balances().forEach((account, balance) -> {
            if (account.kind() == AccountKind.UNITS) {
                units.add(new UnitPosition(account.asset().code(), balance.available(), balance.posted()));
            }
        });
        units.sort(Comparator.comparing(UnitPosition::instrument));
        return new PartyBalances(party.toString(), today, cash, units);
    }
}
