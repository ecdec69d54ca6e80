package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.trading.risk.TradePricing;
import java.time.Instant;

/**
 * A trade made outside the continuous book: an accepted block offer or an auction allocation. It prints with its
 * mode and does not move the book's last price.
 *
 * @param tradeId  unique and stable: {@code <instrument>-BLOCK-<offer id>} or
 *                 {@code <instrument>-AUCTION-<auction id>-<bid id>}
 * @param price    in fen per tonne
 * @param quantity in whole tonnes
 */
public record OffBookTrade(String tradeId, TradeMode mode, InstrumentCode instrument, PartyId buyer,
                           PartyId seller, long quantity, long price, Instant executedAt) {

    public OffBookTrade {
        if (mode == TradeMode.CONTINUOUS) {
            throw new IllegalArgumentException("continuous trades come from the book's fills, not here");
        }
        if (quantity <= 0 || price <= 0 || buyer.equals(seller)) {
            throw new IllegalArgumentException("not a trade: " + quantity + " t at " + price + " fen from " + seller
                    + " to " + buyer);
        }
    }

    /** The trade event, with both sides' fees from the schedule pre-trade risk charges by. */
    public TradeExecuted priced(TradePricing pricing) {
        return pricing.trade(tradeId, mode, instrument, buyer, seller, quantity, price, executedAt);
    }
}
