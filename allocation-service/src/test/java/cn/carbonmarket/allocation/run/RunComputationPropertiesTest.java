package cn.carbonmarket.allocation.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.allocation.benchmark.Cooling;
import cn.carbonmarket.allocation.benchmark.GeneratingUnit;
import cn.carbonmarket.allocation.benchmark.ProductionData;
import cn.carbonmarket.allocation.benchmark.UnitCategory;
import cn.carbonmarket.contracts.party.Region;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What holds for every run: entities add up their units, and what approval moves makes up the allocation. */
class RunComputationPropertiesTest {

    private static final UUID[] PARTIES = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    @Provide
    Arbitrary<List<RunInput>> inputs() {
        Arbitrary<RunInput> input = Combinators.combine(Arbitraries.integers().between(0, PARTIES.length - 1),
                        Arbitraries.of(UnitCategory.class), Arbitraries.of(Cooling.class),
                        Arbitraries.longs().between(0, 20_000_000), Arbitraries.longs().between(0, 5_000_000),
                        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                .as((party, category, cooling, mwh, gj, load, heat) -> new RunInput(PARTIES[party], Region.HB,
                        new GeneratingUnit("U-" + UUID.randomUUID(), category, 300, cooling, heat > 0), 2024,
                        new ProductionData(mwh, gj, BigDecimal.valueOf(load, 3), BigDecimal.valueOf(heat, 3))));
        return input.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void theEntitiesAddUpTheirUnitsAndPriorPlusDeltaIsTheAllocation(@ForAll("inputs") List<RunInput> inputs,
            @ForAll RunKind kind, @ForAll @IntRange(max = 3_000_000) int prior) {
        List<PriorAllocation> before = new ArrayList<>();
        before.add(new PriorAllocation(PARTIES[0], Region.HB, prior));
        ComputedRun run = RunComputation.compute(kind, RunComputationTest.P2019, 2, inputs, before, Map.of());

        long units = run.units().stream().mapToLong(row -> row.allocation().tonnes()).sum();
        assertThat(run.entities().stream().mapToLong(ComputedRun.EntityRow::computedTonnes).sum()).isEqualTo(units);
        long deltas = run.entities().stream().mapToLong(ComputedRun.EntityRow::deltaTonnes).sum();
        assertThat(prior + deltas).isEqualTo(run.totalTonnes());
        if (kind == RunKind.TRUE_UP) {
            assertThat(run.totalTonnes()).isEqualTo(units);
        } else {
            assertThat(run.totalTonnes()).isLessThanOrEqualTo(2 * units);
        }
    }
}
