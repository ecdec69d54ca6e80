package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Shanghai's .xlsx, including what Excel itself writes and the generator does not: a shared strings table. */
class ShanghaiExportReaderTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String HEADER_ROW = "<row r=\"2\">" + inline("A2", "序号") + inline("B2", "账户代码")
            + inline("C2", "名称") + inline("D2", "类别") + inline("E2", "证件代码") + inline("F2", "品种")
            + inline("G2", "数量(吨)") + "</row>";

    @Test
    void readsInlineStringsAfterTheTitleRowAndTwoDigitVintages() throws IOException {
        ReadExport export = read(workbook(Map.of(), HEADER_ROW
                + "<row r=\"3\"><c r=\"A3\"><v>1</v></c>" + inline("B3", "SH0001007") + inline("C3", "吴娟勇")
                + inline("D3", "自然人") + inline("E3", "310000197010294351") + inline("F3", "SHEA20")
                + "<c r=\"G3\"><v>24933</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>2</v></c>" + inline("B4", "SH0001007") + inline("C4", "吴娟勇")
                + inline("D4", "自然人") + inline("E4", "310000197010294351") + inline("F4", "CCER15")
                + "<c r=\"G4\"><v>100</v></c></row>"));

        assertThat(export.holdings()).containsExactly(
                new HoldingLine("sh.xlsx", 3, "SH0001007", "吴娟勇", HolderKind.INDIVIDUAL, "自然人",
                        "310000197010294351", InstrumentCode.parse("SHEA-2020"), 24933),
                new HoldingLine("sh.xlsx", 4, "SH0001007", "吴娟勇", HolderKind.INDIVIDUAL, "自然人",
                        "310000197010294351", InstrumentCode.parse("CCER-2015"), 100));
    }

    @Test
    void readsSharedStringsWithRichTextRunsAndWithoutPhoneticGuides() throws IOException {
        // Excel writes the shared strings after the sheet in some workbooks; the reader must not depend on the order.
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">"
                + "<si><t>SH0001000</t></si>"
                + "<si><r><t>上海能源</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">有限公司</t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>シャンハイ</t></rPh></si>"
                + "<si><t>重点排放单位</t></si><si><t>91310000A07D42F2AG</t></si><si><t>SHEA19</t></si></sst>");
        ReadExport export = read(workbook(parts, HEADER_ROW
                + "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>0</v></c><c r=\"C3\" t=\"s\"><v>1</v></c>"
                + "<c r=\"D3\" t=\"s\"><v>2</v></c><c r=\"E3\" t=\"s\"><v>3</v></c><c r=\"F3\" t=\"s\"><v>4</v></c>"
                + "<c r=\"G3\"><v>32235</v></c></row>"));

        HoldingLine holding = export.onlyHolding();
        assertThat(holding.holderName()).isEqualTo("上海能源有限公司");
        assertThat(holding.pilotAccount()).isEqualTo("SH0001000");
        assertThat(holding.instrument()).isEqualTo(InstrumentCode.parse("SHEA-2019"));
    }

    @Test
    void aRowExportedTwiceIsADuplicateAndAnEmptyQuantityCellIsUnreadable() throws IOException {
        String row = "<c r=\"A%1$d\"><v>7</v></c>" + inline("B%1$d", "SH0001014") + inline("C%1$d", "上海化工有限公司")
                + inline("D%1$d", "机构投资者") + inline("E%1$d", "91310000C17HAA7E5B") + inline("F%1$d", "SHEA21");
        ReadExport export = read(workbook(Map.of(), HEADER_ROW
                + "<row r=\"3\">" + row.formatted(3) + "<c r=\"G3\"><v>58</v></c></row>"
                + "<row r=\"4\">" + row.formatted(4) + "<c r=\"G4\"><v>58</v></c></row>"
                + "<row r=\"5\">" + row.formatted(5) + "</row>"
                + "<row r=\"6\"></row>"));

        assertThat(export.lines()).extracting(ExportLine::getClass, ExportLine::line).containsExactly(
                tuple(HoldingLine.class, 3), tuple(DuplicateLine.class, 4), tuple(UnreadableLine.class, 5));
        assertThat(export.duplicates().get(0).duplicateOf()).isEqualTo(3);
        assertThat(export.onlyUnreadable().reason()).isEqualTo("quantity is empty");
        assertThat(export.onlyUnreadable().raw()).startsWith("7\tSH0001014\t上海化工有限公司");
    }

    @Test
    void aFileThatIsNotAWorkbookOrHasNoHeaderIsNotShanghaisExport() throws IOException {
        assertThatThrownBy(() -> read("账户代码,名称".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("sh.xlsx is not an .xlsx workbook");
        byte[] noHeader = workbook(Map.of(), "<row r=\"2\">" + inline("A2", "账号") + "</row>");
        assertThatThrownBy(() -> read(noHeader))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("sh.xlsx: the sheet has no header row");
    }

    private static ReadExport read(byte[] xlsx) throws IOException {
        ReadExport export = new ReadExport(new ArrayList<>());
        PilotExportReaders.forPilot(Pilot.SH).read("sh.xlsx", new ByteArrayInputStream(xlsx), export.lines()::add);
        return export;
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A workbook whose sheet has the export's title row and then {@code rows}; other parts follow the sheet. */
    private static byte[] workbook(Map<String, String> laterParts, String rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                    + "\"><sheetData><row r=\"1\">" + inline("A1", "上海市碳排放配额登记簿导出 2025-12-31") + "</row>"
                    + rows + "</sheetData></worksheet>");
            parts.putAll(laterParts);
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
