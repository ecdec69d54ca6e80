package cn.carbonmarket.registry.party;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Personal data under PIPL: ids that say nothing of the identity, a person's name and resident id sealed in the
 * database, shown in full only to whom may see them and each such read recorded, and no identity number on an event.
 */
@QuarkusTest
class PersonalDataTest {

    private static final Database DB = RegistryFixtures.DB;
    private static final String NAME = "欧阳明远";

    private static ValidatableResponse register(Map<String, Object> body) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/parties").then().log().ifValidationFails();
    }

    private static ValidatableResponse personalData(String token, String partyId, String purpose) {
        return given().auth().oauth2(token).queryParam("purpose", purpose)
                .get("/api/v1/parties/" + partyId + "/personal-data").then().log().ifValidationFails();
    }

    private static long disclosures(String partyId) {
        return DB.count("select count(*) from personal_data_disclosure where party_id = ?::uuid", partyId);
    }

    /** A fresh natural person of Beijing: its party id and resident id. */
    private static String[] person() {
        String residentId = RegistryFixtures.residentId("110105");
        String id = register(Map.of("name", NAME, "type", "INDIVIDUAL", "region", "BJ", "residentId", residentId))
                .statusCode(201).extract().path("id");
        return new String[] {id, residentId};
    }

    @Test
    void anIdIsRandomAndTheSameIdentityAgainFindsTheSameParty() {
        String code = Identities.creditCode("420100");
        Map<String, Object> body = Map.of("name", "Xiaogan Power Co., Ltd.", "type", "COMPLIANCE_ENTITY",
                "region", "HB", "creditCode", code);
        String id = register(body).statusCode(201).extract().path("id");

        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(id).isNotEqualTo(UUID.nameUUIDFromBytes(("party:" + code).getBytes(StandardCharsets.UTF_8))
                .toString());
        register(body).statusCode(200).body("id", equalTo(id));
        assertThat(RegistryFixtures.partyOf(code)).isEqualTo(id);
        // The row is found by the keyed index under the current key, not by anything derived from the code alone.
        assertThat(DB.count("select count(*) from party where id = ?::uuid and indexed_with = 'test-2'"
                + " and length(identity_index) = 32", id)).isEqualTo(1);
    }

    @Test
    void aPersonsNameAndResidentIdAreStoredOnlySealedAndShownMasked() {
        String[] person = person();
        String id = person[0];
        String residentId = person[1];

        String row = DB.texts("select p::text from party p where id = ?::uuid", id).get(0);
        assertThat(row).doesNotContain(residentId).doesNotContain(NAME).doesNotContain(residentId.substring(6, 14))
                .contains("欧***").contains(residentId.substring(0, 6) + "***********" + residentId.substring(17));
        assertThat(DB.count("select count(*) from party where id = ?::uuid and sealed_with = 'test-2'"
                + " and identity_sealed is not null and name_sealed is not null and identity_unsealed is null", id))
                .isEqualTo(1);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/parties/" + id).then().statusCode(200)
                .body("name", equalTo("欧***")).body("identity", equalTo(residentId.substring(0, 6) + "***********"
                        + residentId.substring(17)));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("identity", residentId)
                .get("/api/v1/parties").then().statusCode(200).body("[0].id", equalTo(id));
        // Nor does the event the other services read carry them.
        String event = DB.texts("select envelope from outbox_event where event_key = ? and event_type ="
                + " 'PartyRegistered'", id).get(0);
        assertThat(event).doesNotContain(residentId).doesNotContain(NAME).contains("欧***");
    }

    @Test
    void theRegulatorReadsThemInFullAndEachReadIsRecordedButAMaskedReadIsNot() {
        String id = person()[0];
        String residentId = DB.texts("select identity_shown from party where id = ?::uuid", id).get(0);

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/parties/" + id).then().statusCode(200);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/parties?region=BJ&type=INDIVIDUAL")
                .then().statusCode(200);
        assertThat(disclosures(id)).isZero();

        personalData(accessToken(DemoUser.REGULATOR), id, "court order (2025) Jing 01 Zhi 123").statusCode(200)
                .body("partyId", equalTo(id)).body("name", equalTo(NAME))
                .body("identity", org.hamcrest.Matchers.startsWith(residentId.substring(0, 6)))
                .body("identity", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("*")));
        personalData(accessToken(DemoUser.REGULATOR), id, "second look").statusCode(200);

        assertThat(disclosures(id)).isEqualTo(2);
        assertThat(DB.count("select count(*) from personal_data_disclosure where party_id = ?::uuid"
                + " and disclosed_to = 'regulator' and role = 'regulator' and purpose = 'court order (2025) Jing 01"
                + " Zhi 123' and route = 'GET /api/v1/parties/{id}/personal-data'", id)).isEqualTo(1);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("partyId", id)
                .get("/api/v1/personal-data-disclosures").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].purpose", equalTo("second look"))
                .body("[1].role", equalTo("regulator"));
        // The log cannot be rewritten.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DB.update(
                "delete from personal_data_disclosure where party_id = ?::uuid", id)).hasMessageContaining("append-only");
    }

    @Test
    void aPersonReadsItsOwnAndTheReadIsRecordedUnderItsRole() {
        String id = person()[0];
        String token = KeycloakTokens.participantToken("pd-" + id, id, "investor");

        personalData(token, id, "my own record").statusCode(200).body("name", equalTo(NAME));

        assertThat(DB.count("select count(*) from personal_data_disclosure where party_id = ?::uuid"
                + " and disclosed_to = ? and role = 'investor'", id, "pd-" + id)).isEqualTo(1);
    }

    @Test
    void nobodyElseReadsThemAndARefusedReadLeavesNoRecord() {
        String id = person()[0];
        RegistryFixtures.registerDemo(DemoUser.ENTITY_2);

        personalData(accessToken(DemoUser.ENTITY_2), id, "curious").statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_YOUR_PARTY"));
        personalData(accessToken(DemoUser.PROVINCE_HB), id, "curious").statusCode(403)
                .contentType("application/problem+json");
        personalData(accessToken(DemoUser.OPERATOR), id, "curious").statusCode(403);
        personalData(accessToken(DemoUser.REGULATOR), id, " ").statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/parties/" + id + "/personal-data")
                .then().statusCode(400);
        personalData(accessToken(DemoUser.REGULATOR), UUID.randomUUID().toString(), "x").statusCode(404)
                .body("code", equalTo("PARTY_NOT_FOUND"));
        assertThat(disclosures(id)).isZero();

        given().auth().oauth2(accessToken(DemoUser.PROVINCE_HB)).get("/api/v1/personal-data-disclosures")
                .then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).get("/api/v1/personal-data-disclosures")
                .then().statusCode(403);
    }

    @Test
    void anOrganisationsNameAndCreditCodeArePublicAndReadingThemDisclosesNothing() {
        String code = Identities.creditCode("420100");
        String id = register(Map.of("name", "Jingzhou Cement Co., Ltd.", "type", "COMPLIANCE_ENTITY", "region", "HB",
                "creditCode", code)).statusCode(201).extract().path("id");

        personalData(accessToken(DemoUser.REGULATOR), id, "listing").statusCode(200)
                .body("name", equalTo("Jingzhou Cement Co., Ltd.")).body("identity", equalTo(code));

        assertThat(disclosures(id)).isZero();
    }
}
