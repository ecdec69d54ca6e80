package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows the registry's parties: each registered party gets a risk profile, exactly once. */
@ApplicationScoped
public class PartyDirectory {

    static final String CONSUMER = "trading.risk-profiles";

    private final IdempotentConsumer consumer;
    private final Clock clock;

    public PartyDirectory(IdempotentConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Incoming("registry-parties")
    public Uni<Void> onPartyEvent(String json) {
        return consumer.once(CONSUMER, json, PartyRegistered.TYPE,
                party -> RiskProfile.openFor(party, clock.instant()));
    }
}
