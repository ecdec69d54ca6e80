package cn.carbonmarket.registry.migration;

import cn.carbonmarket.platform.sql.ColumnBatch;
import cn.carbonmarket.registry.migration.export.ControlTotals;
import cn.carbonmarket.registry.migration.export.Pilot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The import jobs and their issues as stored (migration_job, migration_issue), and the session settings an import's
 * transaction runs under.
 */
@ApplicationScoped
class MigrationJobStore {

    private static final String JOB_COLUMNS = "id, pilot, status, files, upload_sha256, requested_by, requested_at,"
            + " started_at, finished_at, rows_read, rows_booked, rows_set_aside, rows_dropped, rows_failed,"
            + " report::text as report";

    /** An issue with its place in the upload (issues are listed in the order their records were read). */
    private record Numbered(UUID jobId, int seq, ImportTally.Issue issue) {
    }

    private static final ColumnBatch<Numbered> ISSUES = new ColumnBatch<Numbered>()
            .column(UUID.class, Numbered::jobId)
            .column(Integer.class, Numbered::seq)
            .column(String.class, n -> n.issue().outcome().name())
            .column(String.class, n -> n.issue().file())
            .column(Integer.class, n -> n.issue().line())
            .column(String.class, n -> n.issue().reason())
            .column(String.class, n -> n.issue().holding() == null ? null : n.issue().holding().pilotAccount())
            .column(String.class, n -> n.issue().holding() == null ? null : n.issue().holding().holderName())
            .column(String.class, n -> n.issue().holding() == null ? null : n.issue().holding().identityCode())
            .column(String.class, n -> n.issue().holding() == null ? null
                    : n.issue().holding().instrument().toString())
            .column(Long.class, n -> n.issue().holding() == null ? null : n.issue().holding().tonnes());

    private final ObjectMapper json;
    private final Clock clock;

    MigrationJobStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Records a QUEUED job; false when the same upload already has a job that did not fail. */
    Uni<Boolean> create(SqlConnection conn, UUID id, MigrationUpload upload, String requestedBy) {
        return conn.preparedQuery("insert into migration_job (id, pilot, upload_sha256, files, control, status,"
                        + " requested_by, requested_at) values ($1, $2, $3, $4, $5::text::jsonb, 'QUEUED', $6, $7)"
                        + " on conflict (pilot, upload_sha256) where status <> 'FAILED' do nothing")
                .execute(Tuple.tuple(List.of(id, upload.pilot().name(), upload.sha256(),
                        upload.files().stream().map(MigrationUpload.ExportFile::name).toArray(String[]::new),
                        upload.controlJson(), requestedBy, now())))
                .map(result -> result.rowCount() == 1);
    }

    Uni<MigrationJob> find(SqlConnection conn, UUID id) {
        return one(conn, "id = $1", Tuple.of(id));
    }

    /** A job's pilot and status, or null when there is no such job. */
    record State(Pilot pilot, JobStatus status) {
    }

    Uni<State> state(SqlConnection conn, UUID id) {
        return conn.preparedQuery("select pilot, status from migration_job where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new State(Pilot.valueOf(row.getString("pilot")), JobStatus.valueOf(row.getString("status")));
                });
    }

    /** The job of this upload that did not fail, if any. */
    Uni<MigrationJob> findUpload(SqlConnection conn, Pilot pilot, String sha256) {
        return one(conn, "pilot = $1 and upload_sha256 = $2 and status <> 'FAILED'", Tuple.of(pilot.name(), sha256));
    }

    /** Jobs a stopped instance left unfinished. */
    Uni<List<UUID>> unfinished(SqlConnection conn) {
        return conn.query("select id from migration_job where status in ('QUEUED', 'RUNNING') order by requested_at")
                .execute().map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    /** Marks the job RUNNING and returns its order, or null when it has finished meanwhile. */
    Uni<JobOrder> start(SqlConnection conn, UUID id) {
        return conn.preparedQuery("update migration_job set status = 'RUNNING', started_at = $2 where id = $1"
                        + " and status in ('QUEUED', 'RUNNING') returning pilot, files, control::text as control,"
                        + " requested_by")
                .execute(Tuple.of(id, now()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new JobOrder(id, Pilot.valueOf(row.getString("pilot")),
                            Arrays.asList(row.getArrayOfStrings("files")), control(row.getString("control")),
                            row.getString("requested_by"));
                });
    }

    /**
     * Imports of one pilot take turns: this waits for the one under way, for the rest of the caller's transaction,
     * so that each sees what the one before it booked.
     */
    Uni<Void> takeTurn(SqlConnection conn, Pilot pilot) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of("migration/" + pilot))
                .replaceWithVoid();
    }

    /**
     * For the rest of the caller's transaction, the foreign-key checks of every row are planned once for the lot,
     * not once per row (the service's connections otherwise plan each statement for its arguments).
     */
    Uni<Void> planOnceForAll(SqlConnection conn) {
        return conn.query("set local plan_cache_mode = auto").execute().replaceWithVoid();
    }

    /** The job's final state with its report and issues, in the caller's transaction. */
    Uni<Void> finish(SqlConnection conn, UUID id, JobStatus status, RowCounters counters, MigrationReport report,
                     List<ImportTally.Issue> issues) {
        List<Numbered> numbered = IntStream.range(0, issues.size())
                .mapToObj(i -> new Numbered(id, i + 1, issues.get(i))).toList();
        return conn.preparedQuery("update migration_job set status = $2, rows_read = $3, rows_booked = $4,"
                        + " rows_set_aside = $5, rows_dropped = $6, rows_failed = $7, report = $8::text::jsonb,"
                        + " finished_at = $9 where id = $1")
                .execute(Tuple.tuple(List.of(id, status.name(), counters.rowsRead(), counters.rowsBooked(),
                        counters.rowsSetAside(), counters.rowsDropped(), counters.rowsFailed(), text(report), now())))
                .chain(() -> ISSUES.execute(conn, "insert into migration_issue (job_id, seq, outcome, file, line,"
                        + " reason, pilot_account, holder_name, identity_code, instrument, tonnes) select * from"
                        + " unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],"
                        + " $8::text[], $9::text[], $10::text[], $11::bigint[])", numbered));
    }

    Uni<List<MigrationIssue>> issues(SqlConnection conn, UUID id, int page, int size) {
        return conn.preparedQuery("select outcome, file, line, reason, pilot_account, holder_name, instrument, tonnes"
                        + " from migration_issue where job_id = $1 order by seq limit $2 offset $3")
                .execute(Tuple.of(id, size, page * size))
                .map(rows -> {
                    List<MigrationIssue> issues = new ArrayList<>();
                    rows.forEach(r -> issues.add(new MigrationIssue(RowOutcome.valueOf(r.getString("outcome")),
                            r.getString("file"), r.getInteger("line"), r.getString("reason"),
                            r.getString("pilot_account"), r.getString("holder_name"), r.getString("instrument"),
                            r.getLong("tonnes"))));
                    return issues;
                });
    }

    private Uni<MigrationJob> one(SqlConnection conn, String where, Tuple args) {
        return conn.preparedQuery("select " + JOB_COLUMNS + " from migration_job where " + where).execute(args)
                .map(rows -> rows.size() == 0 ? null : job(rows.iterator().next()));
    }

    private MigrationJob job(Row row) {
        String report = row.getString("report");
        return new MigrationJob(row.getUUID("id"), Pilot.valueOf(row.getString("pilot")),
                JobStatus.valueOf(row.getString("status")), List.of(row.getArrayOfStrings("files")),
                row.getString("upload_sha256"), row.getString("requested_by"), instant(row, "requested_at"),
                instant(row, "started_at"), instant(row, "finished_at"),
                new RowCounters(row.getLong("rows_read"), row.getLong("rows_booked"), row.getLong("rows_set_aside"),
                        row.getLong("rows_dropped"), row.getLong("rows_failed")),
                report == null ? null : read(report));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String text(MigrationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain records and always serialises", e);
        }
    }

    private MigrationReport read(String report) {
        try {
            return json.readValue(report, MigrationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /** The control totals were parsed once when the upload was accepted, so they parse again. */
    private static ControlTotals control(String text) {
        try {
            return MigrationUpload.controlTotals(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored control totals no longer parse", e);
        }
    }
}
