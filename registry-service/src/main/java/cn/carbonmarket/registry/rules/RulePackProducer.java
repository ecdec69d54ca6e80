package cn.carbonmarket.registry.rules;

import cn.carbonmarket.registry.transaction.TransactionRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule pack is read once at start; a malformed one stops the service instead of booking under wrong rules. */
public class RulePackProducer {

    @Produces
    @Singleton
    TransactionRules transactionRules(ObjectMapper mapper) {
        return new TransactionRules(RegistryRulePack.load(mapper));
    }
}
