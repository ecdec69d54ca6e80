package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A pilot's registry export uploaded by the regulator, as its migration client would, and the finished job. */
public final class PilotMigrations {

    private PilotMigrations() {
    }

    /**
     * Uploads the pilot's sample export with its control totals and waits until the job is done. Uploading the same
     * export again answers its first job, so every test that needs a pilot's holders migrates it.
     */
    public static JsonPath migrate(Pilot pilot) {
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
}
