package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * Beijing: comma-separated GB18030 text with CRLF lines and Chinese headers; the product ("BEA", "CCER") and its
 * 年度 (vintage) are separate columns, and some quantities are typed in full-width digits ("８９２４３０").
 */
final class BeijingExportReader implements PilotExportReader {

    private static final DelimitedFormat FORMAT = new DelimitedFormat(Charset.forName("GB18030"), ',');
    private static final HoldingColumns COLUMNS =
            new HoldingColumns("账户号", "账户名称", "主体类型", "证件号码", "持有数量", QuantityFormat.TONNES);

    @Override
    public Pilot pilot() {
        return Pilot.BJ;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "csv");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        FORMAT.read(fileName, in, sink, header -> {
            HoldingColumns.Bound holding = COLUMNS.bind(header);
            int product = header.indexOf("产品");
            int vintage = header.indexOf("年度");
            return (line, fields) -> holding.holding(fileName, line, fields,
                    Instruments.of(Pilot.BJ, fields.get(product), fields.get(vintage)));
        });
    }
}
