package cn.carbonmarket.trading.journal;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Fencing on replay: per partition, the highest lease epoch seen so far; a record of an older epoch comes from a
 * leader that was deposed before it reached the journal (its successor marked the partition first) and is refused,
 * logged and counted. Records written before the exchange had a lease are epoch 0 and precede every mark. One
 * fence per reading of the journal, used by the thread that reads.
 */
public final class EpochFence {

    private static final Logger LOG = Logger.getLogger(EpochFence.class);

    private final Map<Integer, Long> highest = new HashMap<>();
    private final Counter refused;

    public EpochFence(Counter refused) {
        this.refused = refused;
    }

    /** Whether the record at {@code at} stands; an {@code EPOCH} mark stands and raises its partition's epoch. */
    public boolean admits(JournalPosition at, JournalRecord record) {
        long epoch = record.writtenInEpoch();
        long seen = highest.getOrDefault(at.partition(), 0L);
        if (epoch < seen) {
            refused.increment();
            LOG.warnf("refused journal record %s at %s: written in epoch %d after epoch %d", record.type(), at,
                    epoch, seen);
            return false;
        }
        highest.put(at.partition(), epoch);
        return true;
    }
}
