package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.trading.engine.Fill;
import java.time.Instant;

/** One of the caller's fills, from its own side: it does not learn who the counterparty was. */
public record FillResponse(String tradeId, String instrument, long orderId, String side, long priceFen,
                           long quantity, boolean maker, Instant executedAt) {

    static FillResponse of(Fill fill, PartyId party) {
        boolean buyer = fill.buyer().equals(party);
        long orderId = buyer ? fill.buyOrderId() : fill.sellOrderId();
        return new FillResponse(fill.tradeId(), fill.instrument().toString(), orderId, buyer ? "BUY" : "SELL",
                fill.price(), fill.quantity(), fill.makerOrderId() == orderId, fill.at());
    }
}
