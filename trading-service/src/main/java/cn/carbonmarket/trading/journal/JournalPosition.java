package cn.carbonmarket.trading.journal;

/** Where a record stands in the journal topic: an instrument's records all share one partition. */
public record JournalPosition(int partition, long offset) {
}
