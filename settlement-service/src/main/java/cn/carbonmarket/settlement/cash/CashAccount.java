package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.party.PartyId;
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
import java.util.UUID;

/** A party's cash account at the clearing house, held in CNY at the designated settlement bank. */
@Entity
@Table(name = "cash_account")
public class CashAccount extends PanacheEntityBase {

    public enum Status { OPEN, SUSPENDED, CLOSED }

    @Id
    @Column(name = "party_id")
    public UUID partyId;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Whether the party has a cash account, read on the caller's connection (inside its transaction). */
    public static Uni<Boolean> exists(SqlConnection conn, PartyId party) {
        return conn.preparedQuery("select 1 from cash_account where party_id = $1")
                .execute(Tuple.of(party.value()))
                .map(rows -> rows.size() > 0);
    }

    /** The party's account, or null before the registry admitted it. */
    static Uni<CashAccount> of(PartyId party) {
        return CashAccount.findById(party.value());
    }

    /** Opens the account of a newly registered party; a party that already has one keeps it. */
    static Uni<CashAccount> openFor(PartyRegistered party, Instant now) {
        return CashAccount.<CashAccount>findById(party.partyId().value()).onItem().ifNull().switchTo(() -> {
            CashAccount account = new CashAccount();
            account.partyId = party.partyId().value();
            account.currency = "CNY";
            account.status = Status.OPEN;
            account.openedAt = now;
            return account.persist();
        });
    }
}
