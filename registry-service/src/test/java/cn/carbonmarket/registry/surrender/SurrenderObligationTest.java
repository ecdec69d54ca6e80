package cn.carbonmarket.registry.surrender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules of a surrender against an obligation, with the figures written out. Nationally: verified emissions
 * 100,000 t, an obligation of 100,000 t of CEA-2025, offsets up to the national 5 % (5,000 t), and borrowing of
 * CEA-2026 up to 10,000 t. For a pilot period, Beijing's way: CCER and BCER within 5,000 t, at least half of them
 * from Beijing projects, no hydro.
 */
class SurrenderObligationTest {

    private static final PartyId PARTY = new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final SurrenderObligation OBLIGATION = new SurrenderObligation("CN-2025", PARTY,
            InstrumentCode.parse("CEA-2025"), 1, 100_000, 100_000, 5_000, 10_000, Instant.parse("2026-09-01T00:00:00Z"),
            Sector.POWER, OffsetRules.NATIONAL);
    private static final OffsetRules BEIJING = new OffsetRules(List.of(Product.CCER, Product.BCER), Region.BJ, 5_000,
            Set.of(ProjectType.HYDRO));
    private static final SurrenderObligation PILOT = new SurrenderObligation("BJ-2025", PARTY,
            InstrumentCode.parse("BEA-2025"), 1, 100_000, 100_000, 5_000, 0, Instant.parse("2026-06-30T00:00:00Z"),
            Sector.CEMENT, BEIJING);

    private static SurrenderObligation.Line line(String instrument, long tonnes) {
        return new SurrenderObligation.Line(InstrumentCode.parse(instrument), tonnes);
    }

    private static String refusal(SurrenderObligation obligation, ByKind before, SurrenderObligation.Line... lines) {
        try {
            obligation.admit(before, List.of(lines));
            return null;
        } catch (RuleViolationException e) {
            return e.code();
        }
    }

    private static SurrenderKind kind(String unit, SurrenderObligation obligation) {
        return SurrenderKind.of(InstrumentCode.parse(unit), obligation.instrument(), obligation.offsets()).kind();
    }

    @Test
    void eachUnitCountsAsItsKindForANationalPeriod() {
        assertThat(kind("CEA-2025", OBLIGATION)).isEqualTo(SurrenderKind.ALLOWANCE);
        assertThat(kind("CEA-2021", OBLIGATION)).as("banked").isEqualTo(SurrenderKind.ALLOWANCE);
        assertThat(kind("CEA-2026", OBLIGATION)).isEqualTo(SurrenderKind.BORROWED);
        assertThat(kind("CCER-2019", OBLIGATION)).as("unrecorded origin").isEqualTo(SurrenderKind.OFFSET);
        assertThat(kind("CCER-2024-HB-HYDRO", OBLIGATION)).as("any origin").isEqualTo(SurrenderKind.OFFSET);
        assertThat(kind("CEA-2027", OBLIGATION)).isNull();
        assertThat(kind("HBEA-2021", OBLIGATION)).as("a pilot allowance").isNull();
        assertThat(kind("BCER-2024-BJ-FORESTRY", OBLIGATION)).as("a pilot credit").isNull();
    }

    @Test
    void aPilotPeriodTakesItsAllowanceAndItsPacksOffsetsByOrigin() {
        assertThat(kind("BEA-2024", PILOT)).isEqualTo(SurrenderKind.ALLOWANCE);
        assertThat(kind("CEA-2025", PILOT)).as("the national allowance").isNull();
        assertThat(kind("BCER-2024-BJ-FORESTRY", PILOT)).isEqualTo(SurrenderKind.OFFSET);
        assertThat(kind("CCER-2024-BJ-WIND", PILOT)).isEqualTo(SurrenderKind.OFFSET);
        assertThat(kind("CCER-2024-HE-WIND", PILOT)).isEqualTo(SurrenderKind.NON_LOCAL_OFFSET);
        assertThat(kind("CCER-2024-BJ-HYDRO", PILOT)).as("an excluded type").isNull();
        assertThat(kind("CCER-2018", PILOT)).as("unrecorded origin where types are excluded").isNull();
        assertThat(kind("PHCER-2024-GD-SOLAR", PILOT)).as("another pilot's credit").isNull();
    }

    @Test
    void offsetsUpToExactlyTheLimitAndNotOneTonneMore() {
        assertThat(OBLIGATION.admit(ByKind.NONE, List.of(line("CCER-2024", 5_000), line("CEA-2025", 95_000))))
                .isEqualTo(new ByKind(95_000, 0, 5_000, 0));
        assertThat(refusal(OBLIGATION, ByKind.NONE, line("CCER-2024", 5_001))).isEqualTo("OFFSET_LIMIT_EXCEEDED");
        assertThat(refusal(OBLIGATION, new ByKind(0, 0, 4_000, 0), line("CCER-2024", 1_001)))
                .as("counting earlier offsets").isEqualTo("OFFSET_LIMIT_EXCEEDED");
        assertThat(refusal(OBLIGATION, new ByKind(0, 0, 4_000, 0), line("CCER-2024", 1_000))).isNull();
    }

    @Test
    void nonLocalOffsetsWithinTheirShareOfTheLimit() {
        assertThat(PILOT.nonLocalOffsetLimitTonnes()).isEqualTo(2_500);
        assertThat(PILOT.admit(ByKind.NONE, List.of(line("CCER-2024-HE-WIND", 2_500),
                line("BCER-2024-BJ-FORESTRY", 2_500)))).isEqualTo(new ByKind(0, 0, 5_000, 2_500));
        assertThat(refusal(PILOT, new ByKind(0, 0, 2_000, 2_000), line("CCER-2024-SX-SOLAR", 501)))
                .isEqualTo("NON_LOCAL_OFFSET_LIMIT_EXCEEDED");
        assertThat(refusal(PILOT, new ByKind(0, 0, 2_000, 2_000), line("CCER-2024-BJ-SOLAR", 3_000))).isNull();
        assertThatThrownBy(() -> PILOT.admit(new ByKind(10_000, 0, 2_000, 2_000),
                List.of(line("CCER-2024-SX-SOLAR", 501))))
                .hasMessageContaining("would exceed their limit of 2500 t (2000 t surrendered)")
                .hasMessageEndingWith("; may still be surrendered: allowances 88000 t, borrowed allowances 0 t,"
                        + " offsets 3000 t, non-local offsets 500 t");
    }

    @Test
    void anExcludedTypeOrAnUnrecordedOriginIsRefusedNamingWhy() {
        assertThatThrownBy(() -> PILOT.admit(ByKind.NONE, List.of(line("CCER-2024-BJ-HYDRO", 10))))
                .hasMessageContaining("CCER-2024-BJ-HYDRO cannot be surrendered for period BJ-2025: HYDRO projects'")
                .extracting(e -> ((RuleViolationException) e).code()).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
        assertThatThrownBy(() -> PILOT.admit(ByKind.NONE, List.of(line("CCER-2018", 10))))
                .hasMessageContaining("its origin is not recorded, and the period does not accept offsets of"
                        + " project types [HYDRO]");
    }

    @Test
    void borrowingWithinTheLimitOnly() {
        assertThat(OBLIGATION.admit(new ByKind(0, 4_000, 0, 0), List.of(line("CEA-2026", 6_000))))
                .isEqualTo(new ByKind(0, 6_000, 0, 0));
        assertThat(refusal(OBLIGATION, new ByKind(0, 4_000, 0, 0), line("CEA-2026", 6_001)))
                .isEqualTo("BORROWING_LIMIT_EXCEEDED");
        assertThat(refusal(PILOT, ByKind.NONE, line("BEA-2026", 1))).as("a pilot pack without borrowing")
                .isEqualTo("BORROWING_LIMIT_EXCEEDED");
    }

    @Test
    void nothingBeyondTheObligation() {
        assertThat(refusal(OBLIGATION, new ByKind(90_000, 5_000, 5_000, 0), line("CEA-2024", 1))).isEqualTo(
                "SURRENDER_EXCEEDS_OBLIGATION");
        assertThat(refusal(OBLIGATION, new ByKind(99_000, 0, 0, 0), line("CCER-2024", 1_001)))
                .as("offsets within their limit").isEqualTo("SURRENDER_EXCEEDS_OBLIGATION");
        assertThat(refusal(OBLIGATION, new ByKind(99_000, 0, 0, 0), line("CEA-2023", 500), line("CCER-2024", 500)))
                .isNull();
    }

    @Test
    void aRefusalNamesWhatMayStillBeSurrenderedOfEachKind() {
        ByKind before = new ByKind(60_000, 8_000, 3_000, 0);
        assertThat(OBLIGATION.remaining(before)).isEqualTo(new ByKind(29_000, 2_000, 2_000, 2_000));
        assertThatThrownBy(() -> OBLIGATION.admit(before, List.of(line("HBEA-2021", 10))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("HBEA-2021 cannot be surrendered for period CN-2025")
                .hasMessageEndingWith("allowances 29000 t, borrowed allowances 2000 t, offsets 2000 t,"
                        + " non-local offsets 2000 t")
                .extracting(e -> ((RuleViolationException) e).code()).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
        assertThat(OBLIGATION.remaining(new ByKind(99_500, 0, 0, 0))).as("the obligation caps each kind")
                .isEqualTo(new ByKind(500, 500, 500, 500));
        assertThat(OBLIGATION.remaining(new ByKind(120_000, 0, 0, 0))).as("a lowered obligation already exceeded")
                .isEqualTo(ByKind.NONE);
    }

    @Test
    void anObligationWrittenBeforeSectorsAndOffsetRulesIsANationalPowerOne() {
        SurrenderObligation old = SurrenderObligation.of(new ObligationSet("CN-2024", PARTY,
                InstrumentCode.parse("CEA-2024"), 2, 10, 10, 0, 0, Instant.EPOCH, null, null));
        assertThat(old.sector()).isEqualTo(Sector.POWER);
        assertThat(old.offsets()).isEqualTo(OffsetRules.NATIONAL);
        SurrenderObligation pilot = SurrenderObligation.of(new ObligationSet("CQ-2025", PARTY,
                InstrumentCode.parse("CQEA-2025"), 1, 10, 10, 0, 0, Instant.EPOCH, null, null));
        assertThat(pilot.sector()).as("a pilot period's sector is never guessed").isNull();
    }
}
