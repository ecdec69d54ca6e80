package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shanghai: an .xlsx workbook whose sheet opens with a title row ("上海市碳排放配额登记簿导出 2025-12-31") before the
 * Chinese header; a running 序号 (sequence number) column; instruments with two-digit vintages ("SHEA19", "CCER15").
 * A row exported twice repeats its sequence number too, so duplicates compare all cells.
 */
final class ShanghaiExportReader implements PilotExportReader {

    private static final HoldingColumns COLUMNS =
            new HoldingColumns("账户代码", "名称", "类别", "证件代码", "数量(吨)", QuantityFormat.TONNES);
    private static final String INSTRUMENT = "品种";
    private static final Pattern SHORT_INSTRUMENT = Pattern.compile("([A-Z]+)(\\d{2})");
    /** Nothing was issued before 2013, so a two-digit vintage is in this century. */
    private static final String CENTURY = "20";
    private static final int MAX_ROWS_BEFORE_HEADER = 5;
    /** Joins a row's cells into one record for the duplicate detector; no cell text contains it. */
    private static final String CELL_SEPARATOR = "\u001F";

    @Override
    public Pilot pilot() {
        return Pilot.SH;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "xlsx");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        try (XlsxSheet sheet = XlsxSheet.open(fileName, in)) {
            Rows rows = new Rows(new LineSink(fileName, sink, record -> record.replace(CELL_SEPARATOR, "\t")));
            sheet.forEachRow(rows::row);
            if (rows.mapper == null) {
                throw new ExportFormatException(fileName + ": the sheet has no header row");
            }
        }
    }

    private static InstrumentCode instrument(String raw) throws UnreadableRowException {
        Matcher m = SHORT_INSTRUMENT.matcher(ExportText.code(raw));
        if (!m.matches()) {
            throw new UnreadableRowException("instrument '" + ExportText.name(raw)
                    + "' is not a product and a two-digit vintage");
        }
        return Instruments.of(Pilot.SH, m.group(1), CENTURY + m.group(2));
    }

    /** The sheet's rows: title rows until the header, then one record per row. */
    private static final class Rows {

        private final LineSink lines;
        private TabularLayout.RowMapper mapper;
        private int width;

        Rows(LineSink lines) {
            this.lines = lines;
        }

        void row(int number, List<String> cells) throws ExportFormatException {
            if (mapper == null) {
                readHeaderOrTitle(number, cells);
                return;
            }
            if (isEmpty(cells)) {
                return;
            }
            while (cells.size() < width) {
                cells.add("");
            }
            lines.accept(number, String.join(CELL_SEPARATOR, cells), () -> mapper.holding(number, cells));
        }

        /** Like a blank line of text, a row without a filled cell holds nothing to read. */
        private static boolean isEmpty(List<String> cells) {
            for (String cell : cells) {
                if (!cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private void readHeaderOrTitle(int number, List<String> cells) throws ExportFormatException {
            Columns header = Columns.of(lines.file(), cells);
            if (header.has(COLUMNS.account())) {
                HoldingColumns.Bound holding = COLUMNS.bind(header);
                int instrument = header.indexOf(INSTRUMENT);
                mapper = (line, fields) ->
                        holding.holding(lines.file(), line, fields, instrument(fields.get(instrument)));
                width = header.width();
            } else if (number >= MAX_ROWS_BEFORE_HEADER) {
                throw new ExportFormatException(lines.file() + ": no header row (with '" + COLUMNS.account()
                        + "') in the first " + MAX_ROWS_BEFORE_HEADER + " rows");
            }
        }
    }
}
