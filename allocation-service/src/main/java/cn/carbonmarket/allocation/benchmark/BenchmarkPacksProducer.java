package cn.carbonmarket.allocation.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The benchmark packs are read once at start; a malformed one stops the service instead of allocating by it. */
public class BenchmarkPacksProducer {

    @Produces
    @Singleton
    BenchmarkPacks packs(ObjectMapper mapper) {
        return BenchmarkPacks.load(mapper);
    }
}
