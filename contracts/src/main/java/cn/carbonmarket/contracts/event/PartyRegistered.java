package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import java.time.Instant;

/**
 * The registry admitted a party and opened its holding account. Keyed by party id on {@code registry.parties}.
 * The legal identity is deliberately not carried: resident ids are personal data that only the registry keeps. A
 * natural person's name is carried masked ("L* ***"), as every view shows it: the other services need the name of
 * compliance entities only, which are organisations.
 */
public record PartyRegistered(PartyId partyId, String name, PartyType type, Region region, AccountId holdingAccount,
                              Instant registeredAt) {

    public static final EventType<PartyRegistered> TYPE =
            new EventType<>("PartyRegistered", 1, PartyRegistered.class, Topics.REGISTRY_PARTIES);
}
