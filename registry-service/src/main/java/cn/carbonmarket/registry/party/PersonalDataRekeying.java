package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.registry.party.privacy.PersonalData;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Brings every party row under the current keys, at each start: rows written before personal data was sealed (V13:
 * the identity still in {@code identity_unsealed}, a person's name in the clear) are indexed and sealed, and rows of
 * a key rotation (indexed or sealed under an earlier key, still configured as previous) are indexed and sealed again
 * under the current ones. A batch at a time, each in its own transaction, rows locked and skipped by another replica
 * doing the same. Not ready until done: an identity of a row not indexed yet would not be found by a registration.
 */
@Readiness
@ApplicationScoped
public class PersonalDataRekeying implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(PersonalDataRekeying.class);
    private static final int BATCH = 1_000;

    private final Pool pool;
    private final PersonalData personal;
    private volatile boolean done;

    PersonalDataRekeying(Pool pool, PersonalData personal) {
        this.pool = pool;
        this.personal = personal;
    }

    void atStart(@Observes StartupEvent event) {
        rekeyAll().subscribe().with(rows -> {
            done = true;
            if (rows > 0) {
                LOG.infof("%d parties' personal data indexed and sealed under keys %s and %s", rows,
                        personal.indexKeyId(), personal.sealKeyId());
            }
        }, failure -> LOG.error("personal data could not be re-keyed: registrations wait (not ready)", failure));
    }

    /** Re-keys every row not under the current keys; how many it did. */
    public Uni<Long> rekeyAll() {
        return batch().flatMap(rows -> rows == 0 ? Uni.createFrom().item(0L) : rekeyAll().map(more -> more + rows));
    }

    private Uni<Integer> batch() {
        return pool.withTransaction(conn -> Party.notUnderKeys(conn, personal.indexKeyId(), personal.sealKeyId(), BATCH)
                .flatMap(parties -> {
                    parties.forEach(this::rekey);
                    return Party.rekeyed(conn, parties).replaceWith(parties.size());
                }));
    }

    /** The party's row kept anew from its values in full: unsealed under its key, or in the clear before V13. */
    private void rekey(Party party) {
        String name;
        LegalIdentity identity;
        if (party.identityUnsealed != null) {
            name = party.name;
            identity = PersonalData.identity(party.type, party.identityUnsealed);
        } else {
            PersonalData.InFull full = party.inFull(personal);
            name = full.name();
            identity = PersonalData.identity(party.type, full.identity());
        }
        party.keep(personal.keep(party.id, party.type, name, identity));
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("personal-data-keys").status(done).build();
    }
}
