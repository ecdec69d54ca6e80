package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Chongqing: tab-separated UTF-8 text with Chinese headers; the instrument is one column ("CQEA-2024") and
 * quantities are in 万吨 with four decimals ("58.5128" is 585,128 t).
 */
final class ChongqingExportReader implements PilotExportReader {

    private static final DelimitedFormat FORMAT = new DelimitedFormat(StandardCharsets.UTF_8, '\t');
    private static final HoldingColumns COLUMNS = new HoldingColumns("账户编号", "持有人", "类型", "证件号",
            "持有量(万吨)", QuantityFormat.TEN_THOUSAND_TONNES);

    @Override
    public Pilot pilot() {
        return Pilot.CQ;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "tsv");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        FORMAT.read(fileName, in, sink, header -> {
            HoldingColumns.Bound holding = COLUMNS.bind(header);
            int instrument = header.indexOf("标的");
            return (line, fields) -> holding.holding(fileName, line, fields,
                    Instruments.parse(Pilot.CQ, fields.get(instrument)));
        });
    }
}
