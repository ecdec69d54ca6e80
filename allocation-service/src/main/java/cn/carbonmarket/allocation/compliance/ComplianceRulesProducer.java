package cn.carbonmarket.allocation.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The compliance rules are read once at start; a malformed one stops the service instead of setting obligations. */
public class ComplianceRulesProducer {

    @Produces
    @Singleton
    ComplianceRules rules(ObjectMapper mapper) {
        return ComplianceRules.load(mapper);
    }
}
