package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyType;
import java.util.UUID;

/** A party's name and legal identity in full, as {@link PersonalDataResource} discloses them. */
public record PersonalDataView(UUID partyId, PartyType type, String name, String identity) {
}
