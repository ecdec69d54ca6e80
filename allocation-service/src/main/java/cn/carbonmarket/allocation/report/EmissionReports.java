package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.activity.ActivityFigures;
import cn.carbonmarket.allocation.activity.ActivityStore;
import cn.carbonmarket.allocation.report.EmissionReportStore.PeriodRow;
import cn.carbonmarket.allocation.report.EmissionsAccounting.Accounted;
import cn.carbonmarket.allocation.report.ReportRequests.AdjustmentRequest;
import cn.carbonmarket.allocation.report.ReportRequests.Change;
import cn.carbonmarket.allocation.report.ReportRequests.NewReport;
import cn.carbonmarket.contracts.event.VerifiedEmissions;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reporting workflow. The entity drafts its report of a year (its own registered units) and submits it (late
 * after 31 March of the following year, accepted and marked); the provincial authority of its region assigns a
 * verifier; the verifier adjusts figures, each change with a reason, and concludes; the provincial authority confirms.
 * Confirmation keeps the data-quality flags and, in the same transaction, writes the verified emissions per unit,
 * records the verified production as activity data and publishes {@link VerifiedEmissions}. A confirmed version never
 * changes; a correction is the next version, a draft again. Each version's row is locked while a step is taken.
 */
@ApplicationScoped
public class EmissionReports {

    /** Reports are due by 31 March of the following year, Beijing time. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Pool pool;
    private final EmissionReportStore store;
    private final ReportingRulePacks packs;
    private final ActivityStore activity;
    private final Outbox outbox;
    private final Clock clock;

    EmissionReports(Pool pool, EmissionReportStore store, ReportingRulePacks packs, ActivityStore activity,
                    Outbox outbox, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.packs = packs;
        this.activity = activity;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<ReportView> create(NewReport request, Caller caller) {
        requireValid(ReportChecks.of(request.units()));
        PartyId party = caller.partyId().orElseThrow(() -> new ForbiddenException("NOT_YOUR_PARTY",
                "the caller acts for no party"));
        return pool.withTransaction(conn -> draft(conn, request, party, caller.name(), now()))
                .chain(report -> view(report, caller));
    }

    /** Writes version 1 of a new report as a DRAFT (the caller made sure who may). */
    Uni<ReportRecord> draft(SqlConnection conn, NewReport request, PartyId party, String by, Instant at) {
        String reportId = ReportRecord.idOf(request.periodId(), request.year(), party);
        return period(conn, request.periodId(), request.year())
                .chain(period -> store.regionOf(conn, party).chain(region -> {
                    Region covered = region.orElseThrow(() -> new NotFoundException("NOT_COVERED",
                            "party " + party + " is not a covered entity"));
                    return requireUnitsOf(conn, party, request.units())
                            .chain(() -> store.current(conn, reportId, true))
                            .chain(existing -> {
                                if (existing.isPresent()) {
                                    throw new ConflictException("REPORT_EXISTS", "report " + reportId + " exists;"
                                            + " change its draft, or open a correction of its confirmed version");
                                }
                                Accounted accounted = EmissionsAccounting.account(request.units(), rules(period));
                                ReportRecord report = new ReportRecord(reportId, 1, request.periodId(), party, covered,
                                        request.year(), ReportStatus.DRAFT, false, null, accounted.tonnes(), by, at,
                                        at, null, null, null);
                                return store.insert(conn, report)
                                        .chain(() -> store.writeUnits(conn, reportId, 1, request.units(), accounted))
                                        .chain(() -> store.step(conn, report, "CREATED", by, party, at, null))
                                        .replaceWith(report);
                            });
                }));
    }

    public Uni<ReportView> edit(String reportId, List<UnitReport> units, Caller caller) {
        requireValid(ReportChecks.of(units));
        return step(reportId, caller, ReportAccess::entity, ReportStatus.DRAFT, "changed", (conn, report, at) ->
                requireUnitsOf(conn, report.party(), units)
                        .chain(() -> rules(conn, report))
                        .chain(rules -> {
                            Accounted accounted = EmissionsAccounting.account(units, rules);
                            ReportRecord edited = report.withEmissions(accounted.tonnes(), at);
                            return store.writeUnits(conn, reportId, report.version(), units, accounted)
                                    .chain(() -> store.update(conn, edited))
                                    .chain(() -> store.step(conn, edited, "EDITED", caller.name(), party(caller), at,
                                            null));
                        }));
    }

    public Uni<ReportView> submit(String reportId, Caller caller) {
        return step(reportId, caller, ReportAccess::entity, ReportStatus.DRAFT, "submitted",
                (conn, report, at) -> submitted(conn, report, caller.name(), party(caller), at, null));
    }

    /** Submits a draft (late after 31 March of the following year); {@code note} says on whose behalf, if not its own. */
    Uni<Void> submitted(SqlConnection conn, ReportRecord report, String by, PartyId byParty, Instant at, String note) {
        LocalDate due = LocalDate.of(report.year() + 1, 3, 31);
        boolean late = LocalDate.ofInstant(at, BEIJING).isAfter(due);
        ReportRecord submitted = report.submitted(late, at);
        String lateNote = late ? "late: due by " + due : null;
        return store.update(conn, submitted).chain(() -> store.step(conn, submitted, "SUBMITTED", by, byParty, at,
                note == null ? lateNote : lateNote == null ? note : note + "; " + lateNote));
    }

    public Uni<ReportView> assign(String reportId, UUID verifier, Caller caller) {
        return step(reportId, caller, ReportAccess::province, null, "assigned a verifier", (conn, report, at) -> {
            requireStatus(report, "assigned a verifier", ReportStatus.SUBMITTED, ReportStatus.ASSIGNED);
            if (verifier.equals(report.party().value())) {
                RequestValidation validation = new RequestValidation();
                validation.reject("verifierPartyId", "an entity does not verify its own report");
                validation.throwIfInvalid();
            }
            ReportRecord assigned = report.assigned(verifier, at);
            return store.update(conn, assigned).chain(() -> store.step(conn, assigned, "VERIFIER_ASSIGNED",
                    caller.name(), null, at, "verifier " + verifier));
        });
    }

    /** The verifier's changes, until the report is confirmed; those after its conclusion are flagged. */
    public Uni<ReportView> adjust(String reportId, AdjustmentRequest request, Caller caller) {
        return step(reportId, caller, ReportAccess::verifier, null, "adjusted", (conn, report, at) -> {
            requireStatus(report, "adjusted", ReportStatus.ASSIGNED, ReportStatus.VERIFIED);
            boolean afterConclusion = report.status() == ReportStatus.VERIFIED;
            return store.units(conn, reportId, report.version()).chain(units -> {
                List<UnitReport> changed = units;
                List<Adjustment> adjustments = new ArrayList<>(request.changes().size());
                RequestValidation validation = new RequestValidation();
                for (int i = 0; i < request.changes().size(); i++) {
                    Change change = request.changes().get(i);
                    try {
                        FigureChange.Applied applied = FigureChange.apply(changed, change.field(), change.value());
                        changed = applied.units();
                        adjustments.add(new Adjustment(change.field(), applied.oldValue(), change.value(),
                                request.reason(), caller.name(), at, afterConclusion));
                    } catch (IllegalArgumentException wrong) {
                        validation.reject("changes[" + i + "]", wrong.getMessage());
                    }
                }
                validation.throwIfInvalid();
                requireValid(ReportChecks.of(changed));
                List<UnitReport> adjusted = changed;
                return rules(conn, report).chain(rules -> {
                    Accounted accounted = EmissionsAccounting.account(adjusted, rules);
                    ReportRecord updated = report.withEmissions(accounted.tonnes(), at);
                    return store.writeUnits(conn, reportId, report.version(), adjusted, accounted)
                            .chain(() -> store.update(conn, updated))
                            .chain(() -> store.adjustments(conn, updated, adjustments))
                            .chain(() -> store.step(conn, updated, "ADJUSTED", caller.name(), party(caller), at,
                                    adjustments.size() + (adjustments.size() == 1 ? " figure: " : " figures: ")
                                            + request.reason()));
                });
            });
        });
    }

    public Uni<ReportView> conclude(String reportId, String opinion, Caller caller) {
        return step(reportId, caller, ReportAccess::verifier, ReportStatus.ASSIGNED, "concluded",
                (conn, report, at) -> {
                    ReportRecord concluded = report.concluded(at);
                    return store.update(conn, concluded).chain(() -> store.step(conn, concluded, "CONCLUDED",
                            caller.name(), party(caller), at, opinion));
                });
    }

    public Uni<ReportView> confirm(String reportId, Caller caller) {
        return step(reportId, caller, ReportAccess::province, ReportStatus.VERIFIED, "confirmed",
                (conn, report, at) -> store.units(conn, reportId, report.version())
                        .chain(units -> rules(conn, report).chain(rules -> {
                            Accounted accounted = EmissionsAccounting.account(units, rules);
                            ReportRecord confirmed = report.confirmed(at);
                            return flags(conn, report, units, accounted, rules)
                                    .chain(flags -> store.keepFlags(conn, confirmed, flags))
                                    .chain(() -> store.update(conn, confirmed))
                                    .chain(() -> store.step(conn, confirmed, "CONFIRMED", caller.name(), null, at,
                                            null))
                                    .chain(() -> store.replaceVerifiedEmissions(conn, confirmed, units, accounted))
                                    .chain(() -> activity.recordVerified(conn, confirmed.year(), production(units),
                                            caller.name(), at))
                                    .chain(() -> outbox.publish(conn, VerifiedEmissions.TYPE,
                                            confirmed.party().toString(), verified(confirmed, units, accounted)));
                        })));
    }

    /** Opens the next version of a confirmed report as the entity's draft, with the confirmed figures. */
    public Uni<ReportView> correct(String reportId, Caller caller) {
        Instant at = now();
        return pool.withTransaction(conn -> current(conn, reportId, true).chain(report -> {
                    ReportAccess.entity(report, caller);
                    requireStatus(report, "corrected", ReportStatus.CONFIRMED);
                    ReportRecord correction = report.correction(caller.name(), at);
                    return period(conn, report.periodId(), report.year())
                            .chain(() -> store.units(conn, reportId, report.version()))
                            .chain(units -> rules(conn, report).chain(rules -> {
                                Accounted accounted = EmissionsAccounting.account(units, rules);
                                ReportRecord opened = correction.withEmissions(accounted.tonnes(), at);
                                return store.insert(conn, opened)
                                        .chain(() -> store.writeUnits(conn, reportId, opened.version(), units,
                                                accounted))
                                        .chain(() -> store.step(conn, opened, "CORRECTION_OPENED", caller.name(),
                                                party(caller), at, "from version " + report.version()))
                                        .replaceWith(opened);
                            }));
                }))
                .chain(report -> view(report, caller));
    }

    /** A version (the latest when null) as the caller may see it. */
    public Uni<ReportView> get(String reportId, Integer version, Caller caller) {
        Uni<ReportRecord> found = version == null ? current(pool, reportId, false)
                : store.version(pool, reportId, version).map(report -> report.orElseThrow(() -> new NotFoundException(
                        "REPORT_NOT_FOUND", "report " + reportId + " has no version " + version)));
        return found.chain(report -> {
            ReportAccess.read(report, caller);
            return view(report, caller);
        });
    }

    /** The latest versions the caller reaches: the regulator's any, a province's its region's, a verifier's its own. */
    public Uni<List<ReportSummary>> list(String periodId, Integer year, PartyId party, ReportStatus status,
                                         Caller caller) {
        Region region = null;
        UUID verifier = null;
        PartyId entity = party;
        if (caller.hasRole(Roles.PROVINCIAL_AUTHORITY)) {
            region = caller.region().orElseThrow(() -> new ForbiddenException("NOT_YOUR_REGION",
                    "the provincial authority's token names no region"));
        } else if (caller.hasRole(Roles.VERIFIER)) {
            verifier = caller.partyId().orElseThrow(() -> new ForbiddenException("NOT_ASSIGNED",
                    "the verifier's token names no party")).value();
        } else if (!caller.hasRole(Roles.REGULATOR)) {
            if (party != null) {
                caller.requireSelfOr(party);
            }
            entity = caller.partyId().orElseThrow(() -> new ForbiddenException("NOT_YOUR_PARTY",
                    "the caller acts for no party"));
        }
        return store.list(pool, periodId, year, entity, region, verifier, status)
                .map(reports -> reports.stream().map(ReportSummary::of).toList());
    }

    private interface Action {
        Uni<?> take(SqlConnection conn, ReportRecord report, Instant at);
    }

    private interface Gate {
        void check(ReportRecord report, Caller caller);
    }

    /**
     * A step on the report's latest version: locked, the caller's reach checked before its status (a stranger learns
     * nothing of it), then the status the step needs (when given), then the action.
     */
    private Uni<ReportView> step(String reportId, Caller caller, Gate gate, ReportStatus needs, String what,
                                 Action action) {
        Instant at = now();
        return pool.withTransaction(conn -> current(conn, reportId, true).chain(report -> {
                    gate.check(report, caller);
                    if (needs != null) {
                        requireStatus(report, what, needs);
                    }
                    return action.take(conn, report, at);
                }))
                .chain(() -> current(pool, reportId, false))
                .chain(report -> view(report, caller));
    }

    private Uni<List<DataQualityFlag>> flags(SqlClient sql, ReportRecord report, List<UnitReport> units,
                                             Accounted accounted, ReportingRules rules) {
        return store.confirmedUnits(sql, report.party(), report.year() - 1)
                .chain(prior -> store.sharedEvidence(sql, report)
                        .chain(shared -> store.adjustments(sql, report.reportId(), report.version())
                                .map(adjustments -> DataQuality.flags(units, accounted, rules, prior, shared,
                                        adjustments))));
    }

    /** Flags are for the provincial authority and the regulator: kept ones once confirmed, else as they stand now. */
    private Uni<ReportView> view(ReportRecord report, Caller caller) {
        boolean seesFlags = caller.hasRole(Roles.REGULATOR) || caller.hasRole(Roles.PROVINCIAL_AUTHORITY);
        return store.units(pool, report.reportId(), report.version())
                .chain(units -> rules(pool, report).chain(rules -> {
                    Accounted accounted = EmissionsAccounting.account(units, rules);
                    Uni<List<DataQualityFlag>> flags = !seesFlags ? Uni.createFrom().nullItem()
                            : report.status() == ReportStatus.CONFIRMED
                            ? store.keptFlags(pool, report.reportId(), report.version())
                            : flags(pool, report, units, accounted, rules);
                    return flags.chain(shown -> store.adjustments(pool, report.reportId(), report.version())
                            .chain(adjustments -> store.history(pool, report.reportId())
                                    .map(history -> ReportView.of(report, rules, units, accounted, adjustments,
                                            shown, history))));
                }));
    }

    private Uni<ReportRecord> current(SqlClient sql, String reportId, boolean forUpdate) {
        return store.current(sql, reportId, forUpdate).map(report -> report.orElseThrow(() -> new NotFoundException(
                "REPORT_NOT_FOUND", "no emission report " + reportId)));
    }

    /** The period, which must hold the year and not be closed. */
    private Uni<PeriodRow> period(SqlClient sql, String periodId, int year) {
        return store.period(sql, periodId).map(found -> {
            PeriodRow period = found.orElseThrow(() -> new NotFoundException("PERIOD_NOT_FOUND",
                    "no compliance period " + periodId));
            if (year < period.firstYear() || year > period.lastYear()) {
                RequestValidation validation = new RequestValidation();
                validation.reject("year", "compliance period " + periodId + " covers " + period.firstYear() + " to "
                        + period.lastYear());
                validation.throwIfInvalid();
            }
            if ("CLOSED".equals(period.status())) {
                throw new ConflictException("PERIOD_CLOSED", "compliance period " + periodId + " is closed");
            }
            return period;
        });
    }

    private Uni<ReportingRules> rules(SqlClient sql, ReportRecord report) {
        return store.period(sql, report.periodId()).map(period -> rules(period.orElseThrow()));
    }

    private ReportingRules rules(PeriodRow period) {
        return packs.of(period.benchmarkPack()).orElseThrow(() -> new ConflictException("NO_REPORTING_RULES",
                "pack " + period.benchmarkPack() + " of period " + period.periodId() + " has no reporting rules: a"
                        + " pilot period's verified emissions are stated with the entity's enrolment"));
    }

    /** Each unit of the report must be one of the entity's registered units. */
    private Uni<Void> requireUnitsOf(SqlClient sql, PartyId party, List<UnitReport> units) {
        List<String> ids = units.stream().map(UnitReport::unitId).toList();
        return store.unitsOf(sql, party, ids).invoke(registered -> {
            RequestValidation validation = new RequestValidation();
            for (int i = 0; i < ids.size(); i++) {
                if (!registered.contains(ids.get(i))) {
                    validation.reject("units[" + i + "].unitId", "unit " + ids.get(i) + " is not a registered"
                            + " generating unit of party " + party);
                }
            }
            validation.throwIfInvalid();
        }).replaceWithVoid();
    }

    static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void requireStatus(ReportRecord report, String what, ReportStatus... allowed) {
        if (!Arrays.asList(allowed).contains(report.status())) {
            throw new ConflictException("REPORT_" + report.status(), "report " + report.reportId() + " version "
                    + report.version() + " is " + report.status() + "; it is " + what + " only when "
                    + Arrays.toString(allowed));
        }
    }

    private static Map<String, ActivityFigures> production(List<UnitReport> units) {
        Map<String, ActivityFigures> figures = new LinkedHashMap<>();
        units.forEach(u -> figures.put(u.unitId(), new ActivityFigures(u.electricitySuppliedMwh(), u.heatSuppliedGj(),
                u.loadFactor(), u.heatSupplyRatio())));
        return figures;
    }

    private static VerifiedEmissions verified(ReportRecord report, List<UnitReport> units, Accounted accounted) {
        List<VerifiedEmissions.UnitProduction> production = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            UnitReport u = units.get(i);
            production.add(new VerifiedEmissions.UnitProduction(u.unitId(), accounted.units().get(i).tonnes(),
                    u.electricitySuppliedMwh(), u.heatSuppliedGj(), u.loadFactor(), u.heatSupplyRatio()));
        }
        return new VerifiedEmissions(report.reportId(), report.version(), report.periodId(), report.party(),
                report.year(), accounted.tonnes(), production, report.confirmedAt());
    }

    private static PartyId party(Caller caller) {
        return caller.partyId().orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
