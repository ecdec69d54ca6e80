package cn.carbonmarket.trading.engine;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * One execution between a resting (maker) order and an incoming (taker) order, at the maker's price. The trade
 * id is the instrument and the engine's fill sequence, so replaying the journal gives every fill the same id
 * again and whoever consumes fills can recognise one it has seen.
 */
public record Fill(String tradeId, InstrumentCode instrument, long sequence, long buyOrderId, PartyId buyer,
                   long sellOrderId, PartyId seller, long makerOrderId, long price, long quantity, Instant at) {
}
