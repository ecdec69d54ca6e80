package cn.carbonmarket.registry.surrender;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.contracts.coverage.Sector;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.OffsetOrigin;
import cn.carbonmarket.contracts.unit.OffsetRules;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.contracts.unit.ProjectType;
import cn.carbonmarket.platform.problem.RuleViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever an entity asks to surrender, one request after the other against any obligation and any pack's offset
 * rules: what is admitted never takes the offsets beyond the offset limit, the non-local offsets beyond their share,
 * the borrowed allowances beyond the borrowing limit or the whole beyond the obligation; and every refusal ends by
 * naming what may still be surrendered of each kind, in the one format, with exactly the figures that remain.
 */
class SurrenderLimitsPropertiesTest {

    private static final Pattern REMAINING = Pattern.compile("; may still be surrendered: allowances (\\d+) t,"
            + " borrowed allowances (\\d+) t, offsets (\\d+) t, non-local offsets (\\d+) t$");

    record Case(SurrenderObligation obligation, List<List<SurrenderObligation.Line>> requests) {
    }

    @Property(tries = 500)
    void admittedSurrendersStayWithinEveryLimitAndRefusalsNameWhatRemains(@ForAll("cases") Case c) {
        SurrenderObligation obligation = c.obligation();
        ByKind surrendered = ByKind.NONE;
        for (List<SurrenderObligation.Line> lines : c.requests()) {
            ByKind remaining = obligation.remaining(surrendered);
            try {
                surrendered = surrendered.plus(obligation.admit(surrendered, lines));
            } catch (RuleViolationException refused) {
                Matcher figures = REMAINING.matcher(refused.getMessage());
                assertThat(figures.find()).as(refused.getMessage()).isTrue();
                assertThat(new ByKind(Long.parseLong(figures.group(1)), Long.parseLong(figures.group(2)),
                        Long.parseLong(figures.group(3)), Long.parseLong(figures.group(4)))).isEqualTo(remaining);
            }
            assertThat(surrendered.offsets()).isLessThanOrEqualTo(obligation.offsetLimitTonnes());
            assertThat(surrendered.nonLocalOffsets()).isLessThanOrEqualTo(obligation.nonLocalOffsetLimitTonnes())
                    .isLessThanOrEqualTo(surrendered.offsets());
            assertThat(surrendered.borrowed()).isLessThanOrEqualTo(obligation.borrowingLimitTonnes());
            assertThat(surrendered.total()).isLessThanOrEqualTo(obligation.obligationTonnes());
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<OffsetRules> rules = Combinators.combine(
                Arbitraries.subsetOf(Product.CCER, Product.BCER, Product.PHCER).ofMinSize(1),
                Arbitraries.of(Region.BJ, Region.HB, Region.GD), Arbitraries.integers().between(0, 10_000),
                Arbitraries.subsetOf(ProjectType.values()).ofMaxSize(2))
                .as((products, region, share, excluded) -> new OffsetRules(List.copyOf(products), region, share,
                        excluded));
        Arbitrary<SurrenderObligation> obligation = Combinators.combine(rules,
                        Arbitraries.longs().between(0, 50_000), Arbitraries.longs().between(0, 10_000),
                        Arbitraries.longs().between(0, 5_000))
                .as((offsets, tonnes, offsetLimit, borrowingLimit) -> new SurrenderObligation("BJ-2025",
                        new PartyId(UUID.randomUUID()), InstrumentCode.parse("BEA-2025"), 1, tonnes, tonnes,
                        offsetLimit, borrowingLimit, Instant.EPOCH, Sector.CEMENT, offsets));
        Arbitrary<SurrenderObligation.Line> line = Combinators.combine(units(), Arbitraries.longs().between(1, 4_000))
                .as(SurrenderObligation.Line::new);
        Arbitrary<List<SurrenderObligation.Line>> request = line.list().ofMinSize(1).ofMaxSize(4)
                .map(SurrenderLimitsPropertiesTest::oneLinePerInstrument);
        return Combinators.combine(obligation, request.list().ofMaxSize(25)).as(Case::new);
    }

    /** Allowances of several vintages, and offsets of every product, local or not, of any type or of no origin. */
    private static Arbitrary<InstrumentCode> units() {
        Arbitrary<InstrumentCode> allowances = Arbitraries.of(Product.BEA, Product.CEA)
                .flatMap(p -> Arbitraries.integers().between(2022, 2027).map(v -> new InstrumentCode(p, v)));
        Arbitrary<OffsetOrigin> origins = Combinators.combine(Arbitraries.of(Region.BJ, Region.HB, Region.GD),
                Arbitraries.of(ProjectType.values())).as(OffsetOrigin::new);
        Arbitrary<InstrumentCode> offsets = Combinators.combine(Arbitraries.of(Product.CCER, Product.BCER,
                        Product.PHCER), origins.injectNull(0.2))
                .as((p, origin) -> new InstrumentCode(p, 2024, origin));
        return Arbitraries.oneOf(allowances, offsets);
    }

    /** A request lists an instrument once (the API refuses it twice): repeated ones are added up. */
    private static List<SurrenderObligation.Line> oneLinePerInstrument(List<SurrenderObligation.Line> lines) {
        Map<InstrumentCode, Long> tonnes = lines.stream().collect(Collectors.groupingBy(
                SurrenderObligation.Line::instrument, Collectors.summingLong(SurrenderObligation.Line::quantity)));
        List<SurrenderObligation.Line> merged = new ArrayList<>();
        tonnes.forEach((instrument, quantity) -> merged.add(new SurrenderObligation.Line(instrument, quantity)));
        return merged;
    }
}
