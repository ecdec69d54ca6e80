package cn.carbonmarket.registry.migration.export;

/**
 * One record of a pilot's export, in file order: a holding, a row that cannot be read (with the reason), or an exact
 * duplicate of an earlier row. {@link #line()} is where the record starts in the file (1-based; spreadsheet row
 * number for .xlsx).
 */
public sealed interface ExportLine permits HoldingLine, UnreadableLine, DuplicateLine {

    String file();

    int line();
}
