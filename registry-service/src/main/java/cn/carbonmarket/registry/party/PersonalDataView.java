package cn.carbonmarket.registry.party;

import cn.carbonmarket.contracts.party.PartyType;
import java.util.UUID;

/** A party's name and legal identity in full, as {@code GET /api/v1/parties/{id}/personal-data} discloses them. */
public record PersonalDataView(UUID partyId, PartyType type, String name, String identity) {
}
