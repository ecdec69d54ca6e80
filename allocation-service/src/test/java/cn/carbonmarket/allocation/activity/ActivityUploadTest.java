package cn.carbonmarket.allocation.activity;

import static cn.carbonmarket.allocation.activity.ActivityFixtures.DB;
import static cn.carbonmarket.allocation.activity.ActivityFixtures.HEADER;
import static cn.carbonmarket.allocation.activity.ActivityFixtures.records;
import static cn.carbonmarket.allocation.activity.ActivityFixtures.unitOf;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.PartyEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activity data uploaded as CSV: recorded whole or not at all, once per content, over real tokens and database. */
@QuarkusTest
class ActivityUploadTest {

    private String hubei;
    private String guangdong;

    @BeforeEach
    void coveredEntitiesInTwoProvinces() {
        hubei = ActivityFixtures.hubeiEntity();
        guangdong = ActivityFixtures.guangdongEntity();
    }

    private static ValidatableResponse upload(DemoUser user, int year, String csv) {
        return upload(user, year + "/uploads", csv);
    }

    private static ValidatableResponse upload(DemoUser user, String path, String csv) {
        return given().auth().oauth2(accessToken(user)).contentType("text/csv").body(csv.getBytes(UTF_8))
                .when().post("/api/v1/activity-data/" + path).then();
    }

    private static long uploads(int year) {
        return DB.count("select count(*) from activity_upload where year = ?", year);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    }

    @Test
    void aGoodUploadRecordsEveryRowExactlyAndTheSameContentAgainRecordsNothing() throws Exception {
        int year = 2091;
        String a = unitOf(hubei);
        String b = unitOf(hubei);
        String c = unitOf(guangdong);
        String csv = HEADER + a + ",3000000,1000000,0.82,0.15\n" + b + ",0,250,1,0\n" + c + ",987654321,0,0.0001,1.0\n";

        String uploadId = upload(DemoUser.REGULATOR, year, csv).statusCode(201)
                .body("year", equalTo(year)).body("rows", equalTo(3)).body("verified", equalTo(false))
                .body("contentHash", equalTo(sha256(csv))).extract().path("uploadId");
        assertThat(DB.texts("select concat_ws('|', unit_id, electricity_supplied_mwh, heat_supplied_gj, load_factor,"
                        + " heat_supply_ratio, verified, upload_id, recorded_by) from activity_data where year = ?"
                        + " and unit_id in (?, ?, ?) order by electricity_supplied_mwh", year, a, b, c))
                .containsExactly(b + "|0|250|1.0000|0.0000|f|" + uploadId + "|regulator",
                        a + "|3000000|1000000|0.8200|0.1500|f|" + uploadId + "|regulator",
                        c + "|987654321|0|0.0001|1.0000|f|" + uploadId + "|regulator");
        List<String> updatedAt = DB.texts("select updated_at::text from activity_data where year = ? and unit_id"
                + " in (?, ?, ?) order by unit_id", year, a, b, c);

        upload(DemoUser.REGULATOR, year, csv).statusCode(200).body("uploadId", equalTo(uploadId))
                .body("rows", equalTo(3));
        assertThat(records(year, a, b, c)).isEqualTo(3);
        assertThat(uploads(year)).isEqualTo(1);
        assertThat(DB.texts("select updated_at::text from activity_data where year = ? and unit_id in (?, ?, ?)"
                + " order by unit_id", year, a, b, c)).isEqualTo(updatedAt);

        // The same lines for another year are another year's data.
        upload(DemoUser.REGULATOR, year + 1, csv).statusCode(201);
        assertThat(records(year + 1, a, b, c)).isEqualTo(3);
    }

    @Test
    void anUploadWithWrongLinesIsRefusedWholeWithEachLineAndField() {
        int year = 2093;
        String good = unitOf(hubei);
        String alsoGood = unitOf(hubei);
        String twice = unitOf(hubei);
        String csv = HEADER
                + good + ",1000,10,0.5,0.1\n"
                + twice + ",-1,10,0.5,0.1\n"
                + "U-unknown,1000,10,0.5,0.1\n"
                + twice + ",1000,10,0.5,0.1\n"
                + alsoGood + ",1000,10,0.5,1.25\n"
                + alsoGood + "x,1000,10,0.5\n";

        upload(DemoUser.REGULATOR, year, csv).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("UPLOAD_INVALID")).body("errorCount", equalTo(5))
                .body("errors.line", contains(3, 4, 5, 6, 7))
                .body("errors.field", contains("electricity_supplied_mwh", "unit_id", "unit_id",
                        "heat_supply_ratio", "row"))
                .body("errors[1].reason", containsString("U-unknown"))
                .body("errors[2].reason", containsString("already on line 3"));
        assertThat(records(year, good, alsoGood, twice)).isZero();
        assertThat(uploads(year)).isZero();
    }

    @Test
    void anUploadWithoutItsHeaderIsRefusedAtLineOne() {
        String unit = unitOf(hubei);
        upload(DemoUser.REGULATOR, 2095, unit + ",1000,10,0.5,0.1\n").statusCode(400)
                .body("code", equalTo("UPLOAD_INVALID")).body("errors.line", contains(1))
                .body("errors.field", contains("header"));
        assertThat(records(2095, unit)).isZero();
        upload(DemoUser.REGULATOR, "2012/uploads", HEADER + unit + ",1000,10,0.5,0.1\n").statusCode(400)
                .body("errors.field", contains("year"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType("application/json").body(Map.of())
                .when().post("/api/v1/activity-data/2095/uploads").then().statusCode(415);
    }

    @Test
    void aProvinceUploadsItsRegionsUnitsOnlyAndCannotVerifyOrChangeVerifiedData() {
        int year = 2096;
        String ours = unitOf(hubei);
        String theirs = unitOf(guangdong);
        String verifiedByRegulator = unitOf(hubei);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType("application/json")
                .body(Map.of("electricitySuppliedMwh", 5, "heatSuppliedGj", 5, "loadFactor", 0.5,
                        "heatSupplyRatio", 0.5, "verified", true))
                .when().put("/api/v1/activity-data/" + year + "/" + verifiedByRegulator).then().statusCode(201);

        upload(DemoUser.PROVINCE_HB, year, HEADER + ours + ",1,1,0.5,0.1\n" + theirs + ",1,1,0.5,0.1\n"
                + verifiedByRegulator + ",1,1,0.5,0.1\n").statusCode(400)
                .body("errors.line", contains(3, 4))
                .body("errors[0].reason", containsString("region"))
                .body("errors[1].reason", containsString("verified"));
        upload(DemoUser.PROVINCE_HB, year + "/uploads?verified=true", HEADER + ours + ",1,1,0.5,0.1\n")
                .statusCode(403).body("code", equalTo("VERIFIED_BY_REGULATOR_ONLY"));
        upload(DemoUser.ENTITY_1, year, HEADER + ours + ",1,1,0.5,0.1\n").statusCode(403);
        assertThat(records(year, ours, theirs)).isZero();

        String csv = HEADER + ours + ",1,1,0.5,0.1\n";
        upload(DemoUser.PROVINCE_HB, year, csv).statusCode(201).body("verified", equalTo(false));
        upload(DemoUser.REGULATOR, year + "/uploads?verified=true", csv).statusCode(201)
                .body("verified", equalTo(true));
        assertThat(DB.count("select count(*) from activity_data where year = ? and unit_id = ? and verified",
                year, ours)).isEqualTo(1);
        upload(DemoUser.PROVINCE_HB, year, csv).statusCode(400).body("errors[0].reason", containsString("verified"));
    }

    @Test
    void tenThousandUnitsAreRecordedInOneUpload() {
        int year = 2097;
        String entity = ActivityFixtures.covered(PartyEvents.registered("Yichang Power", "COMPLIANCE_ENTITY", "HB"));
        String prefix = "BULK-" + System.nanoTime() + "-";
        DB.update("insert into generating_unit (unit_id, party_id, category, capacity_mw, cooling,"
                + " combined_heat_and_power, commissioned_on, registered_by, registered_at, updated_at)"
                + " select ? || n, ?::uuid, 'COAL_ABOVE_300MW', 600, 'WATER', true, date '2012-06-30', 'test', now(),"
                + " now() from generate_series(1, 10000) n", prefix, entity);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= 10_000; n++) {
            csv.append(prefix).append(n).append(',').append(1_000_000 + n).append(",5000,0.8").append(n % 10)
                    .append(",0.1\n");
        }

        long started = System.nanoTime();
        upload(DemoUser.PROVINCE_HB, year, csv.toString()).statusCode(201).body("rows", equalTo(10_000));
        System.out.printf("10,000-row activity upload answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(DB.count("select count(*) from activity_data where year = ? and unit_id like ?", year,
                prefix + "%")).isEqualTo(10_000);
        assertThat(DB.count("select sum(electricity_supplied_mwh) from activity_data where year = ? and unit_id"
                + " like ?", year, prefix + "%")).isEqualTo(10_000L * 1_000_000 + 10_000L * 10_001 / 2);
    }
}
