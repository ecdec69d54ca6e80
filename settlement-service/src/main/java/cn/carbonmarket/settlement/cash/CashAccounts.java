package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The parties' cash accounts, opened as the registry admits them ({@link CashAccountOpening}). */
@ApplicationScoped
public class CashAccounts {

    @WithSession
    public Uni<CashAccount> of(PartyId party) {
        return CashAccount.of(party).onItem().ifNull().failWith(() -> new NotFoundException("CASH_ACCOUNT_NOT_FOUND",
                "no cash account for party " + party));
    }
}
