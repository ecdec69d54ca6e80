package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import java.time.Instant;
import java.util.UUID;

/**
 * A party as the API shows it. A natural person's name and resident id are shown masked, even to the regulator, who
 * reads them in full only through {@code GET /api/v1/parties/{id}/personal-data}, where each read is
 * recorded.
 */
public record PartyView(UUID id, String name, PartyType type, Region region, String identity,
                        HoldingAccount holdingAccount, Instant registeredAt, String registeredBy) {

    public record HoldingAccount(String id, AccountState state) {
    }

    static PartyView of(Party party, Account holding) {
        return new PartyView(party.id, party.name, party.type, party.region, party.identityShown,
                new HoldingAccount(holding.id, holding.state), party.registeredAt, party.registeredBy);
    }
}
