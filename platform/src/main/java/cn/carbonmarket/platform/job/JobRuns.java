package cn.carbonmarket.platform.job;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The lease a job runs under ({@code job_lease}: one row per job, its owner, an epoch counting the claims, and when
 * it lapses) and the record of each run ({@code job_run}: one row per job and due time, so a period runs once
 * however many replicas are due). Lease times are the database's clock, the one clock every replica shares.
 */
@ApplicationScoped
public class JobRuns {

    /** A claimed run: the job, its period's due time, who runs it and under which epoch of the lease. */
    public record Claim(String job, Instant dueAt, String owner, long epoch) {
    }

    /** How long runs are kept for inspection. */
    static final Duration KEPT = Duration.ofDays(30);

    private final Pool pool;

    public JobRuns(Pool pool) {
        this.pool = pool;
    }

    /**
     * The run of the job's period, if no one ran it yet and no one holds the job's lease; else empty, and nothing
     * is written. Lease and run record are one transaction: a claim that cannot have both keeps neither.
     */
    public Uni<Optional<Claim>> claim(String job, Instant dueAt, String owner, Duration lease) {
        return pool.withTransaction(conn -> takeLease(conn, job, owner, lease).flatMap(epoch -> epoch.isEmpty()
                        ? Uni.createFrom().item(Optional.<Claim>empty())
                        : record(conn, new Claim(job, dueAt, owner, epoch.get()))))
                .onFailure(NotThisTime.class).recoverWithItem(Optional.empty());
    }

    /**
     * The run ended (failure null when it succeeded); the lease is given up unless someone took it since, and the
     * job's runs older than {@link #KEPT} are forgotten.
     */
    public Uni<Void> finish(Claim claim, String failure) {
        return pool.withTransaction(conn -> conn.preparedQuery("update job_run set finished_at = clock_timestamp(),"
                        + " failure = $3 where job = $1 and due_at = $2")
                .execute(Tuple.of(claim.job(), utc(claim.dueAt()), failure))
                .chain(() -> conn.preparedQuery("delete from job_run where job = $1 and due_at < $2")
                        .execute(Tuple.of(claim.job(), utc(claim.dueAt().minus(KEPT)))))
                .chain(() -> conn.preparedQuery("update job_lease set expires_at = clock_timestamp() where job = $1"
                                + " and owner = $2 and epoch = $3")
                        .execute(Tuple.of(claim.job(), claim.owner(), claim.epoch())))
                .replaceWithVoid());
    }

    private static Uni<Optional<Long>> takeLease(SqlConnection conn, String job, String owner, Duration lease) {
        return conn.preparedQuery("insert into job_lease (job, owner, epoch, expires_at)"
                        + " values ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')"
                        + " on conflict (job) do update set owner = excluded.owner, epoch = job_lease.epoch + 1,"
                        + " expires_at = excluded.expires_at where job_lease.expires_at <= clock_timestamp()"
                        + " returning epoch")
                .execute(Tuple.of(job, owner, lease.toMillis()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /** Records the run; when the period has its run already, the transaction rolls back, lease claim and all. */
    private static Uni<Optional<Claim>> record(SqlConnection conn, Claim claim) {
        return conn.preparedQuery("insert into job_run (job, due_at, owner, epoch, started_at)"
                        + " values ($1, $2, $3, $4, clock_timestamp()) on conflict (job, due_at) do nothing")
                .execute(Tuple.of(claim.job(), utc(claim.dueAt()), claim.owner(), claim.epoch()))
                .flatMap(result -> result.rowCount() == 1 ? Uni.createFrom().item(Optional.of(claim))
                        : Uni.createFrom().failure(new NotThisTime()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The period's run was someone else's: rolls the lease claim back. */
    private static final class NotThisTime extends RuntimeException {
        NotThisTime() {
            super(null, null, false, false);
        }
    }
}
