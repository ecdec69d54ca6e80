package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An account, written a row at a time through Hibernate. Statements that must run in a Vert.x transaction (a
 * booking's share locks, a migration's thousands of new accounts) are named here too, so that this class holds every
 * query of the table.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    private static final ColumnBatch<Account> ROWS = new ColumnBatch<Account>()
            .column(String.class, a -> a.id)
            .column(UUID.class, a -> a.partyId)
            .column(String.class, a -> a.type.name())
            .column(String.class, a -> a.state.name())
            .column(OffsetDateTime.class, a -> a.openedAt.atOffset(ZoneOffset.UTC))
            .column(String.class, a -> a.jurisdiction);

    @Id
    public String id;

    @Column(name = "party_id")
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountState state;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Party holding accounts are national; system accounts belong to a jurisdiction (CN or a pilot). */
    @Column(nullable = false)
    public String jurisdiction = "CN";

    @Column(name = "freeze_reason")
    public String freezeReason;

    @Column(name = "freeze_authority")
    public String freezeAuthority;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    public static Account openHolding(PartyId party, Instant now) {
        Account account = new Account();
        account.id = AccountId.holdingOf(party).value();
        account.partyId = party.value();
        account.type = AccountType.HOLDING;
        account.state = AccountState.OPEN;
        account.openedAt = now;
        return account;
    }

    public static Uni<Account> holdingOf(PartyId party) {
        return findById(AccountId.holdingOf(party).value());
    }

    /** The accounts of these parties. */
    public static Uni<List<Account>> ofParties(List<UUID> parties) {
        return list("partyId in ?1", parties);
    }

    /** Opens new accounts in the caller's transaction. */
    public static Uni<Void> openAll(SqlConnection conn, List<Account> accounts) {
        return ROWS.execute(conn, "insert into account (id, party_id, type, state, opened_at, jurisdiction)"
                + " select * from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[],"
                + " $6::text[])", accounts);
    }

    /** Opens a system account in the caller's transaction, unless it exists already. */
    public static Uni<Void> openSystem(SqlConnection conn, String id, AccountType type, Jurisdiction jurisdiction,
                                       Instant now) {
        return conn.preparedQuery("insert into account (id, party_id, type, state, opened_at, jurisdiction)"
                        + " values ($1, null, $2, 'OPEN', $3, $4) on conflict (id) do nothing")
                .execute(Tuple.of(id, type.name(), now.atOffset(ZoneOffset.UTC), jurisdiction.name()))
                .replaceWithVoid();
    }

    /**
     * Makes a system account the holding account of a system party, in the caller's transaction: the auction delivery
     * account is its auctioneer's. Fails when the account does not exist or another party holds it.
     */
    public static Uni<Void> assignParty(SqlConnection conn, AccountId account, PartyId party) {
        return conn.preparedQuery("update account set party_id = $2 where id = $1 and (party_id is null"
                        + " or party_id = $2)")
                .execute(Tuple.of(account.value(), party.value()))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("account " + account + " does not exist or another party"
                                + " holds it; it cannot become the account of party " + party);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The accounts of these ids that exist, share-locked (in id order) until the caller's transaction ends: they
     * keep their state while a booking relies on it. Only the columns a booking reads are filled in.
     */
    public static Uni<List<Account>> lockShared(SqlConnection conn, List<String> ids) {
        return conn.preparedQuery("select a.id, a.type, a.state, a.party_id from account a"
                        + " join unnest($1::text[]) as k(id) on a.id = k.id order by a.id for share of a")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    List<Account> accounts = new ArrayList<>(rows.size());
                    rows.forEach(r -> {
                        Account account = new Account();
                        account.id = r.getString("id");
                        account.type = AccountType.valueOf(r.getString("type"));
                        account.state = AccountState.valueOf(r.getString("state"));
                        account.partyId = r.getUUID("party_id");
                        accounts.add(account);
                    });
                    return accounts;
                });
    }
}
