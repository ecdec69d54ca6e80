package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.registry.account.Account;
import cn.carbonmarket.registry.account.AccountState;
import java.time.Instant;
import java.util.UUID;

/** A party as the API shows it. A resident id is shown masked, even to the regulator. */
public record PartyView(UUID id, String name, PartyType type, Region region, String identity,
                        HoldingAccount holdingAccount, Instant registeredAt, String registeredBy) {

    public record HoldingAccount(String id, AccountState state) {
    }

    static PartyView of(Party party, Account holding) {
        String identity = party.type == PartyType.INDIVIDUAL
                ? ResidentIdentityNumber.parse(party.identityCode).masked() : party.identityCode;
        return new PartyView(party.id, party.name, party.type, party.region, identity,
                new HoldingAccount(holding.id, holding.state), party.registeredAt, party.registeredBy);
    }
}
