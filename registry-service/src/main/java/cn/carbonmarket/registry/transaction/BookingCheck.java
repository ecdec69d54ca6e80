package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.id.TimeOrderedIds;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.holding.HoldingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules applied to one movement after another, each seeing the holdings the ones before it leave, in one list or
 * in consecutive slices of one.
 */
final class BookingCheck {

    /** A request after the rules: its record to write, or why it was refused. */
    record Checked(BookingRequest request, TransactionRecord record, RuntimeException refusal) {
    }

    /** Requests checked together and the rows that book them. */
    record Result(List<Checked> requests, Writes writes) {
    }

    private final TransactionRules rules;
    private final Instant bookedAt;
    private final Map<String, AccountSnapshot> accounts;
    private final Map<HoldingKey, Long> holdings;
    /** The holdings that have a row: locked, or inserted by an earlier slice. */
    private final Set<HoldingKey> stored;
    private final Iterator<UUID> ids;

    BookingCheck(TransactionRules rules, Instant bookedAt, TransactionStore.Locked locked, int movements) {
        this.rules = rules;
        this.bookedAt = bookedAt;
        accounts = locked.accounts();
        holdings = new HashMap<>(locked.holdings());
        stored = new HashSet<>(locked.holdings().keySet());
        ids = TimeOrderedIds.consecutive(bookedAt, movements).iterator();
    }

    /** With {@code isolate} a refused request is left out and the others booked; without it a refusal fails all. */
    Result check(List<BookingRequest> requests, boolean isolate) {
        List<Checked> checked = new ArrayList<>(requests.size());
        for (BookingRequest request : requests) {
            UUID id = ids.next();
            try {
                holdings.putAll(rules.apply(request.movement(), request.initiator(), accounts, holdings));
                checked.add(new Checked(request, TransactionRecord.of(id, request.keyed(), request.initiator(),
                        bookedAt, accounts), null));
            } catch (RuleViolationException refusal) {
                if (!isolate) {
                    throw refusal;
                }
                checked.add(new Checked(request, null, refusal));
            }
        }
        List<TransactionRecord> records = checked.stream().map(Checked::record).filter(Objects::nonNull).toList();
        Writes writes = Writes.of(records, accounts, stored);
        writes.inserts().forEach(insert -> stored.add(insert.holding()));
        return new Result(checked, writes);
    }
}
