package cn.carbonmarket.allocation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.allocation.benchmark.BenchmarkPack;
import cn.carbonmarket.allocation.benchmark.BenchmarkPacks;
import cn.carbonmarket.allocation.benchmark.Cooling;
import cn.carbonmarket.allocation.benchmark.GeneratingUnit;
import cn.carbonmarket.allocation.benchmark.ProductionData;
import cn.carbonmarket.allocation.benchmark.UnitCategory;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ConflictException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run's figures from its inputs: the published method per unit, entities as sums, pre-allocation and true-up. */
class RunComputationTest {

    static final BenchmarkPack P2019 = BenchmarkPacks.load(new ObjectMapper()).of("CN-2019-2020").orElseThrow();

    static final UUID POWER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID GAS = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID GONE = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    static final GeneratingUnit COAL_600 = new GeneratingUnit("U-600", UnitCategory.COAL_ABOVE_300MW, 600,
            Cooling.WATER, true);
    static final GeneratingUnit AIR_300 = new GeneratingUnit("U-300A", UnitCategory.COAL_300MW_AND_BELOW, 300,
            Cooling.AIR, true);
    static final GeneratingUnit GAS_400 = new GeneratingUnit("U-G400", UnitCategory.GAS, 400, Cooling.WATER, true);

    static RunInput input(UUID party, Region region, GeneratingUnit unit, int year, long mwh, long gj, String load,
                          String heatRatio) {
        return new RunInput(party, region, unit, year, new ProductionData(mwh, gj, new BigDecimal(load),
                new BigDecimal(heatRatio)));
    }

    static List<RunInput> base2018() {
        return List.of(
                // 3,000,000 x 0.877 x 0.967 + 1,000,000 x 0.126 = 2,670,177 t
                input(POWER, Region.HB, COAL_600, 2018, 3_000_000, 1_000_000, "0.70", "0.15"),
                // 1,000,000 x 0.979 x 1.05 (air-cooled) x (1 - 0.22 x 0.10 = 0.978) + 200,000 x 0.126
                //   = 1,005,335.1 + 25,200 = 1,030,535 t
                input(POWER, Region.HB, AIR_300, 2018, 1_000_000, 200_000, "0.80", "0.10"),
                // 500,000 x 0.392 = 196,000 t
                input(GAS, Region.GD, GAS_400, 2018, 500_000, 0, "0.60", "0"));
    }

    static ComputedRun.EntityRow entity(ComputedRun run, UUID party) {
        return run.entities().stream().filter(e -> e.partyId().equals(party)).findFirst().orElseThrow();
    }

    @Test
    void aPreAllocationGivesEachYearOfThePeriodSeventyPercentOfTheBaseYearsAllocation() {
        ComputedRun run = RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, base2018(), List.of(), Map.of());

        assertThat(run.units()).extracting(row -> row.allocation().tonnes())
                .containsExactly(1_030_535L, 2_670_177L, 196_000L);
        ComputedRun.EntityRow power = entity(run, POWER);
        assertThat(power.computedTonnes()).isEqualTo(3_700_712);
        // 70% of 3,700,712 = 2,590,498.4 -> 2,590,498 t, for each of 2019 and 2020
        assertThat(power.allocatedTonnes()).isEqualTo(5_180_996);
        assertThat(power.units()).isEqualTo(2);
        assertThat(power.deltaTonnes()).isEqualTo(5_180_996);
        // 70% of 196,000 = 137,200 t a year
        assertThat(entity(run, GAS).allocatedTonnes()).isEqualTo(274_400);
        assertThat(run.totalTonnes()).isEqualTo(5_455_396);
        assertThat(run.unitCount()).isEqualTo(3);
    }

    @Test
    void aTrueUpAllocatesTheVerifiedYearsInFullAndIssuesOrClawsBackTheDifferenceToWhatWasAllocated() {
        List<RunInput> verified = List.of(
                input(POWER, Region.HB, COAL_600, 2019, 3_000_000, 1_000_000, "0.70", "0.15"),
                input(POWER, Region.HB, COAL_600, 2020, 3_000_000, 1_000_000, "0.70", "0.15"),
                input(GAS, Region.GD, GAS_400, 2019, 100_000, 0, "0.60", "0"),
                input(GAS, Region.GD, GAS_400, 2020, 100_000, 0, "0.60", "0"));
        List<PriorAllocation> prior = List.of(new PriorAllocation(POWER, Region.HB, 5_180_996),
                new PriorAllocation(GAS, Region.GD, 274_400), new PriorAllocation(GONE, Region.SH, 1_000));

        ComputedRun run = RunComputation.compute(RunKind.TRUE_UP, P2019, 2, verified, prior, Map.of());

        // 2 x 2,670,177 = 5,340,354 allocated; 5,180,996 pre-allocated: 159,358 t more
        assertThat(entity(run, POWER).allocatedTonnes()).isEqualTo(5_340_354);
        assertThat(entity(run, POWER).deltaTonnes()).isEqualTo(159_358);
        // 2 x 39,200 = 78,400 allocated; 274,400 pre-allocated: 196,000 t clawed back
        assertThat(entity(run, GAS).deltaTonnes()).isEqualTo(-196_000);
        // an entity with no units left gets nothing, and what it was given is clawed back
        assertThat(entity(run, GONE).allocatedTonnes()).isZero();
        assertThat(entity(run, GONE).deltaTonnes()).isEqualTo(-1_000);
        assertThat(entity(run, GONE).region()).isEqualTo(Region.SH);
    }

    @Test
    void aShortfallLeftInThePreviousPeriodIsTakenOffTheAllocationButNeverBelowZero() {
        ComputedRun run = RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, base2018(), List.of(),
                Map.of(POWER, 180_996L, GAS, 300_000L));

        // 5,180,996 - 180,996 = 5,000,000 t; the gas entity's 274,400 t cannot pay a 300,000 t shortfall: none left
        assertThat(entity(run, POWER).deductedTonnes()).isEqualTo(180_996);
        assertThat(entity(run, POWER).allocatedTonnes()).isEqualTo(5_000_000);
        assertThat(entity(run, POWER).deltaTonnes()).isEqualTo(5_000_000);
        assertThat(entity(run, GAS).deductedTonnes()).isEqualTo(274_400);
        assertThat(entity(run, GAS).allocatedTonnes()).isZero();
    }

    @Test
    void theSameInputsInAnyOrderGiveTheSameHashAndOtherFiguresAnother() {
        List<RunInput> inputs = base2018();
        String hash = RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, inputs, List.of(), Map.of())
                .inputsHash();

        List<RunInput> reversed = new ArrayList<>(inputs);
        Collections.reverse(reversed);
        assertThat(RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, reversed, List.of(), Map.of())
                .inputsHash()).isEqualTo(hash).hasSize(64);
        List<RunInput> changed = List.of(inputs.get(0), inputs.get(1),
                input(GAS, Region.GD, GAS_400, 2018, 500_001, 0, "0.60", "0"));
        assertThat(RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, changed, List.of(), Map.of())
                .inputsHash()).isNotEqualTo(hash);
        assertThat(RunComputation.compute(RunKind.TRUE_UP, P2019, 2, inputs, List.of(), Map.of()).inputsHash())
                .isNotEqualTo(hash);
    }

    @Test
    void aUnitWithoutUsableDataStopsTheRunNamingIt() {
        List<RunInput> inputs = List.of(base2018().get(0), new RunInput(GAS, Region.GD, GAS_400, 2018, null));

        assertThatThrownBy(() -> RunComputation.compute(RunKind.PRE_ALLOCATION, P2019, 2, inputs, List.of(),
                Map.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("U-G400 (2018)");
    }
}
