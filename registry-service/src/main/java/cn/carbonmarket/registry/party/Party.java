package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.party.privacy.PersonalData;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A party, read through Hibernate. Statements that must run in a Vert.x transaction (the admission of a migration's
 * thousands of holders, a registration's lookup of an earlier one) are named here too, so that this class holds
 * every query of the table. Its name and identity are kept as {@link PersonalData} says: a natural person's in full
 * only sealed.
 */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase {

    private static final ColumnBatch<Party> ROWS = new ColumnBatch<Party>()
            .column(UUID.class, p -> p.id)
            .column(String.class, p -> p.name)
            .column(String.class, p -> p.type.name())
            .column(String.class, p -> p.region.name())
            .column(String.class, p -> p.identityShown)
            .column(Buffer.class, p -> buffer(p.identityIndex))
            .column(String.class, p -> p.indexedWith)
            .column(Buffer.class, p -> buffer(p.identitySealed))
            .column(Buffer.class, p -> buffer(p.nameSealed))
            .column(String.class, p -> p.sealedWith)
            .column(OffsetDateTime.class, p -> p.registeredAt.atOffset(ZoneOffset.UTC))
            .column(String.class, p -> p.registeredBy);

    /** The columns {@link #rekeyed} writes. */
    private static final ColumnBatch<Party> KEPT = new ColumnBatch<Party>()
            .column(UUID.class, p -> p.id)
            .column(String.class, p -> p.name)
            .column(String.class, p -> p.identityShown)
            .column(Buffer.class, p -> buffer(p.identityIndex))
            .column(String.class, p -> p.indexedWith)
            .column(Buffer.class, p -> buffer(p.identitySealed))
            .column(Buffer.class, p -> buffer(p.nameSealed))
            .column(String.class, p -> p.sealedWith);
    private static final String COLUMNS = "p.id, p.name, p.type, p.region, p.identity_shown, p.identity_sealed,"
            + " p.name_sealed, p.sealed_with, p.registered_at, p.registered_by";

    @Id
    public UUID id;

    /** An organisation's name; a natural person's masked ({@code name_sealed} keeps it in full). */
    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    /**
     * An organisation's credit code, a natural person's masked resident id: what the views show. None for the
     * market's own parties ({@link SystemParty}), which have no legal identity, nor for the columns below.
     */
    @Column(name = "identity_shown")
    public String identityShown;

    /** The identity's blind index under the key {@code indexedWith}: how the party of an identity is found. */
    @Column(name = "identity_index")
    public byte[] identityIndex;

    @Column(name = "indexed_with")
    public String indexedWith;

    /** A natural person's resident id and name, sealed under the key {@code sealedWith}; none for an organisation. */
    @Column(name = "identity_sealed")
    public byte[] identitySealed;

    @Column(name = "name_sealed")
    public byte[] nameSealed;

    @Column(name = "sealed_with")
    public String sealedWith;

    /** The identity as written before V13, until {@link PersonalDataRekeying} indexes and seals the row. */
    @Column(name = "identity_unsealed")
    public String identityUnsealed;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    /** A new party as a registration describes it, under a new id; {@link PartyAdmissions} writes it. */
    static Party of(PartyRegistration registration, PartyId id, PersonalData personal, Instant registeredAt,
                    String registeredBy) {
        Party party = of(id, registration.type(), registration.region(), registeredAt, registeredBy);
        party.keep(personal.keep(id.value(), registration.type(), registration.name(), registration.identity()));
        return party;
    }

    /** Keeps the name and identity as {@link PersonalData} made them (and no longer the identity unsealed). */
    void keep(PersonalData.Kept kept) {
        name = kept.name();
        identityShown = kept.identityShown();
        identityIndex = kept.identityIndex();
        indexedWith = kept.indexedWith();
        identitySealed = kept.identitySealed();
        nameSealed = kept.nameSealed();
        sealedWith = kept.sealedWith();
        identityUnsealed = null;
    }

    /** A system party as the registry registers it itself: without an identity. */
    static Party of(SystemParty system, Instant registeredAt, String registeredBy) {
        Party party = of(system.id(), system.type(), system.region(), registeredAt, registeredBy);
        party.name = system.name();
        return party;
    }

    private static Party of(PartyId id, PartyType type, Region region, Instant registeredAt, String registeredBy) {
        Party party = new Party();
        party.id = id.value();
        party.type = type;
        party.region = region;
        party.registeredAt = registeredAt;
        party.registeredBy = registeredBy;
        return party;
    }

    /** The name and identity in full: a natural person's unsealed (only for a caller entitled to them). */
    PersonalData.InFull inFull(PersonalData personal) {
        return personal.inFull(id, type, name, identityShown, identitySealed, nameSealed, sealedWith);
    }

    /**
     * Whether a repeated registration describes this same party (then it is a harmless replay). The identity is the
     * same: the party was found by it.
     */
    boolean sameAs(PartyRegistration registration, PersonalData personal) {
        return type == registration.type() && region == registration.region()
                && inFull(personal).name().equals(registration.name());
    }

    /**
     * One page of parties, of one region, one type and one identity (its blind index under any key) where given,
     * oldest registration first.
     */
    static Uni<List<Party>> page(Region region, PartyType type, List<byte[]> identityIndexes, int page, int size) {
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
        if (identityIndexes != null) {
            query.append(" and identityIndex in :indexes");
            parameters = parameters.and("indexes", identityIndexes);
        }
        return Party.<Party>find(query.toString(), Sort.by("registeredAt").and("id"), parameters)
                .page(Page.of(page, size)).list();
    }

    /**
     * Inserts the parties whose identity is not registered yet (also not by a concurrent transaction meanwhile) in
     * the caller's transaction, and returns the ids of those it inserted.
     */
    static Uni<Set<UUID>> insertNew(SqlConnection conn, List<Party> parties) {
        return ROWS.query(conn, "insert into party (id, name, type, region, identity_shown, identity_index,"
                        + " indexed_with, identity_sealed, name_sealed, sealed_with, registered_at, registered_by)"
                        + " select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],"
                        + " $6::bytea[], $7::text[], $8::bytea[], $9::bytea[], $10::text[], $11::timestamptz[],"
                        + " $12::text[]) on conflict (identity_index) do nothing returning id", parties)
                .map(inserted -> {
                    Set<UUID> ids = new HashSet<>();
                    inserted.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }

    /** Inserts a system party unless it is registered already (also by a concurrent transaction); true if it did. */
    static Uni<Boolean> insertSystem(SqlConnection conn, Party party) {
        return conn.preparedQuery("insert into party (id, name, type, region, registered_at, registered_by)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing")
                .execute(Tuple.of(party.id, party.name, party.type.name(), party.region.name(),
                        party.registeredAt.atOffset(ZoneOffset.UTC), party.registeredBy))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A registered party's type, read in the caller's transaction; null when no such party is registered. */
    public static Uni<PartyType> typeOf(SqlConnection conn, PartyId id) {
        return conn.preparedQuery("select type from party where id = $1").execute(Tuple.of(id.value()))
                .map(rows -> rows.size() == 0 ? null : PartyType.valueOf(rows.iterator().next().getString("type")));
    }

    /**
     * The parties of these blind indexes (under any key), read in the caller's transaction: party id by index, for
     * the indexes found.
     */
    static Uni<Map<ByteBuffer, UUID>> byIndex(SqlConnection conn, List<byte[]> indexes) {
        Buffer[] values = indexes.stream().map(Party::buffer).toArray(Buffer[]::new);
        return conn.preparedQuery("select id, identity_index from party where identity_index = any($1)")
                .execute(Tuple.of(values))
                .map(rows -> {
                    Map<ByteBuffer, UUID> found = new HashMap<>();
                    rows.forEach(row -> found.put(ByteBuffer.wrap(row.getBuffer("identity_index").getBytes()),
                            row.getUUID("id")));
                    return found;
                });
    }

    /**
     * Up to {@code limit} parties with an identity not indexed under {@code indexKey} or not sealed under
     * {@code sealKey} (or not yet at all), locked in the caller's transaction; rows another transaction holds are
     * skipped.
     */
    static Uni<List<Party>> notUnderKeys(SqlConnection conn, String indexKey, String sealKey, int limit) {
        return conn.preparedQuery("select " + COLUMNS + ", p.identity_unsealed from party p"
                        + " where p.identity_unsealed is not null or p.indexed_with <> $1 or p.sealed_with <> $2"
                        + " limit $3 for update skip locked")
                .execute(Tuple.of(indexKey, sealKey, limit))
                .map(rows -> {
                    List<Party> parties = new ArrayList<>(rows.size());
                    rows.forEach(row -> {
                        Party party = of(row);
                        party.identityUnsealed = row.getString("identity_unsealed");
                        parties.add(party);
                    });
                    return parties;
                });
    }

    /** Writes the parties' names and identities as they now keep them, in the caller's transaction. */
    static Uni<Void> rekeyed(SqlConnection conn, List<Party> parties) {
        return KEPT.execute(conn, "update party p set name = k.name, identity_shown = k.identity_shown,"
                + " identity_index = k.identity_index, indexed_with = k.indexed_with,"
                + " identity_sealed = k.identity_sealed, name_sealed = k.name_sealed, sealed_with = k.sealed_with,"
                + " identity_unsealed = null from unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::text[],"
                + " $6::bytea[], $7::bytea[], $8::text[]) as k(id, name, identity_shown, identity_index, indexed_with,"
                + " identity_sealed, name_sealed, sealed_with) where p.id = k.id", parties);
    }

    /** A registered party with its holding account, read in the caller's transaction. */
    static Uni<PartyAdmissions.Admission> withHolding(SqlConnection conn, PartyId id) {
        return conn.preparedQuery("select " + COLUMNS + ", a.id as account_id, a.state, a.opened_at from party p"
                        + " join account a on a.party_id = p.id and a.type = 'HOLDING' where p.id = $1")
                .execute(Tuple.of(id.value()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Account holding = Account.openHolding(id, row.getOffsetDateTime("opened_at").toInstant());
                    holding.state = AccountState.valueOf(row.getString("state"));
                    return new PartyAdmissions.Admission(of(row), holding);
                });
    }

    /** A registered party, read in the caller's transaction; null when there is none. */
    static Uni<Party> read(SqlConnection conn, PartyId id) {
        return conn.preparedQuery("select " + COLUMNS + " from party p where p.id = $1").execute(Tuple.of(id.value()))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    private static Party of(Row row) {
        Party party = new Party();
        party.id = row.getUUID("id");
        party.name = row.getString("name");
        party.type = PartyType.valueOf(row.getString("type"));
        party.region = Region.valueOf(row.getString("region"));
        party.identityShown = row.getString("identity_shown");
        party.identitySealed = bytes(row, "identity_sealed");
        party.nameSealed = bytes(row, "name_sealed");
        party.sealedWith = row.getString("sealed_with");
        party.registeredAt = row.getOffsetDateTime("registered_at").toInstant();
        party.registeredBy = row.getString("registered_by");
        return party;
    }

    private static Buffer buffer(byte[] bytes) {
        return bytes == null ? null : Buffer.buffer(bytes);
    }

    private static byte[] bytes(Row row, String column) {
        Buffer buffer = row.getDelegate().getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
