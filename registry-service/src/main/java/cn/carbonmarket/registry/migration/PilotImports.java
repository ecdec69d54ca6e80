package cn.carbonmarket.registry.migration;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.MarketException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.migration.export.ExportFormatException;
import cn.carbonmarket.registry.migration.export.PilotExportReader;
import cn.carbonmarket.registry.migration.export.PilotExportReaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Accepts uploads as jobs and runs them in the background, one at a time, on an import thread of their own: read and
 * sort every record, reconcile to the control totals, then commit everything in one database transaction or fail
 * with a report and nothing booked. The same upload again is the same job.
 *
 * <p>The import thread waits for the database rather than chaining callbacks: it is never the event loop, and one
 * job at a time keeps memory bounded and leaves the service's other work its share of the machine.
 */
@ApplicationScoped
public class PilotImports {

    private static final Logger LOG = Logger.getLogger(PilotImports.class);
    /** The report of a failed job lists this many unreadable rows; /issues lists them all. */
    private static final int FAILED_ROWS_IN_REPORT = 100;

    private final Pool pool;
    private final MigrationJobStore jobs;
    private final MigrationCommit commit;
    private final MigrationMetrics metrics;
    private final MigrationConfig config;
    private final ExecutorService importThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "pilot-import"));
    /** The tallies of running jobs, for their live counters. */
    private final Map<UUID, ImportTally> running = new ConcurrentHashMap<>();

    PilotImports(Pool pool, MigrationJobStore jobs, MigrationCommit commit, MigrationMetrics metrics,
                 MigrationConfig config) {
        this.pool = pool;
        this.jobs = jobs;
        this.commit = commit;
        this.metrics = metrics;
        this.config = config;
    }

    /** The job of an upload, and whether this call created it (false: the same upload has a job already). */
    public record Submission(MigrationJob job, boolean created) {
    }

    /** Keeps the upload for its job and queues it. Blocking: it moves the uploaded files. */
    Uni<Submission> submit(MigrationUpload upload, String requestedBy) {
        UUID id = UUID.randomUUID();
        upload.moveTo(spool(id));
        return pool.withConnection(conn -> jobs.create(conn, id, upload, requestedBy)).flatMap(created -> {
            if (created) {
                importThread.execute(() -> run(id));
                return pool.withConnection(conn -> jobs.find(conn, id)).map(job -> new Submission(job, true));
            }
            deleteSpool(id);
            return pool.withConnection(conn -> jobs.findUpload(conn, upload.pilot(), upload.sha256()))
                    .onItem().ifNull().failWith(() -> new ConflictException("UPLOAD_JUST_FAILED",
                            "the job of this same upload failed a moment ago; send it again to retry"))
                    .map(job -> new Submission(job, false));
        });
    }

    /** The job; while it runs, with the counters of the records read so far. */
    Uni<MigrationJob> find(UUID id) {
        return pool.withConnection(conn -> jobs.find(conn, id))
                .onItem().ifNull().failWith(() -> new NotFoundException("MIGRATION_NOT_FOUND", "no migration job " + id))
                .map(job -> {
                    ImportTally live = running.get(id);
                    return live != null && job.status() == JobStatus.RUNNING ? job.withCounters(live.counters()) : job;
                });
    }

    Uni<List<MigrationIssue>> issues(UUID id, int page, int size) {
        return find(id).chain(job -> pool.withConnection(conn -> jobs.issues(conn, id, page, size)));
    }

    /**
     * A job left QUEUED or RUNNING by a stopped instance committed nothing (its transaction was rolled back), so it
     * runs again if its upload is still spooled, and fails otherwise.
     */
    void resumeUnfinished(@Observes StartupEvent event) {
        pool.withConnection(jobs::unfinished).subscribe().with(ids -> ids.forEach(id -> {
            if (Files.isDirectory(spool(id))) {
                importThread.execute(() -> run(id));
            } else {
                importThread.execute(() -> failUnread(id, new MigrationReport.Failure("INTERRUPTED", "the service"
                        + " stopped before the import committed and its upload is gone; nothing was booked, send the"
                        + " upload again")));
            }
        }), failure -> LOG.errorf(failure, "cannot look for unfinished migration jobs"));
    }

    void stop(@Observes ShutdownEvent event) {
        importThread.shutdownNow();
    }

    private void run(UUID id) {
        JobOrder order;
        try {
            order = pool.withConnection(conn -> jobs.start(conn, id)).await().indefinitely();
        } catch (RuntimeException e) {
            LOG.errorf(e, "migration job %s cannot start", id);
            failUnread(id, new MigrationReport.Failure("IMPORT_FAILED", "the job could not start (" + e.getMessage()
                    + "); nothing was booked"));
            return;
        }
        if (order != null) {
            long started = System.nanoTime();
            JobStatus status = importJob(order);
            metrics.finished(order.pilot(), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Fails a job before any of its upload was read; if even that cannot be recorded, it stays unfinished. */
    private void failUnread(UUID id, MigrationReport.Failure failure) {
        try {
            fail(id, new RowCounters(0, 0, 0, 0, 0), failed(null, failure, null), List.of())
                    .await().indefinitely();
            LOG.warnf("migration job %s failed: %s %s", id, failure.code(), failure.detail());
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record that migration job %s failed; it stays unfinished", id);
        } finally {
            deleteSpool(id);
        }
    }

    private JobStatus importJob(JobOrder order) {
        ImportTally tally = new ImportTally(order.pilot(), metrics.rows(order.pilot()));
        running.put(order.id(), tally);
        try {
            return importAll(order, tally);
        } finally {
            running.remove(order.id());
            deleteSpool(order.id());
        }
    }

    private JobStatus importAll(JobOrder order, ImportTally tally) {
        Reconciliation reconciliation = null;
        MigrationReport.Failure failure;
        try {
            long started = System.nanoTime();
            read(order, tally);
            long read = System.nanoTime();
            reconciliation = Reconciliation.of(order.control(), tally);
            if (reconciliation.reconciles()) {
                MigrationReport report = commit.commit(order, tally, reconciliation).await().indefinitely();
                LOG.infof("migration job %s (%s) committed: %s, %s; read in %d ms, booked in %d ms", order.id(),
                        order.pilot(), tally.counters(), report.booked(), (read - started) / 1_000_000,
                        (System.nanoTime() - read) / 1_000_000);
                return JobStatus.COMMITTED;
            }
            failure = new MigrationReport.Failure("RECONCILIATION_FAILED", reconciliation.discrepancy());
        } catch (ExportFormatException e) {
            failure = new MigrationReport.Failure("FILE_UNREADABLE", e.getMessage() + "; nothing was booked");
        } catch (MarketException e) {
            failure = new MigrationReport.Failure(e.code(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "migration job %s failed", order.id());
            failure = new MigrationReport.Failure("IMPORT_FAILED", "the import failed unexpectedly ("
                    + e.getMessage() + "); nothing was booked");
        }
        LOG.warnf("migration job %s (%s) failed: %s %s", order.id(), order.pilot(), failure.code(), failure.detail());
        try {
            fail(order.id(), tally.counters(), failed(reconciliation, failure, tally), tally.issues())
                    .await().indefinitely();
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record that migration job %s failed; it stays unfinished", order.id());
        }
        return JobStatus.FAILED;
    }

    /** After the import's transaction rolled back (or never began): the job, its report and its issues. */
    private Uni<Void> fail(UUID id, RowCounters counters, MigrationReport report, List<ImportTally.Issue> issues) {
        return pool.withTransaction(conn -> jobs.finish(conn, id, JobStatus.FAILED, counters, report, issues));
    }

    private void read(JobOrder order, ImportTally tally) throws IOException {
        PilotExportReader reader = PilotExportReaders.forPilot(order.pilot());
        for (String file : order.files()) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spool(order.id()).resolve(file)))) {
                reader.read(file, in, tally);
            }
        }
    }

    /** The report of a failed job: the reconciliation as far as it got, why it failed, and the unreadable rows. */
    private static MigrationReport failed(Reconciliation reconciliation, MigrationReport.Failure failure,
                                          ImportTally tally) {
        List<MigrationIssue> failedRows = tally == null ? null : tally.issues().stream()
                .filter(i -> i.outcome() == RowOutcome.FAILED).limit(FAILED_ROWS_IN_REPORT)
                .map(ImportTally.Issue::view).toList();
        return reconciliation == null ? new MigrationReport(false, null, null, null, failure, failedRows)
                : new MigrationReport(false, reconciliation.instruments(), reconciliation.holdingRows(), null, failure,
                failedRows);
    }

    private Path spool(UUID id) {
        return config.spoolDirectory().resolve(id.toString());
    }

    private void deleteSpool(UUID id) {
        try (Stream<Path> paths = Files.walk(spool(id))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot remove the spooled upload of migration job %s: %s", id, e.getMessage());
        }
    }
}
