package cn.carbonmarket.registry.account;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

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
}
