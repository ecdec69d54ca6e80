package cn.carbonmarket.registry.migration.export;

/** A record that cannot become a holding, with why (e.g. "quantity '12.3x' is not a number") and its text. */
public record UnreadableLine(String file, int line, String reason, String raw) implements ExportLine {
}
