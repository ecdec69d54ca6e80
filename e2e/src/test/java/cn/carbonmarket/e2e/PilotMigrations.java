package cn.carbonmarket.e2e;

import static cn.carbonmarket.e2e.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.e2e.AllocationCalls.REGISTRY;
import static cn.carbonmarket.e2e.AllocationCalls.eventually;
import static cn.carbonmarket.e2e.AllocationCalls.get;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A pilot's registry export uploaded by the regulator, as its migration client would, and the finished job. */
final class PilotMigrations {

    private PilotMigrations() {
    }

    /**
     * Uploads the pilot's sample export with its control totals and waits until the job is done. Uploading the same
     * export again answers its first job, so every test that needs a pilot's holders migrates it.
     */
    static JsonPath migrate(Pilot pilot) {
        String id = given().auth().oauth2(accessToken(DemoUser.REGULATOR))
                .multiPart("pilot", pilot.name())
                .multiPart("files", pilot.exportFile(), pilot.export())
                .multiPart("control", "control.json", pilot.control(), "application/json")
                .when().post(REGISTRY + "/api/v1/migrations").then().log().ifValidationFails()
                .statusCode(oneOf(200, 202)).extract().path("id");
        AtomicReference<JsonPath> job = new AtomicReference<>();
        eventually(() -> {
            job.set(get(DemoUser.REGULATOR, REGISTRY + "/api/v1/migrations/" + id).statusCode(200).extract()
                    .jsonPath());
            return List.of("COMMITTED", "FAILED").contains(job.get().getString("status"));
        });
        return job.get();
    }

    /** The pilot migrated, and the holder known to allocation as a covered entity (from the migration's event). */
    static void migrated(Pilot pilot, PilotHolder entity) {
        assertThat(migrate(pilot).getString("status")).isEqualTo("COMMITTED");
        awaitCovered(entity);
    }

    /** Allocation admits a migrated entity when the registry's PartyRegistered reaches it. */
    static void awaitCovered(PilotHolder entity) {
        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + entity.partyId())
                .extract().statusCode() == 200);
    }
}
