package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.registry.account.Account;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The one way a party enters the registry: its party row, its HOLDING account and its PartyRegistered event (which
 * tells trading, settlement and allocation of it), written in the caller's transaction. A registration through the
 * API and the thousands of holders of a pilot migration go through here alike, and the market's own parties
 * ({@link SystemParty}), which hold a system account instead.
 */
@ApplicationScoped
public class PartyAdmissions {

    private final Outbox outbox;
    private final Clock clock;

    public PartyAdmissions(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An admitted party, with its holding account. */
    public record Admission(Party party, Account holding) {
    }

    /**
     * Admits every registration whose identity is not registered yet and returns those admitted; a registered
     * identity (also one a concurrent transaction registers meanwhile) is left as it is. The registrations must be
     * of distinct identities.
     */
    public Uni<List<Admission>> admit(SqlConnection conn, List<PartyRegistration> registrations, String registeredBy) {
        // PostgreSQL keeps microseconds: truncating here makes the events and the stored rows agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // In id order, so that the indexes of parties and accounts fill page after page.
        List<Party> parties = registrations.stream().map(r -> Party.of(r, now, registeredBy))
                .sorted(Comparator.comparing(p -> p.id.toString())).toList();
        return Party.insertNew(conn, parties).flatMap(ids -> {
            List<Admission> admitted = parties.stream().filter(p -> ids.contains(p.id))
                    .map(p -> new Admission(p, Account.openHolding(new PartyId(p.id), now))).toList();
            return Account.openAll(conn, admitted.stream().map(Admission::holding).toList())
                    .chain(() -> outbox.publishAll(conn, PartyRegistered.TYPE, admitted.stream()
                            .map(a -> new Outbox.Keyed<>(a.party().id.toString(), registered(a))).toList()))
                    .replaceWith(admitted);
        });
    }

    /**
     * Admits a system party unless it is registered already (also by a concurrent transaction, such as another
     * replica starting): its party row, its system account made its holding account, and its PartyRegistered event.
     * True if this call admitted it; a registered one is left as it is and nothing is published again.
     */
    public Uni<Boolean> admit(SqlConnection conn, SystemParty system, String registeredBy) {
        Party party = Party.of(system, clock.instant().truncatedTo(ChronoUnit.MICROS), registeredBy);
        return Party.insertSystem(conn, party).flatMap(inserted -> !inserted ? Uni.createFrom().item(false)
                : Account.assignParty(conn, system.holdingAccount(), system.id())
                        .chain(() -> outbox.publish(conn, PartyRegistered.TYPE, party.id.toString(),
                                new PartyRegistered(system.id(), party.name, party.type, party.region,
                                        system.holdingAccount(), party.registeredAt)))
                        .replaceWith(true));
    }

    private static PartyRegistered registered(Admission admission) {
        Party party = admission.party();
        return new PartyRegistered(new PartyId(party.id), party.name, party.type, party.region,
                AccountId.parse(admission.holding().id), party.registeredAt);
    }
}
