package cn.carbonmarket.registry.jurisdiction;

import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.testing.KeycloakTokens.authorityToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A jurisdiction's participants and holdings as its authority and the regulator see them, against the real database:
 * Chongqing's allowance held by an entity and a natural person (shown masked), moved into trading and surrendered;
 * and who may see which jurisdiction.
 */
@QuarkusTest
class JurisdictionViewTest {

    private static final String CQEA = "CQEA-2024";

    private static ValidatableResponse view(String token, String path, Object... query) {
        RequestSpecification request = given().auth().oauth2(token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/api/v1/jurisdictions/" + path).then().log().ifValidationFails();
    }

    /** Every participant of the jurisdiction, page by page. */
    private static List<Map<String, Object>> allParticipants(String token, String jurisdiction) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> listed = view(token, jurisdiction + "/participants", "page", page, "size", 500)
                    .statusCode(200).extract().jsonPath().getList("participants");
            all.addAll(listed);
            if (listed.size() < 500) {
                return all;
            }
        }
    }

    @Test
    void chongqingsParticipantsAndHoldingsAsItsAuthoritySeesThem() {
        String entity = RegistryFixtures.register(Identities.creditCode("500000"));
        String person = RegistryFixtures.freshIndividual("张三丰", "CQ", "500101");
        String period = "CQ-T" + UUID.randomUUID().toString().substring(0, 8);
        RegistryFixtures.issue(entity, CQEA, 3_000);
        RegistryFixtures.issue(person, CQEA, 40);
        given().auth().oauth2(RegistryFixtures.tokenOf(entity, "compliance-entity")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "m-" + UUID.randomUUID())
                .body(Map.of("account", "HOLDING-" + entity, "instrument", CQEA, "quantity", 1_000))
                .post("/api/v1/trading-moves").then().statusCode(201);
        RegistryFixtures.obligation(new RegistryFixtures.Obligation(period, entity, "CQEA-2025", 1, 500, 0, 0,
                "CEMENT", null));
        given().auth().oauth2(RegistryFixtures.tokenOf(entity, "compliance-entity")).contentType(ContentType.JSON)
                .body(Map.of("surrenderId", "S-" + UUID.randomUUID(), "partyId", entity, "periodId", period,
                        "lines", List.of(Map.of("instrument", CQEA, "quantity", 500))))
                .post("/api/v1/surrenders").then().statusCode(201);
        String chongqing = authorityToken("authority-cq", "CQ", null);

        List<Map<String, Object>> participants = allParticipants(chongqing, "CQ");
        assertThat(participants).filteredOn(p -> entity.equals(p.get("partyId"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.get("tonnes")).isEqualTo(2_500);
                    assertThat(p.get("type")).isEqualTo("COMPLIANCE_ENTITY");
                    assertThat(p.get("holdingAccount")).isEqualTo("HOLDING-" + entity);
                    assertThat(p.get("migratedFromPilot")).isEqualTo(false);
                });
        assertThat(participants).filteredOn(p -> person.equals(p.get("partyId"))).singleElement()
                .satisfies(p -> assertThat(p.get("name")).isEqualTo("张**"));
        assertThat(participants.toString()).doesNotContain("residentId").doesNotContain("creditCode");
        JsonPath counts = view(chongqing, "CQ/participants", "size", 1).statusCode(200).extract().jsonPath();
        assertThat(counts.getLong("total")).isEqualTo(participants.size());
        assertThat(counts.getLong("byType.INDIVIDUAL") + counts.getLong("byType.COMPLIANCE_ENTITY")
                + counts.getLong("byType.INSTITUTION")).isEqualTo(participants.size());
        assertThat(counts.getList("participants")).hasSize(1);

        JsonPath holdings = view(chongqing, "CQ/holdings").statusCode(200).extract().jsonPath();
        Map<String, Object> row = holdings.getMap("instruments.find { it.instrument == '" + CQEA + "' }");
        assertThat(row.get("available")).isEqualTo((int) DB.count("select coalesce(sum(h.quantity), 0) from holding h"
                + " join account a on a.id = h.account_id where a.party_id is not null and h.instrument = ?"
                + " and h.status = 'AVAILABLE'", CQEA));
        assertThat(row.get("inTrading")).isEqualTo((int) DB.count("select coalesce(sum(h.quantity), 0) from holding h"
                + " join account a on a.id = h.account_id where a.party_id is not null and h.instrument = ?"
                + " and h.status = 'IN_TRADING'", CQEA));
        assertThat(row.get("surrendered")).isEqualTo((int) DB.count("select coalesce(sum(quantity), 0) from holding"
                + " where account_id like 'SURRENDER-%' and instrument = ?", CQEA));
        assertThat(((Number) row.get("surrendered")).longValue()).isGreaterThanOrEqualTo(500);
        assertThat(((Number) row.get("holders")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(holdings.getList("instruments.instrument", String.class)).allMatch(i -> i.startsWith("CQEA-"));

        String csv = view(chongqing, "CQ/holdings", "format", "csv").statusCode(200).contentType("text/csv")
                .extract().asString();
        assertThat(csv.lines().findFirst()).contains("instrument,holders,available,in_trading,pledged,frozen,"
                + "surrendered");
        assertThat(csv).contains("\n" + CQEA + "," + row.get("holders") + "," + row.get("available") + ","
                + row.get("inTrading") + ",");
        String participantsCsv = given().auth().oauth2(chongqing).accept("text/csv").queryParam("size", 500)
                .get("/api/v1/jurisdictions/CQ/participants").then().statusCode(200).extract().asString();
        assertThat(participantsCsv.lines().findFirst())
                .contains("party_id,name,type,region,holding_account,tonnes,migrated_from_pilot");
    }

    @Test
    void aPilotsParticipantsIncludeTheHoldersItsRegistryWasMigratedTo() {
        List<Map<String, Object>> migrated = allParticipants(accessToken(DemoUser.REGULATOR), "TJ").stream()
                .filter(p -> Boolean.TRUE.equals(p.get("migratedFromPilot"))).toList();
        assertThat(migrated).hasSize((int) DB.count("select count(*) from pilot_holder where pilot = 'TJ'"));
    }

    @Test
    void anAuthorityOfAnotherPilotAndParticipantsSeeNothing() {
        String shenzhen = accessToken(DemoUser.AUTHORITY_SZ);
        view(shenzhen, "CQ/participants").statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
        view(shenzhen, "GD/holdings").statusCode(403).body("code", equalTo("NOT_YOUR_JURISDICTION"));
        view(shenzhen, "SZ/holdings").statusCode(200);
        view(accessToken(DemoUser.PROVINCE_HB), "CN/holdings", "format", "csv").statusCode(403)
                .body("code", equalTo("NOT_YOUR_JURISDICTION"));
        view(accessToken(DemoUser.ENTITY_1), "HB/participants").statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        view(accessToken(DemoUser.REGULATOR), "XX/holdings").statusCode(400);
        view(accessToken(DemoUser.REGULATOR), "CN/participants", "size", 0).statusCode(400);
    }
}
