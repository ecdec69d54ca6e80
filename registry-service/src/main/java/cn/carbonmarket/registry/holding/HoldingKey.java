package cn.carbonmarket.registry.holding;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.Comparator;

/** One holding: an account's units of one instrument in one status. */
public record HoldingKey(String account, InstrumentCode instrument, HoldingStatus status)
        implements Comparable<HoldingKey> {

    /**
     * A fixed order in which bookings touch holdings, so that two bookings never wait on each other in a cycle. By
     * product name, then vintage: the order of the instrument codes as text, without writing them out per comparison.
     */
    private static final Comparator<HoldingKey> ORDER = Comparator.comparing(HoldingKey::account)
            .thenComparing(k -> k.instrument().product().name())
            .thenComparingInt(k -> k.instrument().vintage())
            .thenComparing(HoldingKey::status);

    @Override
    public int compareTo(HoldingKey other) {
        return ORDER.compare(this, other);
    }
}
