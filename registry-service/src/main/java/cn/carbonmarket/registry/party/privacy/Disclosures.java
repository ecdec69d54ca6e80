package cn.carbonmarket.registry.party.privacy;

import cn.carbonmarket.contracts.id.TimeOrderedIds;
import cn.carbonmarket.contracts.party.PartyId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The access log of personal data ({@code personal_data_disclosure}, append-only): one row for every read that
 * unsealed a natural person's name and resident id, written in the read's own transaction, so that no full value
 * leaves the registry unrecorded.
 */
@ApplicationScoped
public class Disclosures {

    /** One read in full: who, acting in which role, when, whose, through which route and why. */
    public record Disclosure(UUID id, UUID partyId, String disclosedTo, String role, Instant disclosedAt,
                             String route, String purpose) {
    }

    private final Pool pool;
    private final Clock clock;

    public Disclosures(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Records a disclosure of {@code party}'s personal data in the caller's transaction. */
    public Uni<Disclosure> record(SqlConnection conn, PartyId party, String disclosedTo, String role, String route,
                                  String purpose) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Disclosure disclosure = new Disclosure(TimeOrderedIds.at(now), party.value(), disclosedTo, role, now, route,
                purpose);
        return conn.preparedQuery("insert into personal_data_disclosure (id, party_id, disclosed_to, role,"
                        + " disclosed_at, route, purpose) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] {disclosure.id(), disclosure.partyId(), disclosedTo, role,
                        now.atOffset(ZoneOffset.UTC), route, purpose}))
                .replaceWith(disclosure);
    }

    /** One page of disclosures, of one party where given, newest first. */
    public Uni<List<Disclosure>> page(PartyId party, int page, int size) {
        return pool.preparedQuery("select * from personal_data_disclosure where $1::uuid is null or party_id = $1"
                        + " order by disclosed_at desc, id desc limit $2 offset $3")
                .execute(Tuple.of(party == null ? null : party.value(), size, (long) page * size))
                .map(rows -> {
                    List<Disclosure> disclosures = new ArrayList<>(rows.size());
                    rows.forEach(row -> disclosures.add(of(row)));
                    return disclosures;
                });
    }

    private static Disclosure of(Row row) {
        return new Disclosure(row.getUUID("id"), row.getUUID("party_id"), row.getString("disclosed_to"),
                row.getString("role"), row.getOffsetDateTime("disclosed_at").toInstant(), row.getString("route"),
                row.getString("purpose"));
    }
}
