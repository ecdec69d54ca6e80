package cn.carbonmarket.registry.debt;

import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The allocation debts claw-backs leave, as a party's record shows them. */
@ApplicationScoped
public class AllocationDebts {

    private final Pool pool;
    private final AllocationDebtStore store;

    AllocationDebts(Pool pool, AllocationDebtStore store) {
        this.pool = pool;
        this.store = store;
    }

    public Uni<List<AllocationDebt>> of(PartyId party) {
        return pool.withConnection(conn -> store.of(conn, party));
    }
}
