package cn.carbonmarket.trading.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochFenceTest {

    private final Counter refused = new SimpleMeterRegistry().counter("fenced");
    private final EpochFence fence = new EpochFence(refused);

    @Test
    void aRecordOfAnOlderEpochThanOneSeenInItsPartitionIsRefused() {
        List<Boolean> admitted = new ArrayList<>();
        long offset = 0;
        for (long epoch : new long[] {0, 0, 1, 1, 2, 1, 0, 2, 3}) {
            admitted.add(fence.admits(new JournalPosition(0, offset++), record(epoch)));
        }

        assertThat(admitted).containsExactly(true, true, true, true, true, false, false, true, true);
        assertThat(refused.count()).isEqualTo(2);
    }

    @Test
    void partitionsAreFencedEachByTheMarksItHolds() {
        assertThat(fence.admits(new JournalPosition(0, 0), JournalRecord.epochMark(5, Instant.EPOCH))).isTrue();

        assertThat(fence.admits(new JournalPosition(1, 0), record(4))).isTrue();
        assertThat(fence.admits(new JournalPosition(0, 1), record(4))).isFalse();
    }

    @Test
    void aRecordWrittenBeforeTheExchangeHadALeaseReadsAsEpochZero() {
        JournalRecord old = new JournalRecord(1, JournalRecord.Type.HALT, "CEA-2025", null, null, null, null, null,
                null, null, "operator", null, null, Instant.EPOCH, null);

        assertThat(old.writtenInEpoch()).isZero();
        assertThat(old.command()).isNotNull();
    }

    private static JournalRecord record(long epoch) {
        return new JournalRecord(JournalRecord.VERSION, JournalRecord.Type.HALT, "CEA-2025", null, null, null, null,
                null, null, null, "operator", null, null, Instant.EPOCH, epoch);
    }
}
