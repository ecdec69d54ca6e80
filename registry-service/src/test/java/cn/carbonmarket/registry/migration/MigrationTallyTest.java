package cn.carbonmarket.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.registry.migration.export.ControlTotals;
import cn.carbonmarket.registry.migration.export.DuplicateLine;
import cn.carbonmarket.registry.migration.export.HolderKind;
import cn.carbonmarket.registry.migration.export.HoldingLine;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.migration.export.UnreadableLine;
import cn.carbonmarket.testing.Identities;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sorting of records and the reconciliation, without a database: what the import decides before it writes. */
class MigrationTallyTest {

    private static final InstrumentCode SZEA = InstrumentCode.parse("SZEA-2020");
    private static final InstrumentCode CCER = InstrumentCode.parse("CCER-2019");

    private final List<RowOutcome> heard = new ArrayList<>();
    private final ImportTally tally = new ImportTally(Pilot.SZ, heard::add);

    private static HoldingLine holding(int line, String account, HolderKind kind, String identity,
                                       InstrumentCode instrument, long tonnes) {
        return new HoldingLine("sz.json", line, account, "深圳某公司", kind, kind.name(), identity, instrument, tonnes);
    }

    private static ControlTotals control(long rows, Map<InstrumentCode, Long> tonnes) {
        return new ControlTotals(Pilot.SZ, LocalDate.of(2025, 12, 31), rows, rows, tonnes);
    }

    @Test
    void aHolderWithTwoAccountsIsOneHolderAndAKeyEmittingUnitWins() {
        String code = Identities.creditCode("440300");
        tally.accept(holding(4, "SZ1", HolderKind.INSTITUTION, code, SZEA, 100));
        tally.accept(holding(5, "SZ2", HolderKind.KEY_EMITTING_UNIT, code, SZEA, 50));
        tally.accept(holding(6, "SZ2", HolderKind.KEY_EMITTING_UNIT, code, CCER, 0));

        assertThat(tally.holders()).hasSize(1);
        ImportTally.Holder holder = tally.holders().iterator().next();
        assertThat(holder.registration().type()).isEqualTo(PartyType.COMPLIANCE_ENTITY);
        // Shenzhen's credit codes name Guangdong's division codes.
        assertThat(holder.registration().region()).isEqualTo(Region.GD);
        assertThat(holder.tonnes()).containsExactly(Map.entry(SZEA, 150L));
        assertThat(tally.counters()).isEqualTo(new RowCounters(3, 3, 0, 0, 0));
        assertThat(heard).containsOnly(RowOutcome.BOOKED);
    }

    @Test
    void unidentifiedHoldersDuplicatesAndUnreadableRowsAreIssuesInFileOrder() {
        String bad = Identities.withBadChecksum(Identities.creditCode("440300"));
        tally.accept(holding(4, "SZ1", HolderKind.KEY_EMITTING_UNIT, bad, SZEA, 70));
        tally.accept(new DuplicateLine("sz.json", 5, 4));
        tally.accept(holding(6, "SZ3", HolderKind.UNKNOWN, Identities.creditCode("440300"), CCER, 9));
        tally.accept(new UnreadableLine("sz.json", 7, "quantity '1x' is not a number", "{...}"));
        tally.accept(holding(8, "SZ4", HolderKind.INDIVIDUAL, "440301199001011235", SZEA, 1));

        assertThat(tally.holders()).isEmpty();
        assertThat(tally.suspense()).containsOnlyKeys("SZ1", "SZ3", "SZ4");
        assertThat(tally.toSuspense()).containsExactly(Map.entry(CCER, 9L), Map.entry(SZEA, 71L));
        assertThat(tally.issues()).extracting(ImportTally.Issue::line).containsExactly(4, 5, 6, 7, 8);
        assertThat(tally.issues()).extracting(ImportTally.Issue::outcome).containsExactly(RowOutcome.SET_ASIDE,
                RowOutcome.DROPPED, RowOutcome.SET_ASIDE, RowOutcome.FAILED, RowOutcome.SET_ASIDE);
        assertThat(tally.issues().get(0).reason()).contains("checksum");
        assertThat(tally.issues().get(1).reason()).isEqualTo("exact duplicate of line 4");
        assertThat(tally.issues().get(2).reason()).contains("holder type 'UNKNOWN'");
        assertThat(tally.counters()).isEqualTo(new RowCounters(5, 0, 3, 1, 1));
    }

    @Test
    void reconcilesOnlyWhenEveryInstrumentAndTheRowCountMatchAndNoRowIsUnreadable() {
        tally.accept(holding(4, "SZ1", HolderKind.INSTITUTION, Identities.creditCode("440300"), SZEA, 100));
        tally.accept(holding(5, "SZ2", HolderKind.INSTITUTION, Identities.withBadChecksum(
                Identities.creditCode("440300")), SZEA, 20));

        assertThat(Reconciliation.of(control(2, Map.of(SZEA, 120L)), tally).reconciles()).isTrue();

        Reconciliation short1 = Reconciliation.of(control(2, Map.of(SZEA, 121L, CCER, 5L)), tally);
        assertThat(short1.reconciles()).isFalse();
        assertThat(short1.instruments()).extracting(MigrationReport.InstrumentTotal::difference).containsExactly(-5L,
                -1L);
        assertThat(short1.instruments().get(1)).isEqualTo(new MigrationReport.InstrumentTotal("SZEA-2020", 121, 100,
                20, 120, -1));
        assertThat(short1.discrepancy()).contains("2 instruments differ");

        assertThat(Reconciliation.of(control(3, Map.of(SZEA, 120L)), tally).discrepancy())
                .contains("2 holding rows counted, the control totals say 3");
        tally.accept(new UnreadableLine("sz.json", 6, "product 'XEA' is unknown", "{...}"));
        assertThat(Reconciliation.of(control(2, Map.of(SZEA, 120L)), tally).discrepancy())
                .startsWith("1 rows cannot be read");
    }
}
