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
import java.time.Duration;
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
            + " report::text as report, owner, lease_expires_at,"
            + " coalesce(status in ('QUEUED', 'RUNNING') and lease_expires_at < clock_timestamp(), false)"
            + " as lease_lapsed";
    /** Only a job's lease holder moves its status, and only from QUEUED or RUNNING: COMMITTED and FAILED stay. */
    private static final String HELD = " status in ('QUEUED', 'RUNNING') and owner = $%d and epoch = $%d";
    private static final String LEASE_ENDS = "clock_timestamp() + $%d * interval '1 millisecond'";

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

    /**
     * Records a QUEUED job held by the owner (epoch 1); null when the same upload already has a job that did not
     * fail.
     */
    Uni<JobLease> create(SqlConnection conn, UUID id, MigrationUpload upload, String requestedBy, String owner,
                         Duration lease) {
        return conn.preparedQuery("insert into migration_job (id, pilot, upload_sha256, files, control, status,"
                        + " requested_by, requested_at, owner, epoch, lease_expires_at) values ($1, $2, $3, $4,"
                        + " $5::text::jsonb, 'QUEUED', $6, $7, $8, 1, " + LEASE_ENDS.formatted(9) + ")"
                        + " on conflict (pilot, upload_sha256) where status <> 'FAILED' do nothing")
                .execute(Tuple.tuple(List.of(id, upload.pilot().name(), upload.sha256(),
                        upload.files().stream().map(MigrationUpload.ExportFile::name).toArray(String[]::new),
                        upload.controlJson(), requestedBy, now(), owner, lease.toMillis())))
                .map(result -> result.rowCount() == 1 ? new JobLease(owner, 1) : null);
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

    /** An unfinished job whose holder stopped renewing its lease: its files, to see whether they can be read. */
    record Lapsed(UUID id, List<String> files) {
    }

    /** Unfinished jobs whose lease lapsed (their holder stopped or lost the database), oldest first. */
    Uni<List<Lapsed>> lapsed(SqlConnection conn) {
        return conn.query("select id, files from migration_job where status in ('QUEUED', 'RUNNING')"
                        + " and lease_expires_at < clock_timestamp() order by requested_at")
                .execute().map(rows -> {
                    List<Lapsed> lapsed = new ArrayList<>();
                    rows.forEach(r -> lapsed.add(new Lapsed(r.getUUID("id"), List.of(r.getArrayOfStrings("files")))));
                    return lapsed;
                });
    }

    /** Takes over a lapsed job's lease (the next epoch); null when someone else took it first or it finished. */
    Uni<JobLease> claim(SqlConnection conn, UUID id, String owner, Duration lease) {
        return conn.preparedQuery("update migration_job set owner = $2, epoch = epoch + 1, lease_expires_at = "
                        + LEASE_ENDS.formatted(3) + " where id = $1 and status in ('QUEUED', 'RUNNING')"
                        + " and lease_expires_at < clock_timestamp() returning epoch")
                .execute(Tuple.of(id, owner, lease.toMillis()))
                .map(rows -> rows.size() == 0 ? null : new JobLease(owner, rows.iterator().next().getLong(0)));
    }

    /** Extends the lease while its holder works; false when the holder lost it (taken over, or the job ended). */
    Uni<Boolean> renew(SqlConnection conn, UUID id, JobLease holder, Duration lease) {
        return conn.preparedQuery("update migration_job set lease_expires_at = " + LEASE_ENDS.formatted(4)
                        + " where id = $1 and" + HELD.formatted(2, 3))
                .execute(Tuple.of(id, holder.owner(), holder.epoch(), lease.toMillis()))
                .map(result -> result.rowCount() == 1);
    }

    /** Marks the job RUNNING and returns its order, or null when it finished meanwhile or the lease was lost. */
    Uni<JobOrder> start(SqlConnection conn, UUID id, JobLease holder) {
        return conn.preparedQuery("update migration_job set status = 'RUNNING', started_at = $2 where id = $1 and"
                        + HELD.formatted(3, 4) + " returning pilot, files, control::text as control, requested_by")
                .execute(Tuple.of(id, now(), holder.owner(), holder.epoch()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new JobOrder(id, holder, Pilot.valueOf(row.getString("pilot")),
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

    /**
     * The job's final state with its report and issues, in the caller's transaction, by the job's lease holder only:
     * otherwise (the lease was taken over, or the job ended already) it fails with {@link LeaseLostException} and
     * the caller's transaction, a whole import's booking included, rolls back.
     */
    Uni<Void> finish(SqlConnection conn, UUID id, JobLease holder, JobStatus status, RowCounters counters,
                     MigrationReport report, List<ImportTally.Issue> issues) {
        List<Numbered> numbered = IntStream.range(0, issues.size())
                .mapToObj(i -> new Numbered(id, i + 1, issues.get(i))).toList();
        return conn.preparedQuery("update migration_job set status = $2, rows_read = $3, rows_booked = $4,"
                        + " rows_set_aside = $5, rows_dropped = $6, rows_failed = $7, report = $8::text::jsonb,"
                        + " finished_at = $9, lease_expires_at = null where id = $1 and" + HELD.formatted(10, 11))
                .execute(Tuple.tuple(List.of(id, status.name(), counters.rowsRead(), counters.rowsBooked(),
                        counters.rowsSetAside(), counters.rowsDropped(), counters.rowsFailed(), text(report), now(),
                        holder.owner(), holder.epoch())))
                .invoke(result -> {
                    if (result.rowCount() != 1) {
                        throw new LeaseLostException(id, holder, status);
                    }
                })
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
                report == null ? null : read(report), row.getString("owner"), instant(row, "lease_expires_at"),
                row.getBoolean("lease_lapsed"));
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
