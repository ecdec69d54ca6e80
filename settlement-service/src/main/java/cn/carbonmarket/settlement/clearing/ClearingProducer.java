package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.trade.FeeSchedule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Clears under the published fee schedule, the one trading charges by; a malformed schedule stops the service. */
public class ClearingProducer {

    @Produces
    @Singleton
    Clearing clearing() {
        return new Clearing(FeeSchedule.published());
    }
}
