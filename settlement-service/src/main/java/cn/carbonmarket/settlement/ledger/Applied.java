package cn.carbonmarket.settlement.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a ledger command did: the entry's state afterwards, whether it was a replay (nothing changed), and the
 * balances it changed, in lock order.
 */
public record Applied(JournalEntry entry, EntryState state, boolean replayed, Map<AccountKey, Balance> changed) {

    public Applied {
        changed = Collections.unmodifiableMap(new TreeMap<>(changed));
    }
}
