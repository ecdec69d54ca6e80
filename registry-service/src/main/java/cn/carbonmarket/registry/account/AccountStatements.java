package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.holding.Holding;
import cn.carbonmarket.registry.transaction.BookedTransaction;
import cn.carbonmarket.registry.transaction.StatementPage;
import cn.carbonmarket.registry.transaction.TransactionStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Statements: an account with what it holds, and the transactions that touched it. */
@ApplicationScoped
public class AccountStatements {

    private final Pool pool;
    private final TransactionStore transactions;

    public AccountStatements(Pool pool, TransactionStore transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    /** An account and its non-zero holdings. */
    public record Position(Account account, List<Holding> holdings) {
    }

    @WithSession
    public Uni<Position> position(AccountId id) {
        return Account.<Account>findById(id.value())
                .onItem().ifNull().failWith(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id))
                .flatMap(account -> pool.withConnection(conn -> transactions.holdingsOf(conn, account.id)).map(holdings -> new Position(account,
                        holdings.stream().filter(h -> h.quantity() != 0).toList())));
    }

    public Uni<List<BookedTransaction>> transactions(StatementPage page) {
        return pool.withConnection(conn -> transactions.statement(conn, page));
    }
}
