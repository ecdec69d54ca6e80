package cn.carbonmarket.allocation.activity;

/** Why one line of an upload cannot be recorded: its line number (the header is line 1) and the column at fault. */
public record RowError(int line, String field, String reason) {
}
