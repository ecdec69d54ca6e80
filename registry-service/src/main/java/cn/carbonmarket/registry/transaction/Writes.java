package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.registry.holding.HoldingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every row a booking writes, worked out before the first statement. */
record Writes(List<TransactionRecord> records, List<TransactionRecord.Line> lines, List<HoldingChange> updates,
              List<HoldingChange> inserts, List<Outbox.Keyed<TransactionBooked>> events) {

    /** The net change of one holding over everything booked together; a mirror account's may go negative. */
    record HoldingChange(HoldingKey holding, long delta, boolean mirror) {
    }

    /**
     * The holdings that exist (and are locked) change by an update, the others are inserted. A concurrent booking
     * may insert one of the latter first: the insert then fails on its key, and the booking is retried.
     */
    static Writes of(List<TransactionRecord> records, Map<String, AccountSnapshot> accounts, Set<HoldingKey> stored) {
        List<TransactionRecord.Line> lines = records.stream().flatMap(r -> r.lines().stream()).toList();
        Map<HoldingKey, Long> net = new TreeMap<>();
        lines.forEach(l -> net.merge(l.holding(), l.delta(), Math::addExact));
        List<HoldingChange> updates = new ArrayList<>();
        List<HoldingChange> inserts = new ArrayList<>();
        net.forEach((holding, delta) -> {
            HoldingChange change = new HoldingChange(holding, delta,
                    accounts.get(holding.account()).type().mayGoNegative());
            if (delta != 0) {
                (stored.contains(holding) ? updates : inserts).add(change);
            }
        });
        return new Writes(records, lines, updates, inserts, records.stream()
                .map(r -> new Outbox.Keyed<>(r.eventKey(), r.event())).toList());
    }
}
