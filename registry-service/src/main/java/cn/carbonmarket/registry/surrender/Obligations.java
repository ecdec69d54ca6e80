package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.onemarket.OneMarketFlags;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows allocation's obligations: each entity's latest version per period is kept (an equal or lower version,
 * redelivered or overtaken, changes nothing), and the period's surrender account is opened with its first one. A
 * national obligation kept for a party that a pilot was migrated to flags it for the one-market rule, in the same
 * transaction.
 */
@ApplicationScoped
public class Obligations {

    private static final Logger LOG = Logger.getLogger(Obligations.class);

    private final EventCodec codec;
    private final Pool pool;
    private final SurrenderStore store;
    private final OneMarketFlags flags;
    private final Clock clock;

    Obligations(EventCodec codec, Pool pool, SurrenderStore store, OneMarketFlags flags, Clock clock) {
        this.codec = codec;
        this.pool = pool;
        this.store = store;
        this.flags = flags;
        this.clock = clock;
    }

    @Incoming("obligations")
    public Uni<Void> onObligation(String json) {
        return codec.decodeIf(json, ObligationSet.TYPE)
                .map(event -> set(SurrenderObligation.of(event.payload())))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    Uni<Void> set(SurrenderObligation obligation) {
        // A period id that cannot name an account is unusable: the message goes to the dead-letter topic.
        String account = SystemAccounts.surrender(Surrender.periodId(obligation.periodId()));
        return pool.withTransaction(conn -> Account.openSystem(conn, account, AccountType.SURRENDER,
                                obligation.instrument().product().jurisdiction(), clock.instant())
                        .flatMap(opened -> store.set(conn, obligation))
                        .call(kept -> !kept ? Uni.createFrom().voidItem() : flags.covered(conn, obligation.partyId(),
                                obligation.periodId(), obligation.jurisdiction(), obligation.sector())))
                .invoke(kept -> {
                    if (!kept) {
                        LOG.debugf("obligation of %s for %s version %d ignored: a version as high is kept",
                                obligation.partyId(), obligation.periodId(), obligation.version());
                    }
                })
                .replaceWithVoid();
    }
}
