package cn.carbonmarket.settlement.endofday;

import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.settlement.clearing.NetPosition;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A run's delivery instructions from its net positions, always in the same order (instrument, then party): the
 * registry fingerprints a booking's lines in their order, so instructions sent again for a run it has already booked
 * must come out line for line as the first time, or it takes them for another movement under the same run id.
 */
final class RunInstructions {

    private static final Comparator<NetPosition> ORDER = Comparator
            .comparing((NetPosition p) -> p.instrument().toString()).thenComparing(p -> p.party().value());

    private RunInstructions() {
    }

    /** Empty deliveries when the run moves no units. */
    static DeliveryInstructions of(String runId, LocalDate tradeDate, List<NetPosition> positions) {
        return new DeliveryInstructions(runId, tradeDate, positions.stream().filter(p -> p.netUnits() != 0)
                .sorted(ORDER).map(p -> new DeliveryInstructions.Delivery(p.party(), p.instrument(), p.netUnits()))
                .toList());
    }
}
