package cn.carbonmarket.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void isAVersionSevenUuidCarryingItsMillisecond() {
        Instant at = Instant.parse("2026-11-26T10:15:30.123456Z");
        UUID id = EventIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned: a later millisecond sorts after, whatever the random bits. */
    @Property
    void laterEventsSortAfterEarlierOnes(@ForAll @LongRange(min = 0, max = 8_000_000_000_000L) long millis,
                                         @ForAll @LongRange(min = 1, max = 86_400_000L) long later) {
        UUID first = EventIds.at(Instant.ofEpochMilli(millis));
        UUID second = EventIds.at(Instant.ofEpochMilli(millis + later));
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Instant at = Instant.parse("2026-11-26T10:15:30Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.at(at));
        }
        assertThat(ids).hasSize(10_000);
    }
}
