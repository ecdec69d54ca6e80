package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Tianjin: comma-separated UTF-8 text that starts with a byte order mark, CRLF lines, English upper-case headers;
 * product and vintage are separate columns.
 */
final class TianjinExportReader implements PilotExportReader {

    private static final DelimitedFormat FORMAT = new DelimitedFormat(StandardCharsets.UTF_8, ',');
    private static final HoldingColumns COLUMNS =
            new HoldingColumns("ACCOUNT_NO", "HOLDER_NAME", "HOLDER_TYPE", "ID_NO", "BALANCE", QuantityFormat.TONNES);

    @Override
    public Pilot pilot() {
        return Pilot.TJ;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "csv");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        FORMAT.read(fileName, in, sink, header -> {
            HoldingColumns.Bound holding = COLUMNS.bind(header);
            int product = header.indexOf("PRODUCT");
            int vintage = header.indexOf("VINTAGE");
            return (line, fields) -> holding.holding(fileName, line, fields,
                    Instruments.of(Pilot.TJ, fields.get(product), fields.get(vintage)));
        });
    }
}
