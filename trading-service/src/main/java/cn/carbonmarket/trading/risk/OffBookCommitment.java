package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.trade.Side;

/**
 * A reservation made outside the books that is still open (an announced auction's volume, a sealed bid), to be
 * reinstated under its {@code key} when the risk view is rebuilt on start.
 */
public record OffBookCommitment(ReservationKey.OffBook key, TradeMode mode, PartyId party, InstrumentCode instrument,
                                Side side, long price, long quantity) {
}
