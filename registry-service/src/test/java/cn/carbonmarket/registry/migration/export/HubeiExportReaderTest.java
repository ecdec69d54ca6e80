package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Hubei's XML: holdings nested in accounts, the holder in the account's attributes. */
class HubeiExportReaderTest {

    private static ReadExport hubei(String accounts) {
        return ReadExport.of(Pilot.HB, "hb.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<registry pilot=\"HB\" exportDate=\"2025-12-31\">\n" + accounts + "</registry>\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void eachHoldingIsALineOfItsAccount() {
        ReadExport export = hubei("""
                  <account id="HB0001007" type="entity" idNo="9142000089ba8g5a1d" name="湖北水泥&amp;化工&quot;集团&quot;有限公司" opened="2014-12-20">
                    <holding product="HBEA" vintage="2020" quantity="28796"/>
                    <holding product="CCER" vintage="2017" quantity="0"/>
                  </account>
                  <account id="HB0001014" type="individual" idNo="420000197411242056" name="高超军" opened="2017-01-07">
                  </account>
                """);

        assertThat(export.holdings()).containsExactly(
                new HoldingLine("hb.xml", 4, "HB0001007", "湖北水泥&化工\"集团\"有限公司", HolderKind.KEY_EMITTING_UNIT, "entity",
                        "9142000089BA8G5A1D", InstrumentCode.parse("HBEA-2020"), 28796),
                new HoldingLine("hb.xml", 5, "HB0001007", "湖北水泥&化工\"集团\"有限公司", HolderKind.KEY_EMITTING_UNIT, "entity",
                        "9142000089BA8G5A1D", InstrumentCode.parse("CCER-2017"), 0));
    }

    @Test
    void badHoldingsAreUnreadableAndRepeatedHoldingsAreDuplicates() {
        ReadExport export = hubei("""
                  <account id="HB0001000" type="institution" idNo="9142000089BA8G5A1D" name="湖北能源有限公司" opened="2014-12-20">
                    <holding product="HBEA" vintage="2020" quantity="12.3x"/>
                    <holding product="SHEA" vintage="2021" quantity="5"/>
                    <holding product="HBEA" vintage="2022"/>
                    <holding product="HBEA" vintage="2023" quantity="7"/>
                    <holding product="HBEA" vintage="2023" quantity="7"/>
                  </account>
                  <account id="HB0001000" type="institution" idNo="9142000089BA8G5A1D" name="湖北能源有限公司" opened="2014-12-20">
                    <holding product="HBEA" vintage="2023" quantity="7"/>
                  </account>
                """);

        assertThat(export.unreadable()).extracting(UnreadableLine::line, UnreadableLine::reason).containsExactly(
                tuple(4, "quantity '12.3x' is not a number"),
                tuple(5, "product 'SHEA' is not issued by the Hubei pilot or nationally"),
                tuple(6, "quantity is empty"));
        assertThat(export.unreadable().get(0).raw()).isEqualTo("<account id=\"HB0001000\" type=\"institution\" "
                + "idNo=\"9142000089BA8G5A1D\" name=\"湖北能源有限公司\" opened=\"2014-12-20\">"
                + "<holding product=\"HBEA\" vintage=\"2020\" quantity=\"12.3x\">");
        assertThat(export.onlyHolding().line()).isEqualTo(7);
        assertThat(export.duplicates()).containsExactly(new DuplicateLine("hb.xml", 8, 7),
                new DuplicateLine("hb.xml", 11, 7));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE registry [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <registry pilot="HB"><account id="HB1" type="entity" idNo="9142" name="&secret;"/></registry>
                """;
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.HB).read("hb.xml",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class);
    }

    @Test
    void anEmptyRegistryHasNoLinesAndAnotherPilotsRegistryOrBrokenXmlIsNotHubeisExport() {
        assertThat(hubei("").lines()).isEmpty();
        String shanghai = "<registry pilot=\"SH\"></registry>";
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.HB).read("hb.xml",
                new ByteArrayInputStream(shanghai.getBytes(StandardCharsets.UTF_8)), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("hb.xml is the export of pilot 'SH', not HB");
        String broken = "<registry pilot=\"HB\"><account id=\"HB1\"><holding product=\"HBEA\"";
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.HB).read("hb.xml",
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class);
    }
}
