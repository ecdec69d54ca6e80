package cn.carbonmarket.registry.party;

import static cn.carbonmarket.registry.RegistryFixtures.AUCTIONEER;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.DELIVERY;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The national auctioneer, registered by the registry itself at start, once however often the service starts. */
@QuarkusTest
class AuctioneerTest {

    @Inject
    Auctioneers auctioneers;

    @Test
    void theAuctioneerIsRegisteredOnceHoldingTheAuctionDeliveryAccount() throws Exception {
        // The service registered it at start (in this run or an earlier one): registering again, as every start and
        // every replica does, changes nothing and publishes nothing.
        assertThat(List.of(auctioneers.register().await().indefinitely(),
                auctioneers.register().await().indefinitely())).containsExactly(false, false);

        assertThat(DB.count("select count(*) from party where id = ?::uuid and type = 'INSTITUTION'"
                + " and name = 'National allowance auctioneer (CN)' and region = 'BJ' and identity_index is null",
                AUCTIONEER)).isEqualTo(1);
        assertThat(DB.texts("select party_id::text from account where id = ?", DELIVERY)).containsExactly(AUCTIONEER);
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'PartyRegistered'"
                + " and event_key = ?", AUCTIONEER)).isEqualTo(1);
        // Other services' tests publish their own PartyRegistered of the auctioneer on the shared test topic.
        JsonNode registered = new ObjectMapper().readTree(new KafkaTopic("registry.parties").await(r ->
                AUCTIONEER.equals(r.key()) && r.value().contains("\"holdingAccount\":\"" + DELIVERY + "\""),
                Duration.ofSeconds(20)).value());
        assertThat(registered.get("type").asText()).isEqualTo("PartyRegistered");
        assertThat(registered.get("producer").asText()).isEqualTo("registry-service");
        assertThat(registered.at("/payload/type").asText()).isEqualTo("INSTITUTION");
        assertThat(registered.at("/payload/region").asText()).isEqualTo("BJ");

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/parties/" + AUCTIONEER).then()
                .statusCode(200)
                .body("name", equalTo("National allowance auctioneer (CN)"))
                .body("identity", nullValue())
                .body("holdingAccount.id", equalTo(DELIVERY))
                .body("registeredBy", equalTo("registry-service"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/accounts/" + DELIVERY).then()
                .statusCode(200).body("partyId", equalTo(AUCTIONEER));
    }
}
