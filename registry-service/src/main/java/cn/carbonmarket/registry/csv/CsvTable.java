package cn.carbonmarket.registry.csv;

/** A CSV document built row by row: a header row first, fields quoted only where they need it (RFC 4180). */
public final class CsvTable {

    private final StringBuilder text = new StringBuilder();

    public CsvTable(String... header) {
        row((Object[]) header);
    }

    /** One row; a null cell is empty. */
    public CsvTable row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(cells[i]));
        }
        text.append('\n');
        return this;
    }

    public String render() {
        return text.toString();
    }

    private static String field(Object cell) {
        String value = cell == null ? "" : cell.toString();
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
