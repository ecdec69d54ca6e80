package cn.carbonmarket.settlement.clearing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule pack is read once at start; a malformed one stops the service instead of clearing under wrong fees. */
public class ClearingProducer {

    @Produces
    @Singleton
    Clearing clearing(ObjectMapper mapper) {
        return new Clearing(SettlementRulePack.load(mapper).fees());
    }
}
