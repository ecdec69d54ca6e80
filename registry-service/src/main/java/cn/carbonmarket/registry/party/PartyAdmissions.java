package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.account.Account;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one way a party enters the registry: its party row, its HOLDING account and its PartyRegistered event (which
 * tells trading, settlement and allocation of it), written in the caller's transaction. A registration through the
 * API and the thousands of holders of a pilot migration go through here alike.
 */
@ApplicationScoped
public class PartyAdmissions {

    private static final ColumnBatch<Party> PARTIES = new ColumnBatch<Party>()
            .column(UUID.class, p -> p.id)
            .column(String.class, p -> p.name)
            .column(String.class, p -> p.type.name())
            .column(String.class, p -> p.region.name())
            .column(String.class, p -> p.identityCode)
            .column(OffsetDateTime.class, p -> p.registeredAt.atOffset(ZoneOffset.UTC))
            .column(String.class, p -> p.registeredBy);
    private static final ColumnBatch<Account> ACCOUNTS = new ColumnBatch<Account>()
            .column(String.class, a -> a.id)
            .column(UUID.class, a -> a.partyId)
            .column(String.class, a -> a.type.name())
            .column(String.class, a -> a.state.name())
            .column(OffsetDateTime.class, a -> a.openedAt.atOffset(ZoneOffset.UTC))
            .column(String.class, a -> a.jurisdiction);

    private final Outbox outbox;
    private final Clock clock;

    public PartyAdmissions(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A party this call admitted, with the holding account opened for it. */
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
        return PARTIES.query(conn, "insert into party (id, name, type, region, identity_code, registered_at,"
                        + " registered_by) select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
                        + " $5::text[], $6::timestamptz[], $7::text[]) on conflict do nothing returning id", parties)
                .flatMap(inserted -> {
                    Set<UUID> ids = new HashSet<>();
                    inserted.forEach(row -> ids.add(row.getUUID("id")));
                    List<Admission> admitted = parties.stream().filter(p -> ids.contains(p.id))
                            .map(p -> new Admission(p, Account.openHolding(new PartyId(p.id), now))).toList();
                    return ACCOUNTS.execute(conn, "insert into account (id, party_id, type, state, opened_at,"
                                    + " jurisdiction) select * from unnest($1::text[], $2::uuid[], $3::text[],"
                                    + " $4::text[], $5::timestamptz[], $6::text[])",
                                    admitted.stream().map(Admission::holding).toList())
                            .chain(() -> outbox.publishAll(conn, PartyRegistered.TYPE, admitted.stream()
                                    .map(a -> new Outbox.Keyed<>(a.party().id.toString(), registered(a))).toList()))
                            .replaceWith(admitted);
                });
    }

    private static PartyRegistered registered(Admission admission) {
        Party party = admission.party();
        return new PartyRegistered(new PartyId(party.id), party.name, party.type, party.region,
                AccountId.parse(admission.holding().id), party.registeredAt);
    }
}
