package cn.carbonmarket.bench.registry;

import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.testing.Identities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A pilot migration at scale: writes a Beijing-format export of N rows (six vintages per pilot account, about one
 * holder in fifty with a second account, one account in a hundred with a bad checksum, one row in twenty with
 * nothing left), uploads it through the registry's API as the regulator, follows the job and reports how long it
 * took from the job's start to its commit, and the upload. Ends with RESULT lines.
 *
 * <p>Usage: MigrationLoad REGISTRY_URL KEYCLOAK_URL ROWS
 */
public final class MigrationLoad {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String[] TYPES = {"重点排放单位", "机构投资者"};

    private MigrationLoad() {
    }

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        int rows = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = new Keycloak(http, args[1]).token("regulator");
        Path dir = Files.createTempDirectory("migration-bench");
        Path export = dir.resolve("beijing_holdings.csv");
        Map<String, Long> totals = write(export, rows);
        ObjectNode control = new ObjectMapper().createObjectNode().put("pilot", "BJ").put("exportDate", "2025-12-31")
                .put("accounts", rows / 6).put("holdingRows", rows);
        totals.forEach(control.putObject("totalsTonnes")::put);
        System.out.printf("export of %d rows written (%d MB)%n", rows, Files.size(export) >> 20);

        Instant uploadStart = Instant.now();
        String id = upload(http, registry, token, export, control.toString());
        Duration upload = Duration.between(uploadStart, Instant.now());
        JsonNode job = awaitFinished(http, registry, token, id);
        Files.delete(export);
        Files.delete(dir);

        Duration took = Duration.between(Instant.parse(job.path("startedAt").asText()),
                Instant.parse(job.path("finishedAt").asText()));
        System.out.printf("job %s: %s, counters %s%n", id, job.path("status").asText(), job.path("counters"));
        if (!"COMMITTED".equals(job.path("status").asText())) {
            throw new IllegalStateException("the migration did not commit: " + job.path("report"));
        }
        System.out.printf("RESULT registry.migration.upload %d ms%n", upload.toMillis());
        System.out.printf("RESULT registry.migration.job %d ms%n", took.toMillis());
        System.out.printf("RESULT registry.migration.rows %d rows/s%n", rows * 1000L / Math.max(1, took.toMillis()));
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

    private static String upload(HttpClient http, String registry, String token, Path export, String control)
            throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = part(boundary, "pilot", null) + "BJ\r\n"
                + part(boundary, "control", "control.json") + control + "\r\n"
                + part(boundary, "files", export.getFileName().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry + "/api/v1/migrations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(export),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("id").asText();
    }

    private static String part(String boundary, String name, String filename) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
    }

    private static JsonNode awaitFinished(HttpClient http, String registry, String token, String id)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json.readTree(http.send(HttpRequest.newBuilder(
                            URI.create(registry + "/api/v1/migrations/" + id)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = job.path("status").asText();
            if ("COMMITTED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("job " + id + " did not finish within 15 minutes");
    }
}
