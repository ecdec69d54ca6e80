package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.AccountKind;
import cn.carbonmarket.settlement.ledger.Asset;
import cn.carbonmarket.settlement.ledger.Balance;
import cn.carbonmarket.settlement.ledger.Ledger;
import cn.carbonmarket.settlement.ledger.SaleProceeds;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A party's balances as the ledger holds them, with what it may withdraw today. */
@ApplicationScoped
public class Balances {

    private final Pool pool;
    private final Clock clock;

    public Balances(Pool pool, Clock clock) {
        this.pool = pool;
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
        return pool.withTransaction(conn -> conn.preparedQuery("select kind, asset, debits_pending, debits_posted,"
                                + " credits_pending, credits_posted from ledger_account where owner = $1"
                                + " order by kind, asset")
                        .execute(Tuple.of(party.toString()))
                        .flatMap(accounts -> conn.preparedQuery("select trade_date, amount_fen from sale_proceeds"
                                        + " where party_id = $1 and trade_date >= $2")
                                .execute(Tuple.of(party.value(), today))
                                .map(proceeds -> {
                                    Map<AccountKey, Balance> balances = new HashMap<>();
                                    accounts.forEach(r -> balances.put(new AccountKey(
                                                    AccountKind.valueOf(r.getString("kind")), party.toString(),
                                                    Asset.parse(r.getString("asset"))),
                                            new Balance(r.getLong("debits_pending"), r.getLong("debits_posted"),
                                                    r.getLong("credits_pending"), r.getLong("credits_posted"))));
                                    List<SaleProceeds> sales = new ArrayList<>();
                                    proceeds.forEach(r -> sales.add(new SaleProceeds(party,
                                            r.getLocalDate("trade_date"), r.getLong("amount_fen"))));
                                    return view(party, today, new Ledger(balances, List.of(), sales));
                                })));
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
        units.sort(java.util.Comparator.comparing(UnitPosition::instrument));
        return new PartyBalances(party.toString(), today, cash, units);
    }
}
