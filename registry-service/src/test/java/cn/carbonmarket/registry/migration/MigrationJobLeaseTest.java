package cn.carbonmarket.registry.migration;

import static cn.carbonmarket.registry.migration.MigrationUploads.sampleControl;
import static cn.carbonmarket.registry.migration.MigrationUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.migration.MigrationUploads.Part;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.migration.export.PilotSample;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Import jobs under several registry instances: only the holder of a job's lease moves its status, COMMITTED and
 * FAILED never replace each other, of two instances taking over a lapsed job one gets it, and a lapsed job whose
 * upload this instance cannot read is left as it is, its lapse shown. Jobs here are written through the store with
 * no spooled upload (so no instance resumes them), as other instances (pod-a, pod-b) would hold them.
 */
@QuarkusTest
class MigrationJobLeaseTest {

    private static final Database DB = RegistryFixtures.DB;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final RowCounters NONE = new RowCounters(0, 0, 0, 0, 0);
    private static final MigrationReport REPORT = new MigrationReport(false, null, null, null,
            new MigrationReport.Failure("TEST", "written by the test"), null);

    @Inject
    Pool pool;

    @Inject
    MigrationJobStore jobs;

    @Inject
    PilotImports imports;

    @Inject
    Spool spool;

    @Test
    void aStaleOwnersStatusChangeIsRefused() {
        UUID id = UUID.randomUUID();
        JobLease stale = create(id, "pod-a", Duration.ofMillis(1));
        pause();
        JobLease current = claim(id, "pod-b");
        assertThat(current.epoch()).isEqualTo(stale.epoch() + 1);

        assertThatThrownBy(() -> finish(id, stale, JobStatus.FAILED)).isInstanceOf(LeaseLostException.class);
        assertThat(pool.withConnection(conn -> jobs.start(conn, id, stale)).await().indefinitely()).isNull();
        assertThat(status(id)).isEqualTo("QUEUED");
        assertThat(pool.withConnection(conn -> jobs.renew(conn, id, stale, LEASE)).await().indefinitely()).isFalse();

        assertThat(pool.withConnection(conn -> jobs.start(conn, id, current)).await().indefinitely()).isNotNull();
        finish(id, current, JobStatus.FAILED);
        assertThat(status(id)).isEqualTo("FAILED");
    }

    @Test
    void failedCannotReplaceCommittedNorCommittedFailed() {
        UUID committed = UUID.randomUUID();
        JobLease holder = create(committed, "pod-a", LEASE);
        finish(committed, holder, JobStatus.COMMITTED);
        assertThatThrownBy(() -> finish(committed, holder, JobStatus.FAILED)).isInstanceOf(LeaseLostException.class);
        assertThat(status(committed)).isEqualTo("COMMITTED");

        UUID failed = UUID.randomUUID();
        JobLease other = create(failed, "pod-a", LEASE);
        finish(failed, other, JobStatus.FAILED);
        assertThatThrownBy(() -> finish(failed, other, JobStatus.COMMITTED)).isInstanceOf(LeaseLostException.class);
        assertThat(status(failed)).isEqualTo("FAILED");

        // Whatever a statement says: the database keeps the ends as they are.
        assertThatThrownBy(() -> DB.update("update migration_job set status = 'FAILED' where id = ?", committed))
                .hasMessageContaining("stays so");
        assertThatThrownBy(() -> DB.update("update migration_job set status = 'COMMITTED' where id = ?", failed))
                .hasMessageContaining("stays so");
        assertThat(status(committed)).isEqualTo("COMMITTED");
        assertThat(status(failed)).isEqualTo("FAILED");
    }

    @Test
    void ofTwoInstancesTakingOverALapsedJobOneGetsIt() {
        UUID id = UUID.randomUUID();
        create(id, "pod-a", Duration.ofMillis(1));
        pause();
        List<JobLease> claims = Uni.join().all(
                        pool.withConnection(conn -> jobs.claim(conn, id, "pod-b", LEASE)),
                        pool.withConnection(conn -> jobs.claim(conn, id, "pod-c", LEASE)))
                .andFailFast().await().indefinitely();

        assertThat(claims.stream().filter(Objects::nonNull)).hasSize(1);
        assertThat(DB.count("select epoch from migration_job where id = ?", id)).isEqualTo(2);
    }

    @Test
    void aLapsedJobWhoseUploadIsNotHereIsLeftAndShowsTheLapse() {
        UUID id = UUID.randomUUID();
        create(id, "pod-a", Duration.ofMillis(1));
        pause();
        imports.keepAndResume().await().indefinitely();

        JsonPath job = MigrationUploads.job(id.toString());
        assertThat(job.getString("status")).isEqualTo("QUEUED");
        assertThat(job.getString("owner")).isEqualTo("pod-a");
        assertThat(job.getBoolean("leaseLapsed")).isTrue();
        assertThat(job.getString("leaseExpiresAt")).isNotNull();
    }

    @Test
    void aFinishedJobShowsNoLeaseAndItsSpooledUploadIsGone() {
        // The sample with an unreadable row of its own: a new upload every run, and one that fails, booking nothing.
        PilotSample sample = PilotSample.CQ;
        byte[] export = (new String(sample.export(), sample.charset()) + UUID.randomUUID() + "\n")
                .getBytes(sample.charset());
        String id = upload(DemoUser.REGULATOR, "CQ", List.of(new Part(sample.file(), export)), sampleControl(sample))
                .statusCode(202).extract().path("id");
        JsonPath job = MigrationUploads.awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getBoolean("leaseLapsed")).isFalse();
        assertThat(job.getString("leaseExpiresAt")).isNull();
        assertThat(spooled(UUID.fromString(id))).doesNotExist();
    }

    private Path spooled(UUID id) {
        return spool.folder(id);
    }

    private JobLease create(UUID id, String owner, Duration lease) {
        MigrationUpload upload = new MigrationUpload(Pilot.CQ, List.of(new MigrationUpload.ExportFile(
                "chongqing_holdings.tsv", Path.of("nowhere"))), new String(PilotSample.CQ.controlJson(),
                StandardCharsets.UTF_8), UUID.randomUUID().toString());
        return pool.withConnection(conn -> jobs.create(conn, id, upload, "regulator", owner, lease))
                .await().indefinitely();
    }

    private JobLease claim(UUID id, String owner) {
        return pool.withConnection(conn -> jobs.claim(conn, id, owner, LEASE)).await().indefinitely();
    }

    private void finish(UUID id, JobLease holder, JobStatus status) {
        pool.withTransaction(conn -> jobs.finish(conn, id, holder, status, NONE, REPORT, List.of()))
                .await().indefinitely();
    }

    private static String status(UUID id) {
        return DB.texts("select status from migration_job where id = ?", id).get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
