package cn.carbonmarket.settlement.tradingrisk;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Chooses the withdrawal check from configuration: trading's risk view, or none beyond the ledger's limits. */
public class WithdrawalCheckProducer {

    @Produces
    @Singleton
    WithdrawalCheck check(WithdrawalCheckConfig config, @RestClient TradingRisk trading) {
        return config.enabled() ? new TradingWithdrawalCheck(trading) : WithdrawalCheck.NONE;
    }
}
