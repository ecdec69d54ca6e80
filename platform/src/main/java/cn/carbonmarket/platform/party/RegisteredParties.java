package cn.carbonmarket.platform.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the registry's parties ({@code registry.parties}, channel {@code registry-parties}) and makes the
 * service's {@link PartyRecord} for each, exactly once however often an event arrives. A bean only where the
 * service says {@code market.parties.follow=true} at build time: the registry publishes the parties and follows none.
 */
@ApplicationScoped
@IfBuildProperty(name = "market.parties.follow", stringValue = "true")
public class RegisteredParties {

    private final IdempotentConsumer consumer;
    private final PartyRecord record;
    private final Clock clock;

    public RegisteredParties(IdempotentConsumer consumer, PartyRecord record, Clock clock) {
        this.consumer = consumer;
        this.record = record;
        this.clock = clock;
    }

    @Incoming("registry-parties")
    public Uni<Void> onPartyEvent(String json) {
        return consumer.once(record.consumer(), json, PartyRegistered.TYPE,
                party -> record.create().apply(party, clock.instant()));
    }
}
