package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The comma-separated exports that give the product and its vintage in separate columns. The pilots differ only in
 * encoding and header names, so each is this reader with its own data:
 * <ul>
 *   <li>Beijing: GB18030, CRLF, Chinese headers; products "BEA", "CCER" with a 年度 (vintage) column; some quantities
 *   typed in full-width digits ("８９２４３０").</li>
 *   <li>Tianjin: UTF-8 starting with a byte order mark, CRLF, English upper-case headers.</li>
 * </ul>
 */
final class ProductVintageCsvReader implements PilotExportReader {

    static final ProductVintageCsvReader BEIJING = new ProductVintageCsvReader(Pilot.BJ, Charset.forName("GB18030"),
            new HoldingColumns("账户号", "账户名称", "主体类型", "证件号码", "持有数量", QuantityFormat.TONNES), "产品", "年度");
    static final ProductVintageCsvReader TIANJIN = new ProductVintageCsvReader(Pilot.TJ, StandardCharsets.UTF_8,
            new HoldingColumns("ACCOUNT_NO", "HOLDER_NAME", "HOLDER_TYPE", "ID_NO", "BALANCE", QuantityFormat.TONNES),
            "PRODUCT", "VINTAGE");

    private final Pilot pilot;
    private final DelimitedFormat format;
    private final HoldingColumns columns;
    private final String productColumn;
    private final String vintageColumn;

    private ProductVintageCsvReader(Pilot pilot, Charset charset, HoldingColumns columns, String productColumn,
                                    String vintageColumn) {
        this.pilot = pilot;
        this.format = new DelimitedFormat(charset, ',');
        this.columns = columns;
        this.productColumn = productColumn;
        this.vintageColumn = vintageColumn;
    }

    @Override
    public Pilot pilot() {
        return pilot;
    }

    @Override
    public boolean accepts(String fileName) {
        return ExportText.isExportFile(fileName, "csv");
    }

    @Override
    public void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException {
        format.read(fileName, in, sink, header -> {
            HoldingColumns.Bound holding = columns.bind(header);
            int product = header.indexOf(productColumn);
            int vintage = header.indexOf(vintageColumn);
            return (line, fields) -> holding.holding(fileName, line, fields,
                    Instruments.of(pilot, fields.get(product), fields.get(vintage)));
        });
    }
}
