package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;

/**
 * One party's net result in one instrument over a trade date: tonnes received (negative: delivered) and cash
 * received (negative: paid), fees included.
 */
public record NetPosition(PartyId party, InstrumentCode instrument, long netUnits, long netCashFen) {
}
