package cn.carbonmarket.registry.migration.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each pilot's sample export against its own control totals. The generator of the samples corrupts no row (no
 * unknown product, holder type or quantity; full-width quantities are readable), counts rows with a bad identity
 * checksum and zero balances, and leaves out of the totals only its exact duplicate lines: so the holdings alone
 * must explain the totals, and every row the totals count must be a holding.
 */
class PilotSampleExportTest {

    private static ReadExport read(PilotSample sample) {
        return new ReadExport(sample.lines());
    }

    /** The file's lines (1-based: index 0 is line 1) as text. */
    private static List<String> textLines(PilotSample sample) {
        return new String(sample.export(), sample.charset()).lines().toList();
    }

    @ParameterizedTest
    @EnumSource(Pilot.class)
    void holdingsExplainTheControlTotalsExactly(Pilot pilot) {
        PilotSample sample = PilotSample.of(pilot);
        ControlTotals control = sample.control();
        ReadExport export = read(sample);

        assertThat(control.pilot()).isEqualTo(pilot);
        assertThat(export.unreadable()).isEmpty();
        assertThat(export.tonnesByInstrument()).isEqualTo(control.tonnesByInstrument());
        assertThat((long) export.holdings().size()).isEqualTo(control.holdingRows());
        assertThat(export.holdings()).allSatisfy(h -> assertThat(h.holderKind()).isNotEqualTo(HolderKind.UNKNOWN));
        assertThat(export.holdings()).anySatisfy(h -> assertThat(h.tonnes()).isZero());
        // Accounts without any holding are not rows in any export, so the exports show at most the counted accounts.
        assertThat(export.holdings().stream().map(HoldingLine::pilotAccount).distinct().count())
                .isLessThanOrEqualTo(control.accounts());
    }

    @ParameterizedTest
    @EnumSource(Pilot.class)
    void everyRecordIsOneLineInFileOrder(Pilot pilot) {
        ReadExport export = read(PilotSample.of(pilot));

        assertThat(export.lines()).extracting(ExportLine::line).isSorted().doesNotHaveDuplicates();
        assertThat(export.lines()).extracting(ExportLine::file).containsOnly(PilotSample.of(pilot).file());
    }

    @ParameterizedTest
    @EnumSource(value = Pilot.class, names = {"BJ", "TJ", "CQ", "GD"})
    void everyDuplicateLineRepeatsAnEarlierLineExactly(Pilot pilot) {
        PilotSample sample = PilotSample.of(pilot);
        List<String> text = textLines(sample);
        List<DuplicateLine> duplicates = read(sample).duplicates();

        assertThat(duplicates).hasSize(sample.duplicates());
        assertThat(duplicates).allSatisfy(d -> {
            assertThat(d.duplicateOf()).isLessThan(d.line());
            assertThat(text.get(d.line() - 1)).isEqualTo(text.get(d.duplicateOf() - 1));
        });
    }

    @Test
    void theDuplicatedShanghaiRowRepeatsAnEarlierRowCellForCell() throws IOException {
        PilotSample sample = PilotSample.SH;
        Map<Integer, String> rows = sheetRowsWithoutCellReferences(sample);
        List<DuplicateLine> duplicates = read(sample).duplicates();

        assertThat(duplicates).hasSize(sample.duplicates());
        assertThat(duplicates).allSatisfy(d -> {
            assertThat(d.duplicateOf()).isLessThan(d.line());
            assertThat(rows.get(d.line())).isEqualTo(rows.get(d.duplicateOf()));
        });
    }

    @ParameterizedTest
    @EnumSource(value = Pilot.class, names = {"HB", "SZ"})
    void theStructuredExportsHaveNoDuplicates(Pilot pilot) {
        assertThat(read(PilotSample.of(pilot)).duplicates()).isEmpty();
    }

    @Test
    void beijingFullWidthQuantitiesAreReadAsTheirDigits() {
        PilotSample sample = PilotSample.BJ;
        List<String> text = textLines(sample);
        Pattern fullWidthQuantity = Pattern.compile(",([０-９]+)$");
        int checked = 0;
        for (HoldingLine holding : read(sample).holdings()) {
            Matcher quantity = fullWidthQuantity.matcher(text.get(holding.line() - 1));
            if (quantity.find()) {
                String digits = quantity.group(1).chars()
                        .mapToObj(c -> String.valueOf((char) (c - '０' + '0')))
                        .reduce("", String::concat);
                assertThat(Long.toString(holding.tonnes())).isEqualTo(digits);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Pilot.class)
    void eachReaderAcceptsItsExportAndNotTheControlTotals(Pilot pilot) {
        PilotExportReader reader = PilotExportReaders.forPilot(pilot);

        assertThat(reader.pilot()).isEqualTo(pilot);
        assertThat(reader.accepts(PilotSample.of(pilot).file())).isTrue();
        assertThat(reader.accepts("control.json")).isFalse();
        assertThat(reader.accepts("notes.txt")).isFalse();
    }

    /** The sheet's rows by number, with the cell references taken out so that equal rows compare equal. */
    private static Map<Integer, String> sheetRowsWithoutCellReferences(PilotSample sample) throws IOException {
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(sample.open(sample.file()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).isNotNull();
        Map<Integer, String> rows = new HashMap<>();
        Matcher row = Pattern.compile("<row r=\"(\\d+)\">(.*?)</row>").matcher(sheet);
        while (row.find()) {
            rows.put(Integer.parseInt(row.group(1)), row.group(2).replaceAll(" r=\"[A-Z]+\\d+\"", ""));
        }
        return rows;
    }
}
