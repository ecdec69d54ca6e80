package cn.carbonmarket.trading.risk;

import cn.carbonmarket.platform.party.PartyRecord;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Each party the registry registers gets a risk profile at the exchange, once. */
public class RiskProfileOpening {

    @Produces
    @Singleton
    PartyRecord riskProfiles() {
        return new PartyRecord("trading.risk-profiles", RiskProfile::openFor);
    }
}
