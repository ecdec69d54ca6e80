package cn.carbonmarket.registry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.testing.Identities;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a large import takes, from the job's start to its commit: run on demand with
 * {@code -Dmigration.rows=1000000} against a database that may then be recreated (it leaves the rows it imports).
 * The export is Beijing's format with six vintages per pilot account, about one holder in fifty with a second
 * account, one account in a hundred with a bad checksum and one row in twenty with nothing left. The upload itself
 * (HTTP) is not timed: the file is handed to the job as the resource would.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "migration.rows", matches = "\\d+")
class MigrationLargeImportTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String[] TYPES = {"重点排放单位", "机构投资者"};

    @Inject
    PilotImports imports;

    @Test
    void importsALargeExportWithinTheBudget() throws IOException {
        int rows = Integer.parseInt(System.getProperty("migration.rows"));
        Path file = Files.createTempDirectory("large-import").resolve("beijing_holdings.csv");
        Map<String, Long> totals = write(file, rows);
        ObjectNode control = new ObjectMapper().createObjectNode().put("pilot", "BJ").put("exportDate", "2025-12-31")
                .put("accounts", rows / 6).put("holdingRows", rows);
        totals.forEach(control.putObject("totalsTonnes")::put);
        MigrationUpload upload = new MigrationUpload(Pilot.BJ,
                List.of(new MigrationUpload.ExportFile(file.getFileName().toString(), file)), control.toString(),
                "large-" + UUID.randomUUID());

        UUID id = imports.submit(upload, "regulator").await().indefinitely().job().id();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            MigrationJob job = imports.find(id).await().indefinitely();
            return job.status() == JobStatus.COMMITTED || job.status() == JobStatus.FAILED;
        });

        MigrationJob job = imports.find(id).await().indefinitely();
        Duration took = Duration.between(job.startedAt(), job.finishedAt());
        System.out.printf("RESULT migration of %d rows: %s in %d ms (%s, %s)%n", rows, job.status(), took.toMillis(),
                job.counters(), job.report().booked());
        assertThat(job.status()).isEqualTo(JobStatus.COMMITTED);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    /** Writes the export and returns its totals per instrument, as the pilot's control totals would state them. */
    private static Map<String, Long> write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(2021);
        Map<String, Long> totals = new TreeMap<>();
        String code = null;
        try (BufferedWriter out = Files.newBufferedWriter(file, GB18030)) {
            out.write("账户号,账户名称,主体类型,证件号码,开户日期,产品,年度,持有数量\r\n");
            for (int row = 0; row < rows; row++) {
                int account = row / 6;
                if (row % 6 == 0 && account % 50 != 1) {
                    code = Identities.creditCode("110000");
                    code = account % 100 == 7 ? Identities.withBadChecksum(code) : code;
                }
                int vintage = 2019 + row % 6;
                long tonnes = row % 20 == 3 ? 0 : random.nextLong(3_000_000);
                out.write("BJ" + (1_000_000 + account) + ",北京第" + account + "热电有限公司," + TYPES[account % 2]
                        + "," + code + ",2016年8月12日,BEA," + vintage + "," + tonnes + "\r\n");
                totals.merge("BEA-" + vintage, tonnes, Long::sum);
            }
        }
        return totals;
    }
}
