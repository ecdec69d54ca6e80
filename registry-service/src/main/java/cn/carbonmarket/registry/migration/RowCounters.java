package cn.carbonmarket.registry.migration;

/** How many records of an upload were read, and what became of them (read = the other four together). */
public record RowCounters(long rowsRead, long rowsBooked, long rowsSetAside, long rowsDropped, long rowsFailed) {
}
