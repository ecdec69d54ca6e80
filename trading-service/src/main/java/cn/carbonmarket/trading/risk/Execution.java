package cn.carbonmarket.trading.risk;

import cn.carbonmarket.trading.engine.Refusal;

/** What {@link RiskBook#execute} made of an off-book trade: booked, or refused with nothing changed. */
public sealed interface Execution {

    /** Booked into both parties' balances, with the buyer's holding if the trade took it across the large-trader line. */
    record Booked(FilledTrade filled) implements Execution {
    }

    record Refused(Refusal refusal) implements Execution {
    }
}
