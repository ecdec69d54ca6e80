package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Registers the national auctioneer (contracts SystemParties) at start, so that settlement opens its cash account
 * (the auction revenue account) and trading its risk profile by following PartyRegistered as for any party. Only the
 * national market auctions: the pilots have no auction delivery account.
 */
@ApplicationScoped
public class Auctioneers {

    private static final Logger LOG = Logger.getLogger(Auctioneers.class);
    /** The national auctions are run by the Ministry of Ecology and Environment, in Beijing. */
    static final SystemParty NATIONAL = SystemParty.auctioneer(Jurisdiction.CN, Region.BJ);

    private final Pool pool;
    private final PartyAdmissions admissions;

    Auctioneers(Pool pool, PartyAdmissions admissions) {
        this.pool = pool;
        this.admissions = admissions;
    }

    /** Once the outbox can publish: its relay sends to Kafka, which the messaging start connects. */
    void registerAtStart(@Observes StartupEvent event) {
        if (register().await().atMost(Duration.ofMinutes(1))) {
            LOG.infof("registered the auctioneer %s holding %s", NATIONAL.id(), NATIONAL.holdingAccount());
        }
    }

    /**
     * Registers the national auctioneer unless it is registered; true if this call did. Idempotent, also for replicas
     * starting at once: the party row's insert decides which one registers it and publishes PartyRegistered.
     */
    public Uni<Boolean> register() {
        return pool.withTransaction(this::register);
    }

    /**
     * The same in the caller's transaction. An auction's supply books after it: the consumers start with the
     * service, maybe before the start's registration committed, and the supply's lines must name the auctioneer.
     */
    public Uni<Boolean> register(SqlConnection conn) {
        return admissions.admit(conn, NATIONAL, "registry-service");
    }
}
