package cn.carbonmarket.settlement.ledger;

/** An entry the ledger holds, with its current phase. */
public record RecordedEntry(JournalEntry entry, EntryState state) {
}
