package cn.carbonmarket.contracts.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersionSevenUuidCarryingItsMillisecond() {
        Instant at = Instant.parse("2026-11-26T10:15:30.123456Z");
        UUID id = TimeOrderedIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned: a later millisecond sorts after, whatever the random bits. */
    @Property
    void laterEventsSortAfterEarlierOnes(@ForAll @LongRange(min = 0, max = 8_000_000_000_000L) long millis,
                                         @ForAll @LongRange(min = 1, max = 86_400_000L) long later) {
        UUID first = TimeOrderedIds.at(Instant.ofEpochMilli(millis));
        UUID second = TimeOrderedIds.at(Instant.ofEpochMilli(millis + later));
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Instant at = Instant.parse("2026-11-26T10:15:30Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(at));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void idsMadeTogetherIncreaseInListOrderWithinOneMillisecond() {
        Instant at = Instant.parse("2026-11-26T10:15:30.007Z");
        List<UUID> ids = TimeOrderedIds.consecutive(at, 1_000);
        assertThat(ids).hasSize(1_000).doesNotHaveDuplicates();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).getMostSignificantBits()).isEqualTo(ids.get(0).getMostSignificantBits());
            assertThat(Long.compareUnsigned(ids.get(i - 1).getLeastSignificantBits(),
                    ids.get(i).getLeastSignificantBits())).isNegative();
            assertThat(ids.get(i).version()).isEqualTo(7);
            assertThat(ids.get(i).variant()).isEqualTo(2);
        }
        assertThat(ids.get(0).getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }
}
