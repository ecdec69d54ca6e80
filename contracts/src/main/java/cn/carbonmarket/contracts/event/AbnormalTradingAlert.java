package cn.carbonmarket.contracts.event;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.time.Instant;

/**
 * A party's own trades (as the incoming order) moved an instrument's price by more than the rule pack's share of the
 * daily band within its window. Keyed by party on {@code trading.surveillance}.
 *
 * @param fromPriceFen the last price before the party's first trade in the window
 * @param toPriceFen   the price of the trade that crossed the limit
 * @param limitFen     the largest move the rule pack lets pass without an alert
 */
public record AbnormalTradingAlert(PartyId partyId, InstrumentCode instrument, long fromPriceFen, long toPriceFen,
                                   long limitFen, long windowSeconds, String tradeId, Instant raisedAt) {

    public static final EventType<AbnormalTradingAlert> TYPE = new EventType<>("AbnormalTradingAlert", 1,
            AbnormalTradingAlert.class, Topics.TRADING_SURVEILLANCE);
}
