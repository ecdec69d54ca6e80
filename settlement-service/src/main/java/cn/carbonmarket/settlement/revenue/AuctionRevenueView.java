package cn.carbonmarket.settlement.revenue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A jurisdiction's auction revenue: its auctioneer's cash account at the clearing house (what the winners of its
 * primary auctions paid, less the auctioneer's fees, less what left the account) and the auction trades behind it.
 */
public record AuctionRevenueView(
        String jurisdiction,
        @Schema(description = "the jurisdiction's auctioneer (SystemParties)") String auctioneerPartyId,
        @Schema(description = "the auctioneer's available cash, fen") long cashBalanceFen,
        @Schema(description = "price x tonnes of every auction trade it sold, fen") long proceedsFen,
        @Schema(description = "the auctioneer's fees on them, fen (none under the published schedule)") long feesFen,
        long tonnesSold,
        long trades,
        @Schema(description = "per trade date, latest first") List<Day> days,
        @Schema(description = "the latest " + AuctionRevenueStore.ENTRIES + " auction trades, latest first")
        List<Entry> entries) {

    public record Day(LocalDate tradeDate, long trades, long tonnes, long proceedsFen, long feesFen) {
    }

    public record Entry(String tradeId, LocalDate tradeDate, String buyerPartyId, String instrument, long tonnes,
                        long priceFen, long proceedsFen, long feeFen, OffsetDateTime executedAt) {
    }
}
