package cn.carbonmarket.allocation.period;

import cn.carbonmarket.allocation.benchmark.BenchmarkPacks;
import cn.carbonmarket.allocation.compliance.ComplianceRule;
import cn.carbonmarket.allocation.compliance.ComplianceRules;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens compliance periods and moves them through the annual cycle, by whoever runs the period's jurisdiction (the
 * regulator; a pilot's provincial authority its pilot's periods). A period's terms are fixed once opened: opening it
 * again with the same terms changes nothing, with other terms is a conflict. Its pack is the jurisdiction's: a pack
 * that sets obligations from units and runs also needs the benchmarks they are computed by. Deadlines already past
 * are accepted, so that a pilot's year closed before the suite can be brought onto it.
 */
@ApplicationScoped
public class CompliancePeriods {

    private static final Pattern PERIOD_ID = Pattern.compile("[A-Z]{2}-\\d{4}(-\\d{4})?");

    private final BenchmarkPacks packs;
    private final ComplianceRules rules;
    private final Clock clock;

    public CompliancePeriods(BenchmarkPacks packs, ComplianceRules rules, Clock clock) {
        this.packs = packs;
        this.rules = rules;
        this.clock = clock;
    }

    /** The period as it stands, and whether this call opened it. */
    public record Opened(CompliancePeriod period, boolean created) {
    }

    public Uni<Opened> open(String periodId, PeriodTerms terms, Caller caller) {
        Jurisdiction jurisdiction = validated(periodId, terms, caller);
        return Panache.withTransaction(() -> CompliancePeriod.<CompliancePeriod>findById(periodId)
                        .chain(existing -> {
                            if (existing == null) {
                                return create(periodId, jurisdiction, terms, caller.name());
                            }
                            if (!existing.hasTerms(terms)) {
                                return Uni.createFrom().failure(new ConflictException("PERIOD_EXISTS", "compliance"
                                        + " period " + periodId + " was opened with other terms"));
                            }
                            return Uni.createFrom().item(new Opened(existing, false));
                        }))
                .onFailure(UniqueViolation::test).retry().atMost(1);
    }

    public Uni<CompliancePeriod> move(String periodId, PeriodStatus next, Caller caller) {
        return Panache.withTransaction(() -> CompliancePeriod.<CompliancePeriod>findById(periodId,
                        LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound(periodId))
                .invoke(period -> {
                    caller.requireRuns(period.jurisdiction);
                    if (!period.status.mayBecome(next)) {
                        throw new ConflictException("STATUS_TRANSITION_NOT_ALLOWED", "compliance period " + periodId
                                + " is " + period.status + " and can only become the next status, not " + next);
                    }
                    if (period.status != next) {
                        period.status = next;
                        period.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    }
                }));
    }

    public Uni<CompliancePeriod> get(String periodId) {
        return Panache.withSession(() -> CompliancePeriod.<CompliancePeriod>findById(periodId)
                .onItem().ifNull().failWith(() -> notFound(periodId)));
    }

    public Uni<List<CompliancePeriod>> all() {
        return Panache.withSession(CompliancePeriod::all);
    }

    private Uni<Opened> create(String periodId, Jurisdiction jurisdiction, PeriodTerms terms, String openedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CompliancePeriod period = new CompliancePeriod();
        period.periodId = periodId;
        period.jurisdiction = jurisdiction;
        period.firstYear = terms.firstYear();
        period.lastYear = terms.lastYear();
        period.instrument = terms.instrument();
        period.benchmarkPack = terms.benchmarkPack();
        period.deadline95 = terms.deadline95();
        period.deadline100 = terms.deadline100();
        period.status = PeriodStatus.DRAFT;
        period.openedBy = openedBy;
        period.openedAt = now;
        period.updatedAt = now;
        return period.persistAndFlush().replaceWith(new Opened(period, true));
    }

    /**
     * Every rule a period's terms must keep, each refusal naming its field; the jurisdiction when all hold. A caller
     * that does not run the jurisdiction is refused (403) before its terms are looked at.
     */
    private Jurisdiction validated(String periodId, PeriodTerms terms, Caller caller) {
        RequestValidation validation = new RequestValidation();
        Jurisdiction jurisdiction = null;
        try {
            jurisdiction = Jurisdiction.valueOf(terms.jurisdiction());
            caller.requireRuns(jurisdiction);
        } catch (IllegalArgumentException unknown) {
            validation.reject("jurisdiction", "unknown jurisdiction '" + terms.jurisdiction() + "'");
        }
        if (!PERIOD_ID.matcher(periodId).matches() || !periodId.startsWith(terms.jurisdiction() + "-")) {
            validation.reject("periodId", "a period id is the jurisdiction and its year or years, e.g. CN-2025 or"
                    + " CN-2019-2020");
        }
        if (terms.lastYear() < terms.firstYear()) {
            validation.reject("lastYear", "the last year is not before the first");
        }
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(terms.instrument()));
        if (instrument != null && jurisdiction != null && (instrument.product().isOffset()
                || instrument.product().jurisdiction() != jurisdiction)) {
            validation.reject("instrument", "a period issues its own jurisdiction's allowance, not " + instrument);
        }
        if (instrument != null && (instrument.vintage() < terms.firstYear() || instrument.vintage() > terms.lastYear())) {
            validation.reject("instrument", "the vintage " + instrument.vintage() + " lies outside the period's years");
        }
        Optional<ComplianceRule> rule = rules.of(terms.benchmarkPack());
        if (rule.isEmpty()) {
            validation.reject("benchmarkPack", "no rule pack " + terms.benchmarkPack());
        } else if (jurisdiction != null && rule.get().jurisdiction() != jurisdiction) {
            validation.reject("benchmarkPack", "pack " + terms.benchmarkPack() + " holds the rules of "
                    + rule.get().jurisdiction() + ", not of " + jurisdiction);
        } else if (!rule.get().obligation().enrols() && packs.of(terms.benchmarkPack()).isEmpty()) {
            validation.reject("benchmarkPack", "no benchmark pack " + terms.benchmarkPack());
        }
        if (terms.deadline95().getYear() <= terms.lastYear()) {
            validation.reject("deadline95", "surrender is due after the period's last year");
        }
        if (terms.deadline100().isBefore(terms.deadline95())) {
            validation.reject("deadline100", "the full surrender is not due before the 95% one");
        }
        validation.throwIfInvalid();
        return jurisdiction;
    }

    private static NotFoundException notFound(String periodId) {
        return new NotFoundException("PERIOD_NOT_FOUND", "no compliance period " + periodId);
    }
}
