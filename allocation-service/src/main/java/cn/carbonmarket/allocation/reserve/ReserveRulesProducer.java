package cn.carbonmarket.allocation.reserve;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The reserve rules are read once at start; a malformed one stops the service instead of acting on it. */
public class ReserveRulesProducer {

    @Produces
    @Singleton
    ReserveRules rules(ObjectMapper mapper) {
        return ReserveRules.load(mapper);
    }
}
