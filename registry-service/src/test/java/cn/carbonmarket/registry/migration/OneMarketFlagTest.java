package cn.carbonmarket.registry.migration;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.RegistryFixtures.Obligation;
import cn.carbonmarket.registry.migration.MigrationUploads.Part;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Order No. 775's flags for the regulator, raised by a Tianjin migration and by national obligations through the real
 * services: a holder the national market covered before its pilot's migration is flagged at the migration's commit,
 * one covered only later when its national obligation arrives; each once, and none for a holder the national market
 * does not cover or covers only in a pilot period.
 */
@QuarkusTest
class OneMarketFlagTest {

    private static String partyOf(String creditCode) {
        return RegistryFixtures.partyOf(creditCode);
    }

    private static String nationalPeriod() {
        return "CN-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long flags(String party) {
        return DB.count("select count(*) from one_market_flag where party_id = ?::uuid", party);
    }

    private static JsonPath flagList() {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/one-market-flags").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void migratedHoldersWithANationalObligationAreFlaggedOnceWhicheverCameFirst() {
        String coveredBefore = Identities.creditCode("120000");
        String coveredAfter = Identities.creditCode("120000");
        String pilotOnly = Identities.creditCode("120000");
        // Registered nationally before the migration (party ids are random: a party has an id once registered).
        String before = RegistryFixtures.register(coveredBefore);
        String other = RegistryFixtures.register(pilotOnly);
        String earlier = nationalPeriod();
        RegistryFixtures.obligation(before, earlier, 1, 30_000);
        RegistryFixtures.obligation(new Obligation("TJ-T" + UUID.randomUUID().toString().substring(0, 8), other,
                "TJEA-2025", 1, 500, 0, 0, "STEEL", null));
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String export = MigrationUploads.TIANJIN_HEADER
                + "TJF" + n + "1,Covered Before Steel,ENTITY," + coveredBefore + ",2015-01-01,TJEA,2016,100\r\n"
                + "TJF" + n + "2,Covered After Power,ENTITY," + coveredAfter + ",2015-01-01,TJEA,2016,200\r\n"
                + "TJF" + n + "3,Pilot Only Steel,ENTITY," + pilotOnly + ",2015-01-01,TJEA,2016,0\r\n";

        String job = MigrationUploads.upload(DemoUser.REGULATOR, "TJ", List.of(new Part("tianjin_flags.csv",
                        export.getBytes(StandardCharsets.UTF_8))),
                new Part("control.json", MigrationUploads.control("TJ", 3, Map.of("TJEA-2016", 300L))))
                .statusCode(202).extract().path("id");
        assertThat(MigrationUploads.awaitFinished(job).getString("status")).isEqualTo("COMMITTED");
        String after = partyOf(coveredAfter);

        assertThat(DB.count("select count(*) from pilot_holder where pilot = 'TJ' and party_id = any(?::uuid[])",
                "{" + before + "," + after + "," + other + "}")).as("the zero-tonne holder too").isEqualTo(3);
        assertThat(DB.count("select count(*) from one_market_flag where party_id = ?::uuid and pilot = 'TJ'"
                + " and national_period_id = ? and sector = 'POWER' and raised_on = 'MIGRATION'", before, earlier))
                .isEqualTo(1);
        assertThat(flags(after)).isZero();
        assertThat(flags(other)).as("a pilot obligation is no national cover").isZero();

        String later = nationalPeriod();
        RegistryFixtures.obligation(after, later, 1, 80_000);
        RegistryFixtures.obligation(after, nationalPeriod(), 1, 90_000);
        RegistryFixtures.obligation(before, nationalPeriod(), 1, 10_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(after) == 1);
        assertThat(DB.count("select count(*) from one_market_flag where party_id = ?::uuid and pilot = 'TJ'"
                + " and national_period_id = ? and raised_on = 'NATIONAL_OBLIGATION'", after, later)).isEqualTo(1);
        assertThat(flags(before)).as("each flag once").isEqualTo(1);

        JsonPath listed = flagList();
        assertThat(listed.getList("findAll { it.partyId == '" + before + "' }.raisedOn"))
                .containsExactly("MIGRATION");
        assertThat(listed.getList("findAll { it.partyId == '" + after + "' }.name"))
                .containsExactly("Covered After Power");
        assertThat(listed.getList("partyId")).doesNotContain(other);
        String csv = given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("format", "csv")
                .get("/api/v1/one-market-flags").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().findFirst()).contains("party_id,name,type,region,pilot,national_period_id,sector,"
                + "raised_on,raised_at");
        assertThat(csv).contains(after + ",Covered After Power,COMPLIANCE_ENTITY,TJ,TJ," + later + ",POWER,"
                + "NATIONAL_OBLIGATION,");
    }

    @Test
    void onlyTheRegulatorSeesTheFlags() {
        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).get("/api/v1/one-market-flags").then()
                .statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("format", "csv")
                .get("/api/v1/one-market-flags").then().statusCode(403).body("code", equalTo("ROLE_NOT_ALLOWED"));
    }
}
