package cn.carbonmarket.allocation.report;

/** Why one report of an upload cannot be recorded: its index in the array (from 0), the field at fault and why. */
public record ItemError(int index, String field, String reason) {
}
