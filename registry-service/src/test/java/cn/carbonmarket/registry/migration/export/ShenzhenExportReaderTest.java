package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Shenzhen's JSON document, read as a stream of accounts. */
class ShenzhenExportReaderTest {

    private static ReadExport shenzhen(String accounts) {
        return ReadExport.of(Pilot.SZ, "sz.json",
                "{\"exportedAt\": \"2025-12-31T16:00:00+08:00\", \"registry\": \"SZ\",\n \"accounts\": [\n" + accounts
                        + "]}\n", StandardCharsets.UTF_8);
    }

    @Test
    void holdingsMayComeBeforeTheirHolder() {
        ReadExport export = shenzhen("""
                 {"holdings": [
                   {"qty": 1048562, "product": "SZEA-2019"},
                   {"product": "CCER-2016", "qty": 0}],
                  "accountNo": "SZ0001000",
                  "holder": {"name": "深圳钢铁水泥集团有限公司", "type": "ENTITY", "idNo": "91440300H2D293142L",
                             "openedOn": "2015-01-23", "contacts": [{"phone": "0755"}]}}
                """);

        assertThat(export.holdings()).containsExactly(
                new HoldingLine("sz.json", 4, "SZ0001000", "深圳钢铁水泥集团有限公司", HolderKind.KEY_EMITTING_UNIT, "ENTITY",
                        "91440300H2D293142L", InstrumentCode.parse("SZEA-2019"), 1048562),
                new HoldingLine("sz.json", 5, "SZ0001000", "深圳钢铁水泥集团有限公司", HolderKind.KEY_EMITTING_UNIT, "ENTITY",
                        "91440300H2D293142L", InstrumentCode.parse("CCER-2016"), 0));
    }

    @Test
    void quantitiesThatAreNotWholeTonnesAndUnknownProductsAreUnreadable() {
        ReadExport export = shenzhen("""
                 {"accountNo": "SZ1", "holder": {"name": "王伟", "type": "individual", "idNo": "440300197407136852"},
                  "holdings": [
                   {"product": "SZEA-2019", "qty": 12.5},
                   {"product": "SZEA-2020", "qty": "1,000"},
                   {"product": "SZEA-2021", "qty": null},
                   {"product": "SZEA-2022", "qty": -3},
                   {"product": "XYZ-2022", "qty": 3},
                   {"product": "SZEA-2023", "qty": "42"}]}
                """);

        assertThat(export.unreadable()).extracting(UnreadableLine::line, UnreadableLine::reason).containsExactly(
                tuple(5, "quantity '12.5' (t) is not a whole number of tonnes"),
                tuple(6, "quantity '1,000' is not a number"),
                tuple(7, "quantity is empty"),
                tuple(8, "quantity '-3' is negative"),
                tuple(9, "product 'XYZ' is unknown"));
        assertThat(export.unreadable().get(0).raw()).isEqualTo("{\"accountNo\":\"SZ1\",\"holder\":{\"name\":\"王伟\","
                + "\"type\":\"individual\",\"idNo\":\"440300197407136852\"}}{\"product\":\"SZEA-2019\",\"qty\":12.5}");
        assertThat(export.onlyHolding().tonnes()).isEqualTo(42);
        assertThat(export.onlyHolding().holderKind()).isEqualTo(HolderKind.INDIVIDUAL);
    }

    @Test
    void anAccountExportedTwiceYieldsDuplicates() {
        String account = """
                 {"accountNo": "SZ1", "holder": {"name": "王伟", "type": "INDIVIDUAL", "idNo": "440300197407136852"},
                  "holdings": [{"product": "SZEA-2019", "qty": 5}]}""";
        ReadExport export = shenzhen(account + ",\n" + account + "\n");

        assertThat(export.onlyHolding().line()).isEqualTo(4);
        assertThat(export.duplicates()).containsExactly(new DuplicateLine("sz.json", 6, 4));
    }

    @Test
    void anotherRegistryOrBrokenJsonIsNotShenzhensExport() {
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.SZ).read("sz.json",
                new ByteArrayInputStream("{\"registry\": \"GD\", \"accounts\": []}".getBytes(StandardCharsets.UTF_8)),
                new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("sz.json is the export of registry 'GD', not SZ");
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.SZ).read("sz.json",
                new ByteArrayInputStream("{\"accounts\": [{\"accountNo\": ".getBytes(StandardCharsets.UTF_8)),
                new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class);
        assertThatThrownBy(() -> PilotExportReaders.forPilot(Pilot.SZ).read("sz.json",
                new ByteArrayInputStream("{\"accounts\": {}}".getBytes(StandardCharsets.UTF_8)), new ArrayList<>()::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("sz.json: accounts should be a JSON array, found START_OBJECT");
    }
}
