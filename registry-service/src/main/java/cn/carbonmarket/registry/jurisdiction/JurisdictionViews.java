package cn.carbonmarket.registry.jurisdiction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Who takes part in a jurisdiction's market and where its units are. */
@ApplicationScoped
public class JurisdictionViews {

    private final Pool pool;
    private final JurisdictionViewStore store;

    JurisdictionViews(Pool pool, JurisdictionViewStore store) {
        this.pool = pool;
        this.store = store;
    }

    public Uni<Participants> participants(Jurisdiction jurisdiction, int page, int size) {
        return pool.withConnection(conn -> store.countsByType(conn, jurisdiction)
                .flatMap(counts -> store.page(conn, jurisdiction, page, size).map(listed -> new Participants(
                        jurisdiction, counts.values().stream().mapToLong(Long::longValue).sum(), counts, page, size,
                        listed))));
    }

    public Uni<Holdings> holdings(Jurisdiction jurisdiction) {
        return pool.withConnection(conn -> store.holdings(conn, jurisdiction))
                .map(instruments -> new Holdings(jurisdiction, instruments));
    }
}
