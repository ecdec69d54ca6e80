package cn.carbonmarket.allocation.run;

import cn.carbonmarket.allocation.benchmark.BenchmarkPack;
import cn.carbonmarket.allocation.benchmark.FreeAllocation;
import cn.carbonmarket.allocation.benchmark.GeneratingUnit;
import cn.carbonmarket.allocation.benchmark.ProductionData;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.problem.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes a run from its inputs: each unit-year by the benchmark method, each entity as the sum of its units, the
 * allocation those tonnes make for the run's kind, and the difference to what was allocated before. A function of
 * its inputs only: the same inputs give the same figures and the same inputs hash.
 */
public final class RunComputation {

    /** How many missing unit-years a refusal names; the rest are counted. */
    private static final int NAMED_MISSING = 20;

    private RunComputation() {
    }

    /**
     * @param periodYears the number of years the period covers: a pre-allocation allocates each of them
     * @param deductions  per entity, the shortfall it left unsurrendered in the previous period: taken off its
     *                    allocation (never below zero), so that every run of the period allocates net of it
     */
    public static ComputedRun compute(RunKind kind, BenchmarkPack pack, int periodYears, List<RunInput> inputs,
                                      List<PriorAllocation> prior, Map<UUID, Long> deductions) {
        refuseMissing(inputs);
        List<RunInput> sorted = inputs.stream()
                .sorted(Comparator.comparing((RunInput in) -> in.unit().unitId()).thenComparingInt(RunInput::year))
                .toList();
        List<ComputedRun.UnitRow> units = new ArrayList<>(sorted.size());
        Map<UUID, Sum> sums = new TreeMap<>();
        for (RunInput input : sorted) {
            ComputedRun.UnitRow row = new ComputedRun.UnitRow(input,
                    FreeAllocation.of(pack, input.unit(), input.data()));
            units.add(row);
            sums.computeIfAbsent(input.partyId(), party -> new Sum(input.region())).add(row);
        }
        for (PriorAllocation before : prior) {
            sums.computeIfAbsent(before.partyId(), party -> new Sum(before.region())).previous = before.tonnes();
        }
        List<ComputedRun.EntityRow> entities = new ArrayList<>(sums.size());
        sums.forEach((party, sum) -> {
            long gross = allocated(kind, pack, periodYears, sum.tonnes);
            long deducted = Math.min(gross, deductions.getOrDefault(party, 0L));
            entities.add(new ComputedRun.EntityRow(party, sum.region, sum.units.size(), sum.tonnes, deducted,
                    gross - deducted, sum.previous));
        });
        return new ComputedRun(units, entities, inputsHash(kind, pack, periodYears, sorted));
    }

    private static long allocated(RunKind kind, BenchmarkPack pack, int periodYears, long computed) {
        return switch (kind) {
            case PRE_ALLOCATION -> Math.multiplyExact(
                    FreeAllocation.preAllocation(computed, pack.preAllocationShare().value()), periodYears);
            case TRUE_UP -> computed;
        };
    }

    private static void refuseMissing(List<RunInput> inputs) {
        List<String> missing = inputs.stream().filter(input -> input.data() == null)
                .map(input -> input.unit().unitId() + " (" + input.year() + ")").sorted().toList();
        if (!missing.isEmpty()) {
            String named = String.join(", ", missing.subList(0, Math.min(NAMED_MISSING, missing.size())));
            String more = missing.size() > NAMED_MISSING ? " and " + (missing.size() - NAMED_MISSING) + " more" : "";
            throw new ConflictException("ACTIVITY_DATA_MISSING", "no usable activity data for " + named + more);
        }
    }

    /** SHA-256 over the kind, the pack and every input figure, in unit and year order. */
    private static String inputsHash(RunKind kind, BenchmarkPack pack, int periodYears, List<RunInput> sorted) {
        MessageDigest digest = sha256();
        digest.update((kind + "|" + pack.period() + "|" + periodYears + "\n").getBytes(StandardCharsets.UTF_8));
        for (RunInput input : sorted) {
            GeneratingUnit unit = input.unit();
            ProductionData data = input.data();
            String line = String.join("|", unit.unitId(), input.partyId().toString(), input.region().name(),
                    unit.category().name(), Long.toString(unit.capacityMw()), unit.cooling().name(),
                    Boolean.toString(unit.combinedHeatAndPower()), Integer.toString(input.year()),
                    Long.toString(data.electricitySuppliedMwh()), Long.toString(data.heatSuppliedGj()),
                    data.loadFactor().stripTrailingZeros().toPlainString(),
                    data.heatSupplyRatio().stripTrailingZeros().toPlainString()) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Sum {
        private final Region region;
        private final Set<String> units = new HashSet<>();
        private long tonnes;
        private long previous;

        private Sum(Region region) {
            this.region = region;
        }

        private void add(ComputedRun.UnitRow row) {
            units.add(row.input().unit().unitId());
            tonnes = Math.addExact(tonnes, row.allocation().tonnes());
        }
    }
}
