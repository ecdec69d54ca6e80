package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import java.util.ArrayList;
import java.util.List;

/** A proposed transaction: its type and its lines, each a signed change of one holding, in tonnes. */
public record Movement(TransactionType type, List<Line> lines) {

    public record Line(HoldingKey holding, long delta) {
    }

    public Movement {
        lines = List.copyOf(lines);
    }

    /** The common two-line movement: quantity leaves one holding and enters another. */
    public static Movement between(TransactionType type, InstrumentCode instrument, long quantity,
                                   String fromAccount, HoldingStatus fromStatus,
                                   String toAccount, HoldingStatus toStatus) {
        List<Line> lines = new ArrayList<>(2);
        lines.add(new Line(new HoldingKey(fromAccount, instrument, fromStatus), -quantity));
        lines.add(new Line(new HoldingKey(toAccount, instrument, toStatus), quantity));
        return new Movement(type, lines);
    }

    public List<String> accounts() {
        return lines.stream().map(l -> l.holding().account()).distinct().sorted().toList();
    }
}
