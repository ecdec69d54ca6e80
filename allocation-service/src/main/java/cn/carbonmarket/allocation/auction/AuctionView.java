package cn.carbonmarket.allocation.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A primary auction as the regulator sees it: its terms and volume with the lots carried into it (and out of it, for
 * a cancelled or withdrawn one), its preparation with the reserve price's evidence, the registry's answer to its
 * supply, the exchange's auction, and its result with winners and returns.
 */
public record AuctionView(String auctionRef, String periodId, String status, String instrument, long lotTonnes,
                          long volumeLots, long carriedInLots, long volumeTonnes, List<Carry> carriedIn,
                          List<Carry> carriedOut, Instant opensAt, Instant closesAt, Instant prepareAt,
                          BigDecimal bidderCapShare, List<String> eligibleTypes, String scheduledBy,
                          Instant scheduledAt, Preparation preparation, Supply supply, Long tradingAuctionId,
                          Instant announcedAt, Result result) {

    /** Lots carried from {@code fromRef} to {@code toRef} (null: waiting for the next auction scheduled). */
    public record Carry(String fromRef, String toRef, long lots, long tonnes, Instant carriedAt) {
    }

    /**
     * Fixed at preparation: the reserve price = max(floor, ceil(share x average close)) with the closes it used, the
     * bidder cap, and the stability reserve's adjustments (null where not part of the auction).
     */
    public record Preparation(long reservePriceFen, long priceFloorFen, BigDecimal marketShare,
                              BigDecimal averageCloseFen, int closesUsed, int tradingDays, long bidderCapTonnes,
                              CostContainment costContainment, EmissionsContainment emissionsContainment,
                              String preparedBy, Instant preparedAt) {
    }

    public record CostContainment(long triggerFen, long releaseTonnes) {
    }

    public record EmissionsContainment(long floorFen, long withholdTonnes) {
    }

    /** The registry's answer to the AuctionSupply instruction. */
    public record Supply(String instructionId, long fromIssuanceTonnes, long fromReserveTonnes, String transactionId,
                         String refusalCode, String refusalReason) {
    }

    public record Result(String outcome, Long clearingPriceFen, long offeredTonnes, long soldTonnes,
                         long demandTonnes, BigDecimal coverRatio, int bidders, long revenueFen, Instant closedAt,
                         List<Winner> winners, List<Return> returns) {
    }

    public record Winner(String partyId, long tonnes, long amountFen) {
    }

    /** Unsold units going back; BOOKED with the registry's transaction once it booked them. */
    public record Return(String releaseId, String destination, long tonnes, String reason, String status,
                         String transactionId, Instant bookedAt) {
    }
}
