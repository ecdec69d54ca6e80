package cn.carbonmarket.trading.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The rule pack, read once: an incomplete pack fails here, and the exchange's start with it (recovery needs it
 * before anything is served). Says at start which figures still wait for confirmation.
 */
public class RulePackProducer {

    private static final Logger LOG = Logger.getLogger(RulePackProducer.class);

    @Produces
    @Singleton
    TradingRulePack pack(ObjectMapper json) {
        TradingRulePack pack = TradingRulePack.load(json);
        pack.all().stream().filter(rules -> !rules.unconfirmed().isEmpty()).forEach(rules -> LOG.infof(
                "trading rule pack %s: %d figures not confirmed by their source, taken as data: %s",
                rules.jurisdiction(), rules.unconfirmed().size(), rules.unconfirmed()));
        return pack;
    }
}
