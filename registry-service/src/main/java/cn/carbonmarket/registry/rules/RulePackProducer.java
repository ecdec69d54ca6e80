package cn.carbonmarket.registry.rules;

import cn.carbonmarket.registry.transaction.TransactionRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule pack is read once at start; a malformed one stops the service instead of booking under wrong rules. */
public class RulePackProducer {

    @Produces
    @Singleton
    RegistryRulePack rulePack(ObjectMapper mapper) {
        return RegistryRulePack.load(mapper);
    }

    @Produces
    @Singleton
    TransactionRules transactionRules(RegistryRulePack rulePack) {
        return new TransactionRules(rulePack);
    }
}
