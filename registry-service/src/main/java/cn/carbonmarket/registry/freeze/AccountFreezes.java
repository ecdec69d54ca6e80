package cn.carbonmarket.registry.freeze;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Judicial or administrative freezes of whole accounts. A frozen account sends nothing (every movement out of it
 * is refused with ACCOUNT_NOT_OPEN) but still receives, so that settlement and issuance owed to it are not lost.
 */
@ApplicationScoped
public class AccountFreezes {

    private static final Logger LOG = Logger.getLogger(AccountFreezes.class);

    private final Clock clock;

    AccountFreezes(Clock clock) {
        this.clock = clock;
    }

    /** Freezes an OPEN account on a court's or an authority's order. */
    @WithTransaction
    public Uni<Account> freeze(String id, String reason, String authority, String frozenBy) {
        return account(id).map(account -> {
            if (account.state != AccountState.OPEN) {
                throw new ConflictException("ACCOUNT_NOT_OPEN", "account " + id + " is " + account.state);
            }
            account.state = AccountState.FROZEN;
            account.freezeReason = reason;
            account.freezeAuthority = authority;
            account.frozenAt = clock.instant();
            LOG.infof("account %s frozen by %s on the order of %s: %s", id, frozenBy, authority, reason);
            return account;
        });
    }

    /** Lifts a FROZEN account's freeze. */
    @WithTransaction
    public Uni<Account> unfreeze(String id, String unfrozenBy) {
        return account(id).map(account -> {
            if (account.state != AccountState.FROZEN) {
                throw new ConflictException("ACCOUNT_NOT_FROZEN", "account " + id + " is " + account.state);
            }
            LOG.infof("account %s unfrozen by %s (was frozen on the order of %s)", id, unfrozenBy,
                    account.freezeAuthority);
            account.state = AccountState.OPEN;
            account.freezeReason = null;
            account.freezeAuthority = null;
            account.frozenAt = null;
            return account;
        });
    }

    private static Uni<Account> account(String id) {
        return Account.<Account>findById(AccountId.parse(id).value())
                .onItem().ifNull().failWith(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "no account " + id));
    }
}
