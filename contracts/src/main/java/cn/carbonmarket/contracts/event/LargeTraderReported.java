package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * A party's holding of an instrument crossed the exchange's large-trader reporting threshold with a trade. Keyed by
 * party on {@code trading.surveillance}; the regulator and the exchange's surveillance read it.
 *
 * @param holding        whole tonnes the party holds after the trade
 * @param thresholdTonnes the rule pack's reporting threshold it crossed
 */
public record LargeTraderReported(PartyId partyId, InstrumentCode instrument, long holding, long thresholdTonnes,
                                  String tradeId, Instant reportedAt) {

    public static final EventType<LargeTraderReported> TYPE = new EventType<>("LargeTraderReported", 1,
            LargeTraderReported.class, Topics.TRADING_SURVEILLANCE);
}
