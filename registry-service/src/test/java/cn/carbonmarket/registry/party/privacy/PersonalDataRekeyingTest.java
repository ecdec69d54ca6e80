package cn.carbonmarket.registry.party.privacy;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.party.PersonalDataRekeying;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * A key rotation: the test profile's current keys are test-2, its previous ones test-1. A row left under test-1 is
 * still found and read, and the re-keying brings it under test-2; a row written before V13 (identity unsealed) is
 * indexed and sealed the same way.
 */
@QuarkusTest
class PersonalDataRekeyingTest {

    private static final Database DB = RegistryFixtures.DB;

    /** Its bean is the readiness check too, hence the qualifier. */
    @Inject
    @Readiness
    PersonalDataRekeying rekeying;

    @ConfigProperty(name = "registry.identity.previous-blind-index-keys")
    String previousIndexKey;

    @ConfigProperty(name = "registry.personal-data.previous-keys")
    String previousFieldKey;

    private static Map<String, Object> person(String name, String residentId) {
        return Map.of("name", name, "type", "INDIVIDUAL", "region", "BJ", "residentId", residentId);
    }

    private static String register(Map<String, Object> body, int status) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/parties").then().statusCode(status).extract().path("id");
    }

    private static String fullName(String id) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("purpose", "rotation test")
                .get("/api/v1/parties/" + id + "/personal-data").then().statusCode(200).extract().path("name");
    }

    @Test
    void aRowUnderThePreviousKeysIsStillFoundAndReadAndIsReKeyedUnderTheCurrentOnes() {
        String residentId = RegistryFixtures.residentId("110105");
        String id = register(person("司马光", residentId), 201);
        // Written as the registry wrote it before the rotation, under test-1.
        BlindIndex oldIndex = new BlindIndex(KeyRing.parse("old", previousIndexKey, null, 32));
        FieldCipher oldCipher = new FieldCipher(KeyRing.parse("old", previousFieldKey, null, FieldCipher.KEY_BYTES));
        ResidentIdentityNumber identity = ResidentIdentityNumber.parse(residentId);
        DB.update("update party set identity_index = ?, indexed_with = 'test-1', identity_sealed = ?,"
                        + " name_sealed = ?, sealed_with = 'test-1' where id = ?::uuid", oldIndex.of(identity),
                oldCipher.seal(id, "identity", residentId), oldCipher.seal(id, "name", "司马光"), id);

        assertThat(register(person("司马光", residentId), 200)).isEqualTo(id);
        assertThat(fullName(id)).isEqualTo("司马光");

        assertThat(rekeying.rekeyAll().await().atMost(Duration.ofMinutes(1))).isPositive();

        assertThat(DB.count("select count(*) from party where id = ?::uuid and indexed_with = 'test-2'"
                + " and sealed_with = 'test-2' and identity_index <> ?", id, oldIndex.of(identity))).isEqualTo(1);
        assertThat(DB.count("select count(*) from party where indexed_with <> 'test-2' or sealed_with <> 'test-2'"
                + " or identity_unsealed is not null")).isZero();
        assertThat(register(person("司马光", residentId), 200)).isEqualTo(id);
        assertThat(fullName(id)).isEqualTo("司马光");
    }

    @Test
    void aRowWrittenBeforeSealingIsIndexedAndSealedAndKeepsItsId() {
        String residentId = RegistryFixtures.residentId("110105");
        String id = UUID.randomUUID().toString();
        // The shape V13 found: the identity and the full name in the clear.
        DB.update("insert into party (id, name, type, region, identity_unsealed, registered_at, registered_by)"
                + " values (?::uuid, '王安石', 'INDIVIDUAL', 'BJ', ?, now(), 'regulator')", id, residentId);
        DB.update("insert into account (id, party_id, type, state, opened_at) values (?, ?::uuid, 'HOLDING', 'OPEN',"
                + " now())", "HOLDING-" + id, id);

        rekeying.rekeyAll().await().atMost(Duration.ofMinutes(1));

        String row = DB.texts("select p::text from party p where id = ?::uuid", id).get(0);
        assertThat(row).doesNotContain(residentId).doesNotContain("王安石").contains("王**");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(person("王安石", residentId)).post("/api/v1/parties").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("王**"));
        assertThat(fullName(id)).isEqualTo("王安石");
    }
}
