package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A party, written a row at a time through Hibernate. Statements that must run in a Vert.x transaction (the
 * admission of a migration's thousands of holders, a registration's lookup of an earlier one) are named here too, so
 * that this class holds every query of the table.
 */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    private static final ColumnBatch<Party> ROWS = new ColumnBatch<Party>()
            .column(UUID.class, p -> p.id)
            .column(String.class, p -> p.name)
            .column(String.class, p -> p.type.name())
            .column(String.class, p -> p.region.name())
            .column(String.class, p -> p.identityCode)
            .column(OffsetDateTime.class, p -> p.registeredAt.atOffset(ZoneOffset.UTC))
            .column(String.class, p -> p.registeredBy);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    /** The credit code or resident id; only the registry keeps it. None for the market's own ({@link SystemParty}). */
    @Column(name = "identity_code", unique = true)
    public String identityCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    /** A new party as a registration describes it; {@link PartyAdmissions} writes it. */
    static Party of(PartyRegistration registration, Instant registeredAt, String registeredBy) {
        return of(registration.partyId(), registration.name(), registration.type(), registration.region(),
                registration.identity().code(), registeredAt, registeredBy);
    }

    /** A system party as the registry registers it itself: without an identity. */
    static Party of(SystemParty system, Instant registeredAt, String registeredBy) {
        return of(system.id(), system.name(), system.type(), system.region(), null, registeredAt, registeredBy);
    }

    private static Party of(PartyId id, String name, PartyType type, Region region, String identityCode,
                            Instant registeredAt, String registeredBy) {
        Party party = new Party();
        party.id = id.value();
        party.name = name;
        party.type = type;
        party.region = region;
        party.identityCode = identityCode;
        party.registeredAt = registeredAt;
        party.registeredBy = registeredBy;
        return party;
    }

    /** Whether a repeated registration describes this same party (then it is a harmless replay). */
    boolean sameAs(PartyRegistration registration) {
        return name.equals(registration.name()) && type == registration.type()
                && region == registration.region() && identityCode.equals(registration.identity().code());
    }

    /** One page of parties, of one region and one type where given, oldest registration first. */
    static Uni<List<Party>> page(Region region, PartyType type, int page, int size) {
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
                .page(Page.of(page, size)).list();
    }

    /**
     * Inserts the parties whose identity is not registered yet (also not by a concurrent transaction meanwhile) in
     * the caller's transaction, and returns the ids of those it inserted.
     */
    static Uni<Set<UUID>> insertNew(SqlConnection conn, List<Party> parties) {
        return ROWS.query(conn, "insert into party (id, name, type, region, identity_code, registered_at,"
                        + " registered_by) select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
                        + " $5::text[], $6::timestamptz[], $7::text[]) on conflict do nothing returning id", parties)
                .map(inserted -> {
                    Set<UUID> ids = new HashSet<>();
                    inserted.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /** Inserts a system party unless it is registered already (also by a concurrent transaction); true if it did. */
    static Uni<Boolean> insertSystem(SqlConnection conn, Party party) {
        return conn.preparedQuery("insert into party (id, name, type, region, identity_code, registered_at,"
                        + " registered_by) values ($1, $2, $3, $4, null, $5, $6) on conflict (id) do nothing")
                .execute(Tuple.of(party.id, party.name, party.type.name(), party.region.name(),
                        party.registeredAt.atOffset(ZoneOffset.UTC), party.registeredBy))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A registered party's type, read in the caller's transaction; null when no such party is registered. */
    public static Uni<PartyType> typeOf(SqlConnection conn, PartyId id) {
        return conn.preparedQuery("select type from party where id = $1").execute(Tuple.of(id.value()))
                .map(rows -> rows.size() == 0 ? null : PartyType.valueOf(rows.iterator().next().getString("type")));
    }

    /** A registered party with its holding account, read in the caller's transaction. */
    static Uni<PartyAdmissions.Admission> withHolding(SqlConnection conn, PartyId id) {
        return conn.preparedQuery("select p.name, p.type, p.region, p.identity_code, p.registered_at,"
                        + " p.registered_by, a.id as account_id, a.state, a.opened_at from party p"
                        + " join account a on a.party_id = p.id and a.type = 'HOLDING' where p.id = $1")
                .execute(Tuple.of(id.value()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Party party = new Party();
                    party.id = id.value();
                    party.name = row.getString("name");
                    party.type = PartyType.valueOf(row.getString("type"));
                    party.region = Region.valueOf(row.getString("region"));
                    party.identityCode = row.getString("identity_code");
                    party.registeredAt = row.getOffsetDateTime("registered_at").toInstant();
                    party.registeredBy = row.getString("registered_by");
                    Account holding = Account.openHolding(id, row.getOffsetDateTime("opened_at").toInstant());
                    holding.state = AccountState.valueOf(row.getString("state"));
                    return new PartyAdmissions.Admission(party, holding);
                });
    }
}
