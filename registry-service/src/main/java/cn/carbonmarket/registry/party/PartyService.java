package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.account.Account;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admits parties to the national registry and opens their holding accounts. */
@ApplicationScoped
public class PartyService {

    private final Outbox outbox;
    private final Clock clock;

    public PartyService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a registration: the party, and whether this call created it or replayed an earlier one. */
    public record Registration(PartyView party, boolean created) {
    }

    /**
     * Registers a party, its holding account and the PartyRegistered event in one transaction. Registering the same
     * identity again with the same details returns the existing party; with other details it is a conflict.
     */
    @WithTransaction
    public Uni<Registration> register(PartyRegistration registration, String registeredBy) {
        PartyId id = registration.partyId();
        return Party.<Party>findById(id.value()).flatMap(existing -> {
            if (existing == null) {
                return create(id, registration, registeredBy);
            }
            if (!existing.sameAs(registration)) {
                return Uni.createFrom().failure(new ConflictException("PARTY_ALREADY_REGISTERED",
                        "a party with this identity is already registered with other details (party " + id + ")"));
            }
            return Account.holdingOf(id).map(holding -> new Registration(PartyView.of(existing, holding), false));
        });
    }

    private Uni<Registration> create(PartyId id, PartyRegistration registration, String registeredBy) {
        Party party = new Party();
        party.id = id.value();
        party.name = registration.name();
        party.type = registration.type();
        party.region = registration.region();
        party.identityCode = registration.identity().code();
        party.registeredAt = clock.instant();
        party.registeredBy = registeredBy;
        Account holding = Account.openHolding(id, party.registeredAt);
        PartyRegistered event = new PartyRegistered(id, party.name, party.type, party.region,
                AccountId.parse(holding.id), party.registeredAt);
        return party.persist()
                .chain(holding::persist)
                .chain(() -> outbox.publish(PartyRegistered.TYPE, id.toString(), event))
                .replaceWith(() -> new Registration(PartyView.of(party, holding), true));
    }

    @WithSession
    public Uni<PartyView> find(PartyId id) {
        return Party.<Party>findById(id.value())
                .onItem().ifNull().failWith(() -> new NotFoundException("PARTY_NOT_FOUND", "no party " + id))
                .flatMap(party -> Account.holdingOf(id).map(holding -> PartyView.of(party, holding)));
    }

    /** One page of parties, optionally of one region and type, oldest registration first. */
    @WithSession
    public Uni<List<PartyView>> list(Region region, PartyType type, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (region != null) {
            query.append(" and region = :region");
            parameters = parameters.and("region", region);
        }
        if (type != null) {
            query.append(" and type = :type");
            parameters = parameters.and("type", type);
        }
        return Party.<Party>find(query.toString(), Sort.by("registeredAt").and("id"), parameters)
                .page(Page.of(page, size)).list()
                .flatMap(parties -> Account.<Account>list("partyId in ?1",
                                parties.stream().map(p -> p.id).toList())
                        .map(accounts -> {
                            Map<UUID, Account> byParty = accounts.stream()
                                    .collect(Collectors.toMap(a -> a.partyId, a -> a));
                            return parties.stream().map(p -> PartyView.of(p, byParty.get(p.id))).toList();
                        }));
    }
}
