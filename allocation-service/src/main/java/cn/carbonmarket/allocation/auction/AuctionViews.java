package cn.carbonmarket.allocation.auction;

import java.util.List;
import java.util.Map;

/** Stored auctions as the API shows them. */
final class AuctionViews {

    private AuctionViews() {
    }

    /** {@code lotOf} each auction's lot size by reference, for the tonnes of lots carried from it. */
    static AuctionView of(AuctionRecord a, Map<String, Long> lotOf, List<AuctionStore.CarryRow> carries,
                          List<AuctionStore.WinnerRow> winners, List<AuctionStore.ReturnRow> returns) {
        List<AuctionView.Carry> in = carries.stream().filter(c -> a.auctionRef().equals(c.toRef()))
                .map(c -> carry(c, lotOf)).toList();
        List<AuctionView.Carry> out = carries.stream().filter(c -> a.auctionRef().equals(c.fromRef()))
                .map(c -> carry(c, lotOf)).toList();
        long carriedIn = in.stream().mapToLong(AuctionView.Carry::lots).sum();
        long volume = a.prepared() != null ? a.prepared().supply().volumeTonnes()
                : Math.multiplyExact(Math.addExact(a.volumeLots(), carriedIn), a.lotTonnes());
        return new AuctionView(a.auctionRef(), a.periodId(), a.status().name(), a.instrument().toString(),
                a.lotTonnes(), a.volumeLots(), carriedIn, volume, in, out, a.opensAt(), a.closesAt(), a.prepareAt(),
                a.bidderCapShare(), a.eligibleTypes().stream().map(Enum::name).sorted().toList(), a.scheduledBy(),
                a.scheduledAt(), preparation(a.prepared()), supply(a), a.tradingAuctionId(), a.announcedAt(),
                result(a, winners, returns));
    }

    private static AuctionView.Carry carry(AuctionStore.CarryRow c, Map<String, Long> lotOf) {
        return new AuctionView.Carry(c.fromRef(), c.toRef(), c.lots(),
                Math.multiplyExact(c.lots(), lotOf.getOrDefault(c.fromRef(), 0L)), c.carriedAt());
    }

    private static AuctionView.Preparation preparation(AuctionRecord.Prepared p) {
        if (p == null) {
            return null;
        }
        ReservePrice price = p.reservePrice();
        SupplyTerms supply = p.supply();
        return new AuctionView.Preparation(price.priceFen(), price.floorFen(), price.marketShare(),
                price.averageCloseFen(), price.closesUsed(), price.tradingDays(), supply.bidderCapTonnes(),
                supply.triggerFen() == null ? null
                        : new AuctionView.CostContainment(supply.triggerFen(), supply.releaseTonnes()),
                supply.floorFen() == null ? null
                        : new AuctionView.EmissionsContainment(supply.floorFen(), supply.withholdTonnes()),
                p.by(), p.at());
    }

    private static AuctionView.Supply supply(AuctionRecord a) {
        if (a.prepared() == null) {
            return null;
        }
        SupplyTerms supply = a.prepared().supply();
        return new AuctionView.Supply(a.supplyInstructionId(), supply.volumeTonnes(), supply.releaseTonnes(),
                a.supplyTransactionId() == null ? null : a.supplyTransactionId().toString(), a.refusalCode(),
                a.refusalReason());
    }

    private static AuctionView.Result result(AuctionRecord a, List<AuctionStore.WinnerRow> winners,
                                             List<AuctionStore.ReturnRow> returns) {
        AuctionRecord.Result r = a.result();
        if (r == null) {
            return null;
        }
        return new AuctionView.Result(r.outcome(), r.clearingPriceFen(), r.offeredTonnes(), r.soldTonnes(),
                r.demandTonnes(), r.coverRatio(), r.bidders(), r.revenueFen(), r.closedAt(),
                winners.stream().filter(w -> w.auctionRef().equals(a.auctionRef()))
                        .map(w -> new AuctionView.Winner(w.winner().partyId().toString(), w.winner().tonnes(),
                                w.winner().amountFen())).toList(),
                returns.stream().filter(x -> x.auctionRef().equals(a.auctionRef()))
                        .map(x -> new AuctionView.Return(x.unsold().releaseId(), x.unsold().destination().value(),
                                x.unsold().tonnes(), x.unsold().reason(), x.status(),
                                x.transactionId() == null ? null : x.transactionId().toString(), x.bookedAt()))
                        .toList());
    }
}
