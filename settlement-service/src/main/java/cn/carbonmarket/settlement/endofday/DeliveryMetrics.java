package cn.carbonmarket.settlement.endofday;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts clearing runs entering each delivery state ({@code settlement.delivery.runs{state}}): PUBLISHED once per
 * sending, DELIVERED and REJECTED once per registry answer. Rejections are what an alert watches.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final String RUNS = "settlement.delivery.runs";

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void entered(DeliveryState state) {
        registry.counter(RUNS, "state", state.name()).increment();
    }
}
