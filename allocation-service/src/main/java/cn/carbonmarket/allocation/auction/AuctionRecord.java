package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A primary auction as stored: its terms as scheduled, and what preparation, the registry and the exchange added. */
record AuctionRecord(String auctionRef, String periodId, int seq, Jurisdiction jurisdiction, InstrumentCode instrument,
                     String rulePack, long lotTonnes, long volumeLots, BigDecimal bidderCapShare,
                     Set<PartyType> eligibleTypes, Instant opensAt, Instant closesAt, Instant prepareAt,
                     AuctionStatus status, String idempotencyKey, String scheduledBy, Instant scheduledAt,
                     Prepared prepared, UUID supplyTransactionId, String refusalCode, String refusalReason,
                     Long tradingAuctionId, Instant announcedAt, Result result) {

    static final String SUPPLY_PREFIX = "AUCSUP-";

    /** The reserve price with its evidence and the supply, fixed at preparation. */
    record Prepared(ReservePrice reservePrice, SupplyTerms supply, String by, Instant at) {
    }

    /** The exchange's close as allocation published it. */
    record Result(String outcome, Long clearingPriceFen, long offeredTonnes, long soldTonnes, long demandTonnes,
                  BigDecimal coverRatio, int bidders, long revenueFen, Instant closedAt) {
    }

    String supplyInstructionId() {
        return SUPPLY_PREFIX + auctionRef;
    }

    /** The terms the result is computed from. */
    ResultComputation.Offer offer() {
        SupplyTerms supply = prepared.supply();
        return new ResultComputation.Offer(auctionRef, jurisdiction, lotTonnes, supply.volumeTonnes(),
                supply.releaseTonnes(), supply.triggerFen(), supply.withholdTonnes(), supply.floorFen());
    }
}
