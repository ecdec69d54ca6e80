package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The delimited exports (Beijing, Tianjin, Chongqing, Guangdong) and their quirks, one line at a time. */
class DelimitedExportReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String BEIJING_HEADER = "账户号,账户名称,主体类型,证件号码,开户日期,产品,年度,持有数量\r\n";
    private static final String TIANJIN_HEADER = "ACCOUNT_NO,HOLDER_NAME,HOLDER_TYPE,ID_NO,OPEN_DATE,PRODUCT,VINTAGE,BALANCE\r\n";
    private static final String CHONGQING_HEADER = "账户编号\t持有人\t类型\t证件号\t开户时间\t标的\t持有量(万吨)\n";
    private static final String GUANGDONG_HEADER = "Account;Holder;Type;Identifier;Opened;Product;Quantity\n";

    private static ReadExport beijing(String rows) {
        return ReadExport.of(Pilot.BJ, "bj.csv", BEIJING_HEADER + rows, GB18030);
    }

    @Test
    void beijingIsGb18030WithItsProductAndVintageInTwoColumns() {
        // 𠀀 (U+20000) exists in GB18030 but not in GBK: a four-byte sequence.
        HoldingLine holding = beijing("BJ0001000,北京𠀀能源有限公司,重点排放单位,91110000A07D42F2AG,2018年12月21日,BEA,2019,32235\r\n")
                .onlyHolding();

        assertThat(holding).isEqualTo(new HoldingLine("bj.csv", 2, "BJ0001000", "北京𠀀能源有限公司",
                HolderKind.KEY_EMITTING_UNIT, "重点排放单位", "91110000A07D42F2AG", InstrumentCode.parse("BEA-2019"), 32235));
    }

    @Test
    void fullWidthQuantitiesAndIdentitiesAreNormalised() {
        HoldingLine holding = beijing("ｂｊ0001035,王伟,自然人,１１００００１９６０１００２１５６ｘ,2016年8月12日,CCER,2021,８９２４３０\r\n")
                .onlyHolding();

        assertThat(holding.pilotAccount()).isEqualTo("BJ0001035");
        assertThat(holding.identityCode()).isEqualTo("11000019601002156X");
        assertThat(holding.tonnes()).isEqualTo(892430);
        assertThat(holding.holderKind()).isEqualTo(HolderKind.INDIVIDUAL);
        assertThat(holding.instrument()).isEqualTo(InstrumentCode.parse("CCER-2021"));
    }

    @Test
    void quotedNamesKeepTheirSeparatorsAndQuotes() {
        HoldingLine holding = beijing("BJ0001007,\"北京能源(第二分厂),\"\"东区\"\"有限公司\",机构投资者,"
                + "91110000C17HAA7E5B,2018年9月10日,BEA,2022,33401\r\n").onlyHolding();

        assertThat(holding.holderName()).isEqualTo("北京能源(第二分厂),\"东区\"有限公司");
        assertThat(holding.holderKind()).isEqualTo(HolderKind.INSTITUTION);
    }

    @Test
    void anUnknownHolderTypeIsKeptForTheServiceToJudge() {
        HoldingLine holding = beijing("BJ0001000,北京能源有限公司,事业单位,12110000MB1234567X,2018年1月1日,BEA,2019,5\r\n")
                .onlyHolding();

        assertThat(holding.holderKind()).isEqualTo(HolderKind.UNKNOWN);
        assertThat(holding.rawHolderType()).isEqualTo("事业单位");
    }

    @Test
    void unknownAndForeignProductsBadVintagesAndBadQuantitiesAreUnreadableWithTheirReason() {
        ReadExport export = beijing("""
                BJ1,甲,自然人,110000196010021562,2018年1月1日,BEAX,2019,5\r
                BJ2,乙,自然人,110000196010021562,2018年1月1日,GDEA,2019,5\r
                BJ3,丙,自然人,110000196010021562,2018年1月1日,BEA,2012,5\r
                BJ4,丁,自然人,110000196010021562,2018年1月1日,BEA,19,5\r
                BJ5,戊,自然人,110000196010021562,2018年1月1日,BEA,2019,12.3x\r
                BJ6,己,自然人,110000196010021562,2018年1月1日,BEA,2019,-5\r
                BJ7,庚,自然人,,2018年1月1日,BEA,2019,5\r
                BJ8,辛,自然人,110000196010021562,2018年1月1日,BEA,2019\r
                BJ9,"壬,自然人,110000196010021562,2018年1月1日,BEA,2019,5\r
                """);

        assertThat(export.holdings()).isEmpty();
        assertThat(export.unreadable()).extracting(UnreadableLine::line, UnreadableLine::reason).containsExactly(
                tuple(2, "product 'BEAX' is unknown"),
                tuple(3, "product 'GDEA' is not issued by the Beijing pilot or nationally"),
                tuple(4, "vintage 2012 is outside 2013..2100"),
                tuple(5, "vintage '19' is not a year"),
                tuple(6, "quantity '12.3x' is not a number"),
                tuple(7, "quantity '-5' is negative"),
                tuple(8, "identity code is empty"),
                tuple(9, "the line has 7 fields, the header 8"),
                tuple(10, "a quoted field is not closed"));
        assertThat(export.unreadable().get(4).raw())
                .isEqualTo("BJ5,戊,自然人,110000196010021562,2018年1月1日,BEA,2019,12.3x");
    }

    @Test
    void bytesThatAreNotGb18030MakeTheLineUnreadable() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(BEIJING_HEADER.getBytes(GB18030));
        file.write("BJ1,".getBytes(GB18030));
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFF});
        file.write(",自然人,110000196010021562,2018年1月1日,BEA,2019,5\r\n".getBytes(GB18030));
        ReadExport export = ReadExport.of(Pilot.BJ, "bj.csv", new ByteArrayInputStream(file.toByteArray()));

        assertThat(export.onlyUnreadable().reason()).isEqualTo("the line has bytes that are not GB18030 text");
    }

    @Test
    void exactDuplicatesPointToTheFirstOccurrenceAndBlankLinesAreNotRecords() {
        String row = "BJ0001000,北京能源有限公司,重点排放单位,91110000A07D42F2AG,2018年12月21日,BEA,2019,32235\r\n";
        String other = "BJ0001000,北京能源有限公司,重点排放单位,91110000A07D42F2AG,2018年12月21日,BEA,2020,32235\r\n";
        ReadExport export = beijing(row + row + "\r\n" + other + row);

        assertThat(export.holdings()).extracting(HoldingLine::line).containsExactly(2, 5);
        assertThat(export.duplicates()).containsExactly(
                new DuplicateLine("bj.csv", 3, 2), new DuplicateLine("bj.csv", 6, 2));
    }

    @Test
    void tianjinStartsWithAByteOrderMark() {
        String file = "\uFEFF" + TIANJIN_HEADER
                + "TJ0001000,\"天津投资石化(第二分厂),有限公司\",ENTITY,91120000A01H693BGK,2014-08-21,TJEA,2019,2757349\r\n";
        HoldingLine holding = ReadExport.of(Pilot.TJ, "tj.csv", file, StandardCharsets.UTF_8).onlyHolding();

        assertThat(holding.holderName()).isEqualTo("天津投资石化(第二分厂),有限公司");
        assertThat(holding.instrument()).isEqualTo(InstrumentCode.parse("TJEA-2019"));
        assertThat(holding.tonnes()).isEqualTo(2757349);
    }

    @Test
    void chongqingQuantitiesAreTenThousandTonnes() {
        ReadExport export = ReadExport.of(Pilot.CQ, "cq.tsv", CHONGQING_HEADER + """
                CQ0001000\t张勇\t自然人\t500000196108285219\t2014/10/15\tCQEA-2024\t58.5128
                CQ0001007\t重庆钢铁电力有限公司\t重点排放单位\t915000007A45C4D47C\t2018/11/30\tCCER-2016\t0.0163
                CQ0001014\t重庆钢铁电力有限公司\t重点排放单位\t915000007A45C4D47C\t2018/11/30\tCQEA-2020\t0.00005
                """, StandardCharsets.UTF_8);

        assertThat(export.holdings()).extracting(HoldingLine::instrument, HoldingLine::tonnes).containsExactly(
                tuple(InstrumentCode.parse("CQEA-2024"), 585128L),
                tuple(InstrumentCode.parse("CCER-2016"), 163L));
        assertThat(export.onlyUnreadable().reason())
                .isEqualTo("quantity '0.00005' (万吨) is not a whole number of tonnes");
    }

    @Test
    void aFullWidthHeaderFindsItsColumn() {
        String header = CHONGQING_HEADER.replace("持有量(万吨)", "持有量（万吨）");
        HoldingLine holding = ReadExport.of(Pilot.CQ, "cq.tsv", header
                + "CQ1\t张勇\t自然人\t500000196108285219\t2014/10/15\tCQEA-2024\t1\n", StandardCharsets.UTF_8)
                .onlyHolding();

        assertThat(holding.tonnes()).isEqualTo(10_000);
    }

    @Test
    void guangdongQuotesItsGroupedQuantities() {
        ReadExport export = ReadExport.of(Pilot.GD, "gd.csv", GUANGDONG_HEADER + """
                GD0001000;广东钢铁水泥(第二分厂),有限公司;ENTITY;91440000G300176B4Y;28/06/2020;GDEA 2019;"26,323"
                GD0001000;广东钢铁水泥(第二分厂),有限公司;ENTITY;91440000G300176B4Y;28/06/2020;GDEA 2020;"197"
                GD0001007;王伟;INDIVIDUAL;440000197407136852;09/12/2016;CCER 2015;"1,5"
                """, StandardCharsets.UTF_8);

        assertThat(export.holdings()).extracting(HoldingLine::holderName, HoldingLine::instrument, HoldingLine::tonnes)
                .containsExactly(
                        tuple("广东钢铁水泥(第二分厂),有限公司",
                                InstrumentCode.parse("GDEA-2019"), 26323L),
                        tuple("广东钢铁水泥(第二分厂),有限公司",
                                InstrumentCode.parse("GDEA-2020"), 197L));
        assertThat(export.onlyUnreadable().reason()).isEqualTo("quantity '1,5' is not a number");
    }

    @Test
    void aHeaderWithoutANeededColumnIsNotThisPilotsExport() {
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.GD).read("gd.csv",
                new ByteArrayInputStream("Account;Holder;Type;Identifier;Opened;Product\n".getBytes(StandardCharsets.UTF_8)),
                new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("no column 'Quantity'");
        // A Beijing file read as UTF-8 would not even find its header.
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.TJ).read("bj.csv",
                new ByteArrayInputStream(BEIJING_HEADER.getBytes(GB18030)), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class);
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.TJ).read("empty.csv",
                new ByteArrayInputStream(new byte[0]), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("empty.csv: the file is empty");
    }

    @Test
    void textAfterAClosingQuoteIsUnreadable() {
        ReadExport export = ReadExport.of(Pilot.GD, "gd.csv", GUANGDONG_HEADER
                + "GD1;\"王伟\"x;INDIVIDUAL;440000197407136852;09/12/2016;CCER 2015;\"1\"\n", StandardCharsets.UTF_8);

        assertThat(export.onlyUnreadable().reason()).isEqualTo("text follows a closing quote at character 9");
    }
}
