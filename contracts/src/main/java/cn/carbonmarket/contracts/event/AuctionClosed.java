package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;
import java.util.List;

/**
 * The exchange closed a one-way auction: CLEARED at one uniform price, or CANCELLED because demand at or above the
 * reserve price fell short of the supply (nothing sold). {@code demandTonnes} counts the bids at or above the reserve
 * price; {@code winners} is each winning party's tonnes (its bids together), in party id order; each allocation is a
 * trade on {@code trading.trades}. Keyed by auction id on {@code trading.auctions}.
 */
public record AuctionClosed(long auctionId, String auctionRef, PartyId seller, InstrumentCode instrument,
                            Outcome outcome, Long clearingPriceFen, long offeredTonnes, long soldTonnes,
                            long demandTonnes, int bidders, List<Winner> winners, Instant closedAt) {

    public static final EventType<AuctionClosed> TYPE = new EventType<>("AuctionClosed", 1, AuctionClosed.class,
            Topics.TRADING_AUCTIONS);

    public enum Outcome { CLEARED, CANCELLED }

    public record Winner(PartyId partyId, long tonnes) {
    }

    public AuctionClosed {
        winners = List.copyOf(winners);
    }
}
