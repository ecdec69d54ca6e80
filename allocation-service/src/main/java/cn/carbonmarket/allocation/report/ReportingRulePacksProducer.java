package cn.carbonmarket.allocation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The reporting rules are read once at start; a malformed pack stops the service instead of accounting by it. */
public class ReportingRulePacksProducer {

    @Produces
    @Singleton
    @Startup
    ReportingRulePacks packs(ObjectMapper mapper) {
        return ReportingRulePacks.load(mapper);
    }
}
