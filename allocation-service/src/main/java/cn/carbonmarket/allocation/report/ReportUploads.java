package cn.carbonmarket.allocation.report;

import cn.carbonmarket.allocation.report.ReportRequests.NewReport;
import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import cn.carbonmarket.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports of many entities submitted at once by their provincial authority (its region's entities) or the regulator,
 * for groups that report through one office: every report checked as an entity's own would be (figures, covered
 * entity, period and year, registered units, no report of that year yet), then all recorded and submitted in one
 * transaction or, if any is wrong, none; the 400 lists each report's errors by index. The history names who uploaded
 * them on the entities' behalf.
 */
@ApplicationScoped
public class ReportUploads {

    static final int LISTED = 1_000;
    private static final int MOST_REPORTS = 2_000;

    private final Pool pool;
    private final EmissionReportStore store;
    private final EmissionReports reports;
    private final Clock clock;

    ReportUploads(Pool pool, EmissionReportStore store, EmissionReports reports, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.reports = reports;
        this.clock = clock;
    }

    /** A report that passed the checks of its own figures, and the entity it is for. */
    private record Checked(int index, UploadedReport report, PartyId party) {
    }

    public Uni<List<ReportSummary>> upload(List<UploadedReport> uploaded, Caller caller) {
        if (uploaded == null || uploaded.isEmpty() || uploaded.size() > MOST_REPORTS) {
            RequestValidation validation = new RequestValidation();
            validation.reject("body", "a JSON array of 1 to " + MOST_REPORTS + " reports");
            validation.throwIfInvalid();
        }
        List<ItemError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> firstOfReport = new HashMap<>();
        for (int i = 0; i < uploaded.size(); i++) {
            Checked report = checked(i, uploaded.get(i), firstOfReport, errors);
            if (report != null) {
                checked.add(report);
            }
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(conn -> Multi.createFrom().iterable(checked)
                .onItem().transformToUniAndConcatenate(report -> inRegister(conn, report, caller, errors))
                .collect().asList()
                .chain(() -> {
                    if (!errors.isEmpty()) {
                        throw new ReportUploadInvalidException(errors.size(), errors.stream()
                                .sorted(Comparator.comparingInt(ItemError::index)).limit(LISTED).toList());
                    }
                    return Multi.createFrom().iterable(checked)
                            .onItem().transformToUniAndConcatenate(report -> record(conn, report, caller, at))
                            .collect().asList();
                }))
                .map(recorded -> recorded.stream().map(ReportSummary::of).toList());
    }

    /** The report's own figures and fields, and whether the upload has it twice. */
    private static Checked checked(int index, UploadedReport report, Map<String, Integer> firstOfReport,
                                   List<ItemError> errors) {
        if (report == null) {
            errors.add(new ItemError(index, "report", "missing"));
            return null;
        }
        int before = errors.size();
        PartyId party = null;
        try {
            party = PartyId.parse(report.partyId());
        } catch (InvalidValueException e) {
            errors.add(new ItemError(index, "partyId", "a party id (UUID) expected, got '" + report.partyId() + "'"));
        }
        if (report.periodId() == null || report.periodId().isBlank()) {
            errors.add(new ItemError(index, "periodId", "missing"));
        }
        if (report.year() == null) {
            errors.add(new ItemError(index, "year", "missing"));
        }
        ReportChecks.of(report.units()).forEach(e -> errors.add(new ItemError(index, e.field(), e.message())));
        if (errors.size() > before) {
            return null;
        }
        Integer first = firstOfReport.putIfAbsent(ReportRecord.idOf(report.periodId(), report.year(), party), index);
        if (first != null) {
            errors.add(new ItemError(index, "partyId", "the upload has this entity's report of " + report.year()
                    + " already at index " + first));
            return null;
        }
        return new Checked(index, report, party);
    }

    /** The report against what is recorded: a covered entity in the caller's reach, its period and units, no report. */
    private Uni<Void> inRegister(SqlConnection conn, Checked checked, Caller caller, List<ItemError> errors) {
        UploadedReport report = checked.report();
        int index = checked.index();
        List<String> unitIds = report.units().stream().map(UnitReport::unitId).toList();
        return store.regionOf(conn, checked.party()).chain(region -> {
            if (region.isEmpty()) {
                errors.add(new ItemError(index, "partyId", "party " + checked.party() + " is not a covered entity"));
            } else if (!caller.hasRole(Roles.REGULATOR) && caller.region().filter(region.get()::equals).isEmpty()) {
                errors.add(new ItemError(index, "partyId", "a provincial authority uploads only its region's reports"));
            }
            return store.period(conn, report.periodId());
        }).chain(period -> {
            if (period.isEmpty()) {
                errors.add(new ItemError(index, "periodId", "no compliance period " + report.periodId()));
            } else if (report.year() < period.get().firstYear() || report.year() > period.get().lastYear()) {
                errors.add(new ItemError(index, "year", "compliance period " + report.periodId() + " covers "
                        + period.get().firstYear() + " to " + period.get().lastYear()));
            } else if ("CLOSED".equals(period.get().status())) {
                errors.add(new ItemError(index, "periodId", "compliance period " + report.periodId() + " is closed"));
            }
            return store.unitsOf(conn, checked.party(), unitIds);
        }).chain(registered -> {
            for (int u = 0; u < unitIds.size(); u++) {
                if (!registered.contains(unitIds.get(u))) {
                    errors.add(new ItemError(index, "units[" + u + "].unitId", "unit " + unitIds.get(u)
                            + " is not a registered generating unit of party " + checked.party()));
                }
            }
            return store.current(conn, ReportRecord.idOf(report.periodId(), report.year(), checked.party()), false);
        }).invoke(existing -> existing.ifPresent(found -> errors.add(new ItemError(index, "year", "report "
                + found.reportId() + " exists (version " + found.version() + ", " + found.status() + ")"))))
                .replaceWithVoid();
    }

    private Uni<ReportRecord> record(SqlConnection conn, Checked checked, Caller caller, Instant at) {
        UploadedReport report = checked.report();
        return reports.draft(conn, new NewReport(report.periodId(), report.year(), report.units()), checked.party(),
                        caller.name(), at)
                .call(draft -> reports.submitted(conn, draft, caller.name(), null, at, "uploaded by " + caller.name()
                        + " for the entity"))
                .chain(draft -> store.current(conn, draft.reportId(), false).map(found -> found.orElseThrow()));
    }
}
