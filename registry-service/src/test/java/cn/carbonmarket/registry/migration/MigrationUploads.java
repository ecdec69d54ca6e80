package cn.carbonmarket.registry.migration;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.migration.export.PilotSample;
import cn.carbonmarket.testing.DemoUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Uploads to POST /api/v1/migrations as the regulator's client would, and waits for the job to finish. */
final class MigrationUploads {

    /** One part of an upload: its file name and content. */
    record Part(String fileName, byte[] content) {
    }

    static final String TIANJIN_HEADER = "ACCOUNT_NO,HOLDER_NAME,HOLDER_TYPE,ID_NO,OPEN_DATE,PRODUCT,VINTAGE,"
            + "BALANCE\r\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MigrationUploads() {
    }

    /** A pilot's control totals for an export of {@code holdingRows} rows holding {@code tonnes} per instrument. */
    static byte[] control(String pilot, long holdingRows, Map<String, Long> tonnes) {
        ObjectNode control = JSON.createObjectNode().put("pilot", pilot).put("exportDate", "2025-12-31")
                .put("accounts", holdingRows).put("holdingRows", holdingRows);
        ObjectNode totals = control.putObject("totalsTonnes");
        tonnes.forEach(totals::put);
        return control.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Part sampleExport(PilotSample sample) {
        return new Part(sample.file(), sample.export());
    }

    static Part sampleControl(PilotSample sample) {
        return new Part("control.json", sample.controlJson());
    }

    /** Any part may be null (left out), to test what is missing. */
    static ValidatableResponse upload(DemoUser user, String pilot, List<Part> files, Part control) {
        RequestSpecification request = user == null ? given() : given().auth().oauth2(accessToken(user));
        if (pilot != null) {
            request = request.multiPart("pilot", pilot);
        }
        for (Part file : files) {
            request = request.multiPart("files", file.fileName(), file.content());
        }
        if (control != null) {
            request = request.multiPart("control", control.fileName(), control.content(), "application/json");
        }
        return request.when().post("/api/v1/migrations").then().log().ifValidationFails();
    }

    /** Uploads a pilot's sample (a new job, or its first job again on a rerun) and waits until the job is done. */
    static JsonPath importSample(PilotSample sample) {
        String id = upload(DemoUser.REGULATOR, sample.pilot().name(), List.of(sampleExport(sample)),
                sampleControl(sample)).statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract().path("id");
        return awaitFinished(id);
    }

    static JsonPath job(String id) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/migrations/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitFinished(String id) {
        AtomicReference<JsonPath> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job.set(job(id));
            return List.of("COMMITTED", "FAILED").contains(job.get().getString("status"));
        });
        return job.get();
    }

    /** A job's issues, all of them (the samples have a few dozen at most). */
    static JsonPath issues(String id) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("size", 1000)
                .when().get("/api/v1/migrations/" + id + "/issues").then().statusCode(200).extract().jsonPath();
    }

    /** The units of one instrument in the given accounts, AVAILABLE. */
    static long held(List<String> accounts, String instrument) {
        return RegistryFixtures.DB.count("select coalesce(sum(quantity), 0) from holding where status = 'AVAILABLE'"
                + " and instrument = ? and account_id = any(?::text[])", instrument, "{" + String.join(",", accounts) + "}");
    }

    /** The MIGRATION transactions booked from a pilot, by their keys. */
    static long migrationTransactions(String pilot) {
        return RegistryFixtures.DB.count("select count(*) from registry_transaction where type = 'MIGRATION'"
                + " and idempotency_key like ?", "regulator:migration/" + pilot + "/%");
    }
}
