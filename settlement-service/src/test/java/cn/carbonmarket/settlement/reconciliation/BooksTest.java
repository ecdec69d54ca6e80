package cn.carbonmarket.settlement.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BooksTest {

    private static final Position A_CASH = new Position("a", Position.CASH);
    private static final Position A_CEA = new Position("a", "CEA-2025");
    private static final Position B_CEA = new Position("b", "CEA-2025");

    @Test
    void aPositionOnlyOneBookHasCountsAsZeroInTheOther() {
        assertThat(Books.compare("TRADING", Map.of(A_CASH, 100L, A_CEA, 5L), Map.of(A_CASH, 100L, B_CEA, 3L)))
                .containsExactly(Difference.of("TRADING", A_CEA, 5, 0), Difference.of("TRADING", B_CEA, 0, 3));
    }

    @Property
    void aBookAgreesWithItself(@ForAll @Size(max = 20) Map<@IntRange(max = 9) Integer, Long> book) {
        Map<Position, Long> positions = new HashMap<>();
        book.forEach((party, amount) -> positions.put(new Position("p" + party, "CNY"), amount));
        assertThat(Books.compare("REGISTRY", positions, Map.copyOf(positions))).isEmpty();
    }

    @Property
    void everyDifferenceIsOursLessTheirsAndNothingElseDiffers(
            @ForAll @Size(max = 10) List<@IntRange(min = -1000, max = 1000) Integer> ours,
            @ForAll @Size(max = 10) List<@IntRange(min = -1000, max = 1000) Integer> theirs) {
        Map<Position, Long> a = new HashMap<>();
        Map<Position, Long> b = new HashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            a.put(new Position("p" + i, "CNY"), (long) ours.get(i));
        }
        for (int i = 0; i < theirs.size(); i++) {
            b.put(new Position("p" + i, "CNY"), (long) theirs.get(i));
        }
        List<Difference> differences = Books.compare("TRADING", a, b);
        differences.forEach(d -> assertThat(d.difference()).isEqualTo(d.settlement() - d.other()).isNotZero());
        long expected = IntStream.range(0, Math.max(ours.size(), theirs.size()))
                .filter(i -> a.getOrDefault(new Position("p" + i, "CNY"), 0L)
                        .longValue() != b.getOrDefault(new Position("p" + i, "CNY"), 0L).longValue()).count();
        assertThat(differences).hasSize((int) expected);
    }
}
