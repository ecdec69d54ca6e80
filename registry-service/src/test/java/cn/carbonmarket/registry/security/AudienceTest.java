package cn.carbonmarket.registry.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry accepts only tokens issued for it (audience registry-service): the integrator's client, whose tokens
 * name trading and allocation, is refused as unauthenticated, before its roles are even looked at.
 */
@QuarkusTest
class AudienceTest {

    private static final Database DB = new Database("registry");

    @Test
    void anIntegratorsTokenCannotWriteToTheRegistryAndTheConsolesTokenCan() {
        String code = Identities.creditCode("420100");
        Map<String, Object> party = Map.of("name", "Audience Test Works", "type", "COMPLIANCE_ENTITY", "region", "HB",
                "creditCode", code);

        long parties = DB.count("select count(*) from party");
        given().auth().oauth2(KeycloakTokens.serviceToken("integrator")).contentType(ContentType.JSON).body(party)
                .when().post("/api/v1/parties").then().statusCode(401);
        assertThat(DB.count("select count(*) from party")).isEqualTo(parties);

        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(party)
                .when().post("/api/v1/parties").then().statusCode(201);
    }
}
