package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * The exchange announced a one-way auction. {@code auctionRef} is the primary auction's reference when allocation
 * asked for it ({@link PrimaryAuctionRequested}), null for an auction the exchange operator announced.
 * {@code offeredTonnes} is the most that can sell (with any cost containment release). Keyed by auction id on
 * {@code trading.auctions}.
 */
public record AuctionAnnounced(long auctionId, String auctionRef, PartyId seller, InstrumentCode instrument,
                               long offeredTonnes, long reservePriceFen, Instant opensAt, Instant closesAt,
                               Instant announcedAt) {

    public static final EventType<AuctionAnnounced> TYPE = new EventType<>("AuctionAnnounced", 1,
            AuctionAnnounced.class, Topics.TRADING_AUCTIONS);
}
