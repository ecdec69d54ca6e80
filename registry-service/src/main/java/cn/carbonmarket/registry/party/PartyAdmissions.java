package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.party.privacy.PersonalData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way a party enters the registry: its party row, its HOLDING account and its PartyRegistered event (which
 * tells trading, settlement and allocation of it), written in the caller's transaction. A registration through the
 * API and the thousands of holders of a pilot migration go through here alike, and the market's own parties
 * ({@link SystemParty}), which hold a system account instead. A new party's id is random ({@link PartyId#newAt}):
 * the party of an identity registered before is found by the identity's blind index.
 */
@ApplicationScoped
public class PartyAdmissions {

    private final Outbox outbox;
    private final Clock clock;
    private final PersonalData personal;

    public PartyAdmissions(Outbox outbox, Clock clock, PersonalData personal) {
        this.outbox = outbox;
        this.clock = clock;
        this.personal = personal;
    }

    /** An admitted party, with its holding account. */
    public record Admission(Party party, Account holding) {
    }

    /** The parties admitted now, and the party of every registration's identity: admitted now or before. */
    public record Admitted(List<Admission> admissions, Map<String, PartyId> parties) {

        public PartyId partyOf(PartyRegistration registration) {
            return parties.get(registration.identity().code());
        }
    }

    /**
     * Admits every registration whose identity is not registered yet; a registered identity (also one a concurrent
     * transaction registers meanwhile) is left as it is. The registrations must be of distinct identities.
     */
    public Uni<Admitted> admit(SqlConnection conn, List<PartyRegistration> registrations, String registeredBy) {
        // PostgreSQL keeps microseconds: truncating here makes the events and the stored rows agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return found(conn, registrations).flatMap(before -> {
            Map<UUID, String> identities = new HashMap<>();
            List<Party> parties = new ArrayList<>();
            for (PartyRegistration registration : registrations) {
                if (!before.containsKey(registration.identity().code())) {
                    Party party = Party.of(registration, PartyId.newAt(now), personal, now, registeredBy);
                    identities.put(party.id, registration.identity().code());
                    parties.add(party);
                }
            }
            // In id order, so that the indexes of parties and accounts fill page after page.
            parties.sort(Comparator.comparing(p -> p.id.toString()));
            return Party.insertNew(conn, parties).flatMap(ids -> {
                List<Admission> admitted = parties.stream().filter(p -> ids.contains(p.id))
                        .map(p -> new Admission(p, Account.openHolding(new PartyId(p.id), now))).toList();
                Map<String, PartyId> all = new HashMap<>(before);
                admitted.forEach(a -> all.put(identities.get(a.party().id), new PartyId(a.party().id)));
                // Those not inserted were registered by a concurrent transaction meanwhile: found now.
                List<PartyRegistration> raced = registrations.stream()
                        .filter(r -> !all.containsKey(r.identity().code())).toList();
                return Account.openAll(conn, admitted.stream().map(Admission::holding).toList())
                        .chain(() -> outbox.publishAll(conn, PartyRegistered.TYPE, admitted.stream()
                                .map(a -> new Outbox.Keyed<>(a.party().id.toString(), registered(a))).toList()))
                        .chain(() -> raced.isEmpty() ? Uni.createFrom().item(Map.<String, PartyId>of())
                                : found(conn, raced))
                        .map(late -> {
                            all.putAll(late);
                            return new Admitted(admitted, all);
                        });
            });
        });
    }

    /** The parties of the registrations' identities registered already, by identity code. */
    private Uni<Map<String, PartyId>> found(SqlConnection conn, List<PartyRegistration> registrations) {
        Map<ByteBuffer, String> identities = new HashMap<>();
        registrations.forEach(r -> personal.candidates(r.identity())
                .forEach(index -> identities.put(ByteBuffer.wrap(index), r.identity().code())));
        if (identities.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Party.byIndex(conn, identities.keySet().stream().map(ByteBuffer::array).toList()).map(found -> {
            Map<String, PartyId> parties = new HashMap<>();
            found.forEach((index, id) -> parties.put(identities.get(index), new PartyId(id)));
            return parties;
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
