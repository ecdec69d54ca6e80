package cn.carbonmarket.registry.migration;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.MarketException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.registry.migration.export.ExportFormatException;
import cn.carbonmarket.registry.migration.export.PilotExportReader;
import cn.carbonmarket.registry.migration.export.PilotExportReaders;
import cn.carbonmarket.platform.job.InstanceName;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Accepts uploads as jobs and runs them in the background, one at a time, on an import thread of their own: read and
 * sort every record, reconcile to the control totals, then commit everything in one database transaction or fail
 * with a report and nothing booked. The same upload again is the same job.
 *
 * <p>The import thread waits for the database rather than chaining callbacks: it is never the event loop, and one
 * job at a time keeps memory bounded and leaves the service's other work its share of the machine.
 *
 * <p>With several replicas, a job is the instance's that accepted it: it holds the job's lease ({@link JobLease}) and
 * renews it while the job is queued or runs here. Only the holder moves the job's status; a job whose lease lapsed
 * (its instance stopped) is resumed by an instance that can read its spooled upload, which takes the lease over
 * under the next epoch, so the one before cannot finish it any more. An instance that cannot read the upload leaves
 * the job to one that can, and the job's view shows the lapse.
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
    private final Spool spool;
    private final InstanceName instance;
    private final ExecutorService importThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "pilot-import"));
    /** The tallies of running jobs, for their live counters. */
    private final Map<UUID, ImportTally> running = new ConcurrentHashMap<>();
    /** The jobs this instance holds (queued on the import thread or running there), with their leases. */
    private final Map<UUID, JobLease> held = new ConcurrentHashMap<>();

    PilotImports(Pool pool, MigrationJobStore jobs, MigrationCommit commit, MigrationMetrics metrics,
                 MigrationConfig config, Spool spool, InstanceName instance) {
        this.pool = pool;
        this.jobs = jobs;
        this.commit = commit;
        this.metrics = metrics;
        this.config = config;
        this.spool = spool;
        this.instance = instance;
    }

    /** The job of an upload, and whether this call created it (false: the same upload has a job already). */
    public record Submission(MigrationJob job, boolean created) {
    }

    /** Keeps the upload, encrypted, for its job and queues it. Blocking: it encrypts the uploaded files. */
    Uni<Submission> submit(MigrationUpload upload, String requestedBy) {
        UUID id = UUID.randomUUID();
        spool.keep(id, upload.files());
        return pool.withConnection(conn -> jobs.create(conn, id, upload, requestedBy, instance.name(),
                config.lease())).flatMap(lease -> {
            if (lease != null) {
                hold(id, lease);
                return pool.withConnection(conn -> jobs.find(conn, id)).map(job -> new Submission(job, true));
            }
            spool.delete(id);
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
     * Renews the leases of the jobs held here, then takes over the lapsed jobs of stopped instances whose upload this
     * instance can read. A job left unfinished committed nothing (its transaction was rolled back), so it runs again.
     */
    @Scheduled(every = "${market.migration.renew-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> keepAndResume() {
        return Multi.createFrom().iterable(Map.copyOf(held).entrySet())
                .onItem().transformToUniAndConcatenate(entry -> pool.withConnection(conn -> jobs.renew(conn,
                                entry.getKey(), entry.getValue(), config.lease()))
                        .invoke(renewed -> {
                            if (!renewed && held.remove(entry.getKey(), entry.getValue())) {
                                LOG.warnf("migration job %s is no longer this instance's (epoch %d)", entry.getKey(),
                                        entry.getValue().epoch());
                            }
                        }))
                .collect().last()
                .chain(() -> pool.withConnection(jobs::lapsed))
                .chain(lapsed -> Multi.createFrom().iterable(lapsed)
                        .filter(job -> !held.containsKey(job.id()))
                        .onItem().transformToUniAndConcatenate(this::resume)
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> resume(MigrationJobStore.Lapsed job) {
        if (!spool.readable(job.id(), job.files())) {
            LOG.debugf("migration job %s lapsed; its upload is not readable here, so it is left to an instance that"
                    + " can read it", job.id());
            return Uni.createFrom().voidItem();
        }
        return pool.withConnection(conn -> jobs.claim(conn, job.id(), instance.name(), config.lease()))
                .invoke(lease -> {
                    if (lease != null) {
                        LOG.infof("migration job %s resumed here (epoch %d)", job.id(), lease.epoch());
                        hold(job.id(), lease);
                    }
                })
                .replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent event) {
        importThread.shutdownNow();
    }

    private void hold(UUID id, JobLease lease) {
        held.put(id, lease);
        importThread.execute(() -> {
            try {
                run(id, lease);
            } finally {
                held.remove(id, lease);
            }
        });
    }

    private void run(UUID id, JobLease lease) {
        JobOrder order;
        try {
            order = pool.withConnection(conn -> jobs.start(conn, id, lease)).await().indefinitely();
        } catch (RuntimeException e) {
            LOG.errorf(e, "migration job %s cannot start", id);
            if (fail(id, lease, new RowCounters(0, 0, 0, 0, 0), failed(null, new MigrationReport.Failure(
                    "IMPORT_FAILED", "the job could not start (" + e.getMessage() + "); nothing was booked"), null),
                    List.of())) {
                spool.delete(id);
            }
            return;
        }
        if (order == null) {
            LOG.infof("migration job %s ended or was taken over before it started here", id);
            return;
        }
        long started = System.nanoTime();
        ImportTally tally = new ImportTally(order.pilot(), metrics.rows(order.pilot()));
        running.put(id, tally);
        JobStatus status;
        try {
            status = importAll(order, tally);
        } finally {
            running.remove(id);
        }
        if (status != null) {
            spool.delete(id);
            metrics.finished(order.pilot(), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The job's end (COMMITTED or FAILED), or null when it is no longer this instance's to end. */
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
        } catch (LeaseLostException e) {
            LOG.warnf("migration job %s: %s; its booking was rolled back", order.id(), e.getMessage());
            return null;
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
        return fail(order.id(), order.lease(), tally.counters(), failed(reconciliation, failure, tally),
                tally.issues()) ? JobStatus.FAILED : null;
    }

    /**
     * Records the failure (its transaction had rolled back, or never began) if the job is still this instance's:
     * true when it was recorded.
     */
    private boolean fail(UUID id, JobLease lease, RowCounters counters, MigrationReport report,
                         List<ImportTally.Issue> issues) {
        try {
            pool.withTransaction(conn -> jobs.finish(conn, id, lease, JobStatus.FAILED, counters, report, issues))
                    .await().indefinitely();
            return true;
        } catch (LeaseLostException e) {
            LOG.warnf("migration job %s: %s", id, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record that migration job %s failed; it stays unfinished until its lease lapses", id);
            return false;
        }
    }

    private void read(JobOrder order, ImportTally tally) throws IOException {
        PilotExportReader reader = PilotExportReaders.forPilot(order.pilot());
        for (String file : order.files()) {
            try (InputStream in = spool.open(order.id(), file)) {
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
}
