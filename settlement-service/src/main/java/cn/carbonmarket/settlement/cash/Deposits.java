package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.settlement.ledger.Applied;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.LedgerCommand;
import cn.carbonmarket.settlement.ledger.LedgerStore;
import cn.carbonmarket.settlement.ledger.TradingDay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Books the clearing bank's deposit notices: the party's available cash rises against the settlement bank omnibus
 * mirror, once per bank reference, and trading hears of it through the LedgerEntryPosted event.
 */
@ApplicationScoped
public class Deposits {

    private final Pool pool;
    private final LedgerStore ledger;
    private final Clock clock;

    public Deposits(Pool pool, LedgerStore ledger, Clock clock) {
        this.pool = pool;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Uni<Applied> deposit(String bankReference, PartyId party, long fen) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> CashAccount.exists(conn, party)
                        .flatMap(exists -> {
                            if (!exists) {
                                return Uni.createFrom().failure(new RuleViolationException("CASH_ACCOUNT_NOT_FOUND",
                                        "party " + party + " has no cash account (the registry has not admitted it)"));
                            }
                            return ledger.apply(conn, List.of(new LedgerCommand.Write(Entries.deposit(bankReference,
                                    party, fen, TradingDay.of(now)))), now);
                        })
                        .map(outcomes -> outcomes.get(0).orThrow()))
                .onFailure(LedgerStore::lostRace).retry().atMost(3);
    }
}
