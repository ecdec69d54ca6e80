package cn.carbonmarket.registry.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.platform.job.JobRuns;
import cn.carbonmarket.platform.job.SingleRun;
import cn.carbonmarket.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The single-run guard the registry's pledge expiry runs under (platform.job): of replicas due at once one runs the
 * period, a period runs once, and a replica whose lease was taken over cannot give up its successor's lease.
 */
@QuarkusTest
class PledgeExpiryRunsOnceTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private final Database database = new Database("registry");

    @Inject
    JobRuns runs;

    @Inject
    SingleRun singleRun;

    @Test
    void ofTwoReplicasClaimingThePeriodAtOnceOneRunsIt() {
        String job = "test-" + UUID.randomUUID();
        Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<Optional<JobRuns.Claim>> claims = Uni.join().all(runs.claim(job, due, "pod-a", LEASE),
                runs.claim(job, due, "pod-b", LEASE)).andFailFast().await().indefinitely();

        assertThat(claims.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(database.count("select count(*) from job_run where job = ?", job)).isEqualTo(1);
    }

    @Test
    void aPeriodRunsOnceAndTheNextWaitsForTheLease() {
        String job = "test-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS);
        JobRuns.Claim claim = runs.claim(job, first, "pod-a", LEASE).await().indefinitely().orElseThrow();

        assertThat(runs.claim(job, first.plus(Duration.ofHours(1)), "pod-b", LEASE).await().indefinitely())
                .as("the lease is held while the first period runs").isEmpty();
        runs.finish(claim, null).await().indefinitely();
        assertThat(runs.claim(job, first, "pod-b", LEASE).await().indefinitely())
                .as("the period ran already").isEmpty();
        assertThat(runs.claim(job, first.plus(Duration.ofHours(1)), "pod-b", LEASE).await().indefinitely())
                .isPresent();
        assertThat(database.texts("select owner from job_run where job = ? order by due_at", job))
                .containsExactly("pod-a", "pod-b");
    }

    @Test
    void aStaleOwnerCannotGiveUpTheLeaseItLost() {
        String job = "test-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS);
        JobRuns.Claim stale = runs.claim(job, first, "pod-a", Duration.ofMillis(1)).await().indefinitely()
                .orElseThrow();
        await(Duration.ofMillis(20));
        JobRuns.Claim current = runs.claim(job, first.plus(Duration.ofHours(1)), "pod-b", LEASE).await()
                .indefinitely().orElseThrow();
        assertThat(current.epoch()).isEqualTo(stale.epoch() + 1);

        runs.finish(stale, null).await().indefinitely();
        assertThat(runs.claim(job, first.plus(Duration.ofHours(2)), "pod-a", LEASE).await().indefinitely())
                .as("pod-b still holds the lease").isEmpty();
        assertThat(database.texts("select owner from job_lease where job = ?", job)).containsExactly("pod-b");
    }

    @Test
    void theWorkRunsOnlyWhereThePeriodWasClaimed() {
        String job = "test-" + UUID.randomUUID();
        AtomicInteger ran = new AtomicInteger();
        Instant now = Instant.now();
        boolean first = singleRun.once(job, "1h", now, () -> Uni.createFrom().item(ran.incrementAndGet()))
                .await().indefinitely();
        boolean again = singleRun.once(job, "1h", now, () -> Uni.createFrom().item(ran.incrementAndGet()))
                .await().indefinitely();

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(ran).hasValue(1);
        assertThat(database.count("select count(*) from job_run where job = ? and finished_at is not null"
                + " and failure is null", job)).isEqualTo(1);
    }

    private static void await(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
