package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows the registry's parties: each registered party gets a cash account, exactly once. */
@ApplicationScoped
public class PartyDirectory {

    static final String CONSUMER = "settlement.cash-accounts";

    private final IdempotentConsumer consumer;
    private final Clock clock;

    public PartyDirectory(IdempotentConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Incoming("registry-parties")
    public Uni<Void> onPartyEvent(String json) {
        return consumer.once(CONSUMER, json, PartyRegistered.TYPE,
                party -> CashAccount.openFor(party, clock.instant()));
    }
}
