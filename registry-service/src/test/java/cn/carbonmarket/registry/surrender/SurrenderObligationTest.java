package cn.carbonmarket.registry.surrender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules of a surrender against an obligation, with the figures written out: verified emissions 100,000 t, an
 * obligation of 100,000 t of CEA-2025, offsets up to the national 5 % (5,000 t), and borrowing of CEA-2026 up to
 * 10,000 t (half of a 20,000 t gap, which exceeds 10 % of the verified emissions).
 */
class SurrenderObligationTest {

    private static final SurrenderObligation OBLIGATION = new SurrenderObligation("CN-2025",
            new PartyId(UUID.fromString("00000000-0000-0000-0000-00000000000a")), InstrumentCode.parse("CEA-2025"), 1,
            100_000, 100_000, 5_000, 10_000, Instant.parse("2026-09-01T00:00:00Z"));

    private static SurrenderObligation.Line line(String instrument, long tonnes) {
        return new SurrenderObligation.Line(InstrumentCode.parse(instrument), tonnes);
    }

    private static String refusal(ByKind before, SurrenderObligation.Line... lines) {
        try {
            OBLIGATION.admit(before, List.of(lines));
            return null;
        } catch (RuleViolationException e) {
            return e.code();
        }
    }

    @Test
    void eachUnitCountsAsItsKindForThePeriod() {
        InstrumentCode period = InstrumentCode.parse("CEA-2025");
        assertThat(SurrenderKind.of(InstrumentCode.parse("CEA-2025"), period)).contains(SurrenderKind.ALLOWANCE);
        assertThat(SurrenderKind.of(InstrumentCode.parse("CEA-2021"), period)).as("banked")
                .contains(SurrenderKind.ALLOWANCE);
        assertThat(SurrenderKind.of(InstrumentCode.parse("CEA-2026"), period)).contains(SurrenderKind.BORROWED);
        assertThat(SurrenderKind.of(InstrumentCode.parse("CCER-2019"), period)).contains(SurrenderKind.OFFSET);
        assertThat(SurrenderKind.of(InstrumentCode.parse("CEA-2027"), period)).isEmpty();
        assertThat(SurrenderKind.of(InstrumentCode.parse("HBEA-2021"), period)).as("a pilot allowance").isEmpty();
    }

    @Test
    void offsetsUpToExactlyTheLimitAndNotOneTonneMore() {
        assertThat(OBLIGATION.admit(ByKind.NONE, List.of(line("CCER-2024", 5_000), line("CEA-2025", 95_000))))
                .isEqualTo(new ByKind(95_000, 0, 5_000));
        assertThat(refusal(ByKind.NONE, line("CCER-2024", 5_001))).isEqualTo("OFFSET_LIMIT_EXCEEDED");
        assertThat(refusal(new ByKind(0, 0, 4_000), line("CCER-2024", 1_001))).as("counting earlier offsets")
                .isEqualTo("OFFSET_LIMIT_EXCEEDED");
        assertThat(refusal(new ByKind(0, 0, 4_000), line("CCER-2024", 1_000))).isNull();
    }

    @Test
    void borrowingWithinTheLimitOnly() {
        assertThat(OBLIGATION.admit(new ByKind(0, 4_000, 0), List.of(line("CEA-2026", 6_000))))
                .isEqualTo(new ByKind(0, 6_000, 0));
        assertThat(refusal(new ByKind(0, 4_000, 0), line("CEA-2026", 6_001))).isEqualTo("BORROWING_LIMIT_EXCEEDED");
    }

    @Test
    void nothingBeyondTheObligation() {
        assertThat(refusal(new ByKind(90_000, 5_000, 5_000), line("CEA-2024", 1))).isEqualTo(
                "SURRENDER_EXCEEDS_OBLIGATION");
        assertThat(refusal(new ByKind(99_000, 0, 0), line("CCER-2024", 1_001))).as("offsets within their limit")
                .isEqualTo("SURRENDER_EXCEEDS_OBLIGATION");
        assertThat(refusal(new ByKind(99_000, 0, 0), line("CEA-2023", 500), line("CCER-2024", 500))).isNull();
    }

    @Test
    void aRefusalNamesWhatMayStillBeSurrenderedOfEachKind() {
        ByKind before = new ByKind(60_000, 8_000, 3_000);
        assertThat(OBLIGATION.remaining(before)).isEqualTo(new ByKind(29_000, 2_000, 2_000));
        assertThatThrownBy(() -> OBLIGATION.admit(before, List.of(line("HBEA-2021", 10))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("HBEA-2021 cannot be surrendered for period CN-2025")
                .hasMessageContaining("allowances 29000 t, borrowed allowances 2000 t, offsets 2000 t")
                .extracting(e -> ((RuleViolationException) e).code()).isEqualTo("INSTRUMENT_NOT_ELIGIBLE");
        assertThat(OBLIGATION.remaining(new ByKind(99_500, 0, 0))).as("the obligation caps each kind")
                .isEqualTo(new ByKind(500, 500, 500));
        assertThat(OBLIGATION.remaining(new ByKind(120_000, 0, 0))).as("a lowered obligation already exceeded")
                .isEqualTo(ByKind.NONE);
    }
}
