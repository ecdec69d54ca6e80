package cn.carbonmarket.allocation.auction;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The auction rules are read once at start; a malformed one stops the service instead of scheduling by it. */
public class AuctionRulesProducer {

    @Produces
    @Singleton
    AuctionRules rules(ObjectMapper mapper) {
        return AuctionRules.load(mapper);
    }
}
