package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Guangdong: semicolon-separated UTF-8 text with English headers; the instrument is one column with a space
 * ("GDEA 2019") and quantities are quoted with thousands separators ("26,323").
 */
final class GuangdongExportReader implements PilotExportReader {

    private static final DelimitedFormat FORMAT = new DelimitedFormat(StandardCharsets.UTF_8, ';');
    private static final HoldingColumns COLUMNS = new HoldingColumns("Account", "Holder", "Type", "Identifier",
            "Quantity", QuantityFormat.GROUPED_TONNES);

    @Override
    public Pilot pilot() {
        return Pilot.GD;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "csv");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        FORMAT.read(fileName, in, sink, header -> {
            HoldingColumns.Bound holding = COLUMNS.bind(header);
            int instrument = header.indexOf("Product");
            return (line, fields) -> holding.holding(fileName, line, fields,
                    Instruments.parse(Pilot.GD, fields.get(instrument)));
        });
    }
}
