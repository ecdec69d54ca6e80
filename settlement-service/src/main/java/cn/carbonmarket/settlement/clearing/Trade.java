package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.LocalDate;

/** One executed trade as clearing sees it: whole tonnes at a price in fen per tonne, on a trade date. */
public record Trade(String tradeId, PartyId buyer, PartyId seller, InstrumentCode instrument, long quantity,
                    long priceFen, TradeMode mode, LocalDate tradeDate) {
}
