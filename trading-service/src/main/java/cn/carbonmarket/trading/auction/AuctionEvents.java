package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.AuctionAnnounced;
import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The events an auction's announcement and close publish on {@code trading.auctions}, keyed by auction id. */
final class AuctionEvents {

    private AuctionEvents() {
    }

    static AuctionAnnounced announced(Auction auction) {
        return new AuctionAnnounced(auction.id, auction.auctionRef, new PartyId(auction.seller),
                InstrumentCode.parse(auction.instrument), auction.offered(), auction.reserve, auction.opensAt,
                auction.closesAt, auction.announcedAt);
    }

    /**
     * The closed auction with its bids: the winners' tonnes summed per party, in party id order (the ids' text,
     * which is also PostgreSQL's order of uuids); bidders are the distinct parties that bid.
     */
    static AuctionClosed closed(Auction auction, List<AuctionBid> bids) {
        Map<String, Long> won = new TreeMap<>();
        bids.stream().filter(bid -> bid.allocated > 0)
                .forEach(bid -> won.merge(bid.bidder.toString(), bid.allocated, Math::addExact));
        int bidders = (int) bids.stream().map(bid -> bid.bidder).distinct().count();
        return new AuctionClosed(auction.id, auction.auctionRef, new PartyId(auction.seller),
                InstrumentCode.parse(auction.instrument), auction.state == Auction.State.CLEARED
                ? AuctionClosed.Outcome.CLEARED : AuctionClosed.Outcome.CANCELLED, auction.clearingPrice,
                auction.offered(), auction.sold, auction.demand, bidders,
                won.entrySet().stream().map(w -> new AuctionClosed.Winner(PartyId.parse(w.getKey()), w.getValue()))
                        .toList(), auction.closedAt);
    }
}
