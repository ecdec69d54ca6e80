package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.party.SystemParties;

/**
 * A party the market itself holds (contracts {@link SystemParties}): its id is fixed rather than derived from a legal
 * identity, which it has none of, and its holding account is a system account the V2 migration opened.
 */
public record SystemParty(PartyId id, String name, PartyType type, Region region, AccountId holdingAccount) {

    /**
     * A jurisdiction's auctioneer. It is registered in the region of the authority that runs the auctions: for the
     * national market the Ministry of Ecology and Environment, in Beijing.
     */
    public static SystemParty auctioneer(Jurisdiction jurisdiction, Region seat) {
        return new SystemParty(SystemParties.auctioneer(jurisdiction), "National allowance auctioneer ("
                + jurisdiction.name() + ")", PartyType.INSTITUTION, seat,
                SystemParties.auctionDeliveryAccount(jurisdiction));
    }
}
