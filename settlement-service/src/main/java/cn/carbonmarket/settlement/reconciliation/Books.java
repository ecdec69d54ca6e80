package cn.carbonmarket.settlement.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares two books position by position; a position one book lacks counts as zero there. */
public final class Books {

    private Books() {
    }

    public static List<Difference> compare(String source, Map<Position, Long> settlement, Map<Position, Long> other) {
        TreeSet<Position> positions = new TreeSet<>(settlement.keySet());
        positions.addAll(other.keySet());
        List<Difference> differences = new ArrayList<>();
        for (Position position : positions) {
            long ours = settlement.getOrDefault(position, 0L);
            long theirs = other.getOrDefault(position, 0L);
            if (ours != theirs) {
                differences.add(Difference.of(source, position, ours, theirs));
            }
        }
        return differences;
    }
}
