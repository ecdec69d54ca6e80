package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.party.privacy.Disclosures;
import cn.carbonmarket.registry.party.privacy.PersonalData;
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
    private final PersonalData personal;
    private final Disclosures disclosures;

    public PartyService(Pool pool, PartyAdmissions admissions, PersonalData personal, Disclosures disclosures) {
        this.pool = pool;
        this.admissions = admissions;
        this.personal = personal;
        this.disclosures = disclosures;
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
                .flatMap(admitted -> admitted.admissions().isEmpty()
                        ? registered(conn, registration, admitted.partyOf(registration))
                        : Uni.createFrom().item(new Registration(PartyView.of(admitted.admissions().get(0).party(),
                                admitted.admissions().get(0).holding()), true))));
    }

    private Uni<Registration> registered(SqlConnection conn, PartyRegistration registration, PartyId id) {
        return Party.withHolding(conn, id).map(existing -> {
            if (!existing.party().sameAs(registration, personal)) {
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

    /**
     * The party's name and legal identity in full. A natural person's are unsealed, and the disclosure is recorded
     * in the same transaction (who, in which role, through which route and why); an organisation's are public and
     * kept in the clear, so reading them discloses nothing and is not recorded.
     */
    public Uni<PersonalDataView> disclose(PartyId id, String disclosedTo, String role, String route, String purpose) {
        return pool.withTransaction(conn -> Party.read(conn, id).flatMap(party -> {
            if (party == null) {
                throw notFound(id);
            }
            PersonalData.InFull full = party.inFull(personal);
            PersonalDataView view = new PersonalDataView(party.id, party.type, full.name(), full.identity());
            return party.type.isOrganisation() ? Uni.createFrom().item(view)
                    : disclosures.record(conn, id, disclosedTo, role, route, purpose).replaceWith(view);
        }));
    }

    private static NotFoundException notFound(PartyId id) {
        return new NotFoundException("PARTY_NOT_FOUND", "no party " + id);
    }

    /**
     * One page of parties, optionally of one region and type, oldest registration first; with an identity, its party
     * (if registered and of the region and type given).
     */
    @WithSession
    public Uni<List<PartyView>> list(Region region, PartyType type, LegalIdentity identity, int page, int size) {
        return Party.page(region, type, identity == null ? null : personal.candidates(identity), page, size)
                .flatMap(parties -> Account.ofParties(parties.stream().map(p -> p.id).toList())
                        .map(accounts -> {
                            Map<UUID, Account> byParty = accounts.stream()
                                    .collect(Collectors.toMap(a -> a.partyId, a -> a));
                            return parties.stream().map(p -> PartyView.of(p, byParty.get(p.id))).toList();
                        }));
    }
}
