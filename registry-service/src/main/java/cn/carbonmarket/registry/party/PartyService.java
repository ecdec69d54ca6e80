package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.registry.account.Account;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admits parties to the national registry and opens their holding accounts. */
@ApplicationScoped
public class PartyService {

    private final Pool pool;
    private final PartyAdmissions admissions;

    public PartyService(Pool pool, PartyAdmissions admissions) {
        this.pool = pool;
        this.admissions = admissions;
    }

    /** The outcome of a registration: the party, and whether this call created it or replayed an earlier one. */
    public record Registration(PartyView party, boolean created) {
    }

    /**
     * Registers a party, its holding account and the PartyRegistered event in one transaction. Registering the same
     * identity again with the same details returns the existing party; with other details it is a conflict. Of two
     * concurrent registrations of one identity, one admits the party and the other finds it.
     */
    public Uni<Registration> register(PartyRegistration registration, String registeredBy) {
        return pool.withTransaction(conn -> admissions.admit(conn, List.of(registration), registeredBy)
                .flatMap(admitted -> admitted.isEmpty()
                        ? registered(conn, registration)
                        : Uni.createFrom().item(new Registration(
                                PartyView.of(admitted.get(0).party(), admitted.get(0).holding()), true))));
    }

    private Uni<Registration> registered(SqlConnection conn, PartyRegistration registration) {
        PartyId id = registration.partyId();
        return Party.withHolding(conn, id).map(existing -> {
            if (!existing.party().sameAs(registration)) {
                throw new ConflictException("PARTY_ALREADY_REGISTERED", "a party with this identity is"
                        + " already registered with other details (party " + id + ")");
            }
            return new Registration(PartyView.of(existing.party(), existing.holding()), false);
        });
    }

    @WithSession
    public Uni<PartyView> find(PartyId id) {
        return Party.<Party>findById(id.value())
                .onItem().ifNull().failWith(() -> notFound(id))
                .flatMap(party -> Account.holdingOf(id).map(holding -> PartyView.of(party, holding)));
    }

    /**
     * The party as {@code caller} may see it. To a provincial authority a party of another region answers exactly as
     * one that does not exist: a refusal would tell it that the person is registered (an individual's registration
     * is personal information).
     */
    @WithSession
    public Uni<PartyView> findFor(Caller caller, PartyId id) {
        return find(id).map(view -> {
            if (!caller.seesRegionOf(id, view.region())) {
                throw notFound(id);
            }
            return view;
        });
    }

    private static NotFoundException notFound(PartyId id) {
        return new NotFoundException("PARTY_NOT_FOUND", "no party " + id);
    }

    /** One page of parties, optionally of one region and type, oldest registration first. */
    @WithSession
    public Uni<List<PartyView>> list(Region region, PartyType type, int page, int size) {
        return Party.page(region, type, page, size)
                .flatMap(parties -> Account.ofParties(parties.stream().map(p -> p.id).toList())
                        .map(accounts -> {
                            Map<UUID, Account> byParty = accounts.stream()
                                    .collect(Collectors.toMap(a -> a.partyId, a -> a));
                            return parties.stream().map(p -> PartyView.of(p, byParty.get(p.id))).toList();
                        }));
    }
}
