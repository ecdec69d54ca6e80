package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * Units leave trading (docs/architecture.md, Flows: out of trading): trading's risk view let them go, settlement took
 * them off the party's unit position, and the registry is to move them from the party's IN_TRADING holding back to
 * AVAILABLE (FROM_TRADING), once per {@code withdrawalId}. Keyed by party id on
 * {@code settlement.delivery-instructions}, the stream settlement uses for what the registry must record.
 *
 * <p>{@code destination} is null for a participant's withdrawal. For an auctioneer's unsold units
 * ({@link AuctionResult.UnsoldReturn}) it names the national account they go to instead of AVAILABLE: the
 * jurisdiction's issuance account (AUCTION_RETURN) or its stability reserve (RESERVE_INTAKE); the booking's
 * reference is the withdrawal id.
 */
public record UnitsReleased(String withdrawalId, PartyId partyId, InstrumentCode instrument, long quantity,
                            Instant releasedAt, AccountId destination) {

    /** A participant's withdrawal back to its own AVAILABLE holding. */
    public UnitsReleased(String withdrawalId, PartyId partyId, InstrumentCode instrument, long quantity,
                         Instant releasedAt) {
        this(withdrawalId, partyId, instrument, quantity, releasedAt, null);
    }

    public static final EventType<UnitsReleased> TYPE = new EventType<>("UnitsReleased", 1, UnitsReleased.class,
            Topics.SETTLEMENT_DELIVERY_INSTRUCTIONS);
}
