package cn.carbonmarket.registry.holding;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.Comparator;

/** One holding: an account's units of one instrument in one status. */
public record HoldingKey(String account, InstrumentCode instrument, HoldingStatus status)
        implements Comparable<HoldingKey> {

    /** A fixed order in which bookings touch holdings, so that two bookings never wait on each other in a cycle. */
    private static final Comparator<HoldingKey> ORDER = Comparator.comparing(HoldingKey::account)
            .thenComparing(k -> k.instrument().toString())
            .thenComparing(HoldingKey::status);

    @Override
    public int compareTo(HoldingKey other) {
        return ORDER.compare(this, other);
    }
}
