package cn.carbonmarket.registry.migration.export;

/**
 * An exact copy of the record at {@code duplicateOf}, an export glitch the pilots' control totals do not count:
 * it is dropped.
 */
public record DuplicateLine(String file, int line, int duplicateOf) implements ExportLine {
}
