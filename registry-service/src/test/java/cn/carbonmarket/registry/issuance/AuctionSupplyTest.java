package cn.carbonmarket.registry.issuance;

import static cn.carbonmarket.registry.RegistryFixtures.AUCTIONEER;
import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.DELIVERY;
import static cn.carbonmarket.registry.RegistryFixtures.ISSUANCE;
import static cn.carbonmarket.registry.RegistryFixtures.RESERVE;
import static cn.carbonmarket.registry.RegistryFixtures.auctionSupply;
import static cn.carbonmarket.registry.RegistryFixtures.awaitInstruction;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.instruct;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static cn.carbonmarket.registry.RegistryFixtures.reserveSetAside;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A primary auction's supply and the stability reserve over allocation's real issuance stream: the volume issued to
 * the auctioneer and released from the reserve into trading in one go, once per instruction id, or refused whole;
 * set-asides into the reserve; and nobody else moving units in or out of it.
 */
@QuarkusTest
class AuctionSupplyTest {

    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    private static final KafkaTopic ANSWERS = new KafkaTopic("registry.transactions");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long bookings(String key) {
        return DB.count("select count(*) from registry_transaction where idempotency_key = ?",
                "system/allocation-service:" + key);
    }

    private static String type(String key) {
        return DB.texts("select type from registry_transaction where idempotency_key = ?",
                "system/allocation-service:" + key).get(0);
    }

    private static long published(String type, String reference) {
        return DB.count("select count(*) from outbox_event where event_type = ? and envelope like ?", type,
                "%\"reference\":\"" + reference + "\"%");
    }

    /** The TransactionBooked whose reference is {@code reference}, read from registry.transactions. */
    private static JsonNode booked(String reference) throws Exception {
        return JSON.readTree(ANSWERS.await(r -> r.value().contains("\"type\":\"TransactionBooked\"")
                && r.value().contains("\"reference\":\"" + reference + "\""), Duration.ofSeconds(20)).value());
    }

    private static long reserve() {
        return quantity(RESERVE, CEA, "AVAILABLE");
    }

    private static void setAside(long tonnes) {
        String id = "SETASIDE-" + UUID.randomUUID();
        instruct(id, reserveSetAside(id, tonnes), "BOOKED");
    }

    @Test
    void aSetAsideMovesIssuedUnitsIntoTheReserveOnce() throws Exception {
        long issued = quantity(ISSUANCE, CEA, "AVAILABLE");
        long reserved = reserve();
        String id = "SETASIDE-" + UUID.randomUUID();
        String json = reserveSetAside(id, 700);
        instruct(id, json, "BOOKED");
        INSTRUCTIONS.send(id, json);
        INSTRUCTIONS.send(id, reserveSetAside(id, 700));
        String marker = "SETASIDE-" + UUID.randomUUID();
        instruct(marker, reserveSetAside(marker, 1), "BOOKED");

        assertThat(bookings(id)).isEqualTo(1);
        assertThat(type(id)).isEqualTo("RESERVE_INTAKE");
        assertThat(reserve()).isEqualTo(reserved + 701);
        assertThat(quantity(ISSUANCE, CEA, "AVAILABLE")).isEqualTo(issued - 701);
        JsonNode event = booked(id);
        assertThat(event.at("/payload/type").asText()).isEqualTo("RESERVE_INTAKE");
        assertThat(event.at("/payload/lines/0/account").asText()).isEqualTo(ISSUANCE);
        assertThat(event.at("/payload/lines/0/delta").asLong()).isEqualTo(-700);
        assertThat(event.at("/payload/lines/1/account").asText()).isEqualTo(RESERVE);
        assertThat(event.at("/payload/lines/1/delta").asLong()).isEqualTo(700);
        assertThat(published("TransactionBooked", id)).isEqualTo(1);
    }

    @Test
    void aSupplyIsIssuedReleasedAndMovedIntoTradingInTheAuctioneersNameOnce() throws Exception {
        setAside(400);
        long issued = quantity(ISSUANCE, CEA, "AVAILABLE");
        long reserved = reserve();
        long inTrading = quantity(DELIVERY, CEA, "IN_TRADING");
        long available = quantity(DELIVERY, CEA, "AVAILABLE");
        String id = "AUCSUP-" + UUID.randomUUID();
        String json = auctionSupply(id, 5_000, 300);
        instruct(id, json, "BOOKED");
        INSTRUCTIONS.send(id, json);
        INSTRUCTIONS.send(id, auctionSupply(id, 5_000, 300));
        String marker = "AUCSUP-" + UUID.randomUUID();
        instruct(marker, auctionSupply(marker, 1, 0), "BOOKED");

        assertThat(quantity(ISSUANCE, CEA, "AVAILABLE")).isEqualTo(issued - 5_001);
        assertThat(reserve()).isEqualTo(reserved - 300);
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading + 5_301);
        assertThat(quantity(DELIVERY, CEA, "AVAILABLE")).isEqualTo(available);
        assertThat(bookings(id + "/ISSUE")).isEqualTo(1);
        assertThat(bookings(id + "/RESERVE")).isEqualTo(1);
        assertThat(bookings(id)).isEqualTo(1);
        assertThat(type(id + "/ISSUE")).isEqualTo("AUCTION_DELIVERY");
        assertThat(type(id + "/RESERVE")).isEqualTo("RESERVE_RELEASE");
        assertThat(type(id)).isEqualTo("TO_TRADING");
        assertThat(DB.count("select count(distinct t.booked_at) from registry_transaction t"
                + " where t.idempotency_key like ?", "system/allocation-service:" + id + "%"))
                .as("booked together").isEqualTo(1);
        assertThat(DB.texts("select transaction_id::text from issuance_instruction where instruction_id = ?", id))
                .containsExactly(DB.texts("select id::text from registry_transaction where idempotency_key = ?",
                        "system/allocation-service:" + id).get(0));

        // Settlement credits the auctioneer's unit position from the move into trading, named by its lines.
        JsonNode toTrading = booked(id);
        assertThat(toTrading.at("/key").asText()).isEqualTo(AUCTIONEER);
        assertThat(toTrading.at("/payload/type").asText()).isEqualTo("TO_TRADING");
        for (JsonNode line : toTrading.at("/payload/lines")) {
            assertThat(line.get("account").asText()).isEqualTo(DELIVERY);
            assertThat(line.get("partyId").asText()).isEqualTo(AUCTIONEER);
            assertThat(line.get("delta").asLong()).isEqualTo(line.get("status").asText().equals("IN_TRADING")
                    ? 5_300 : -5_300);
        }
        JsonNode issue = booked(id + "/ISSUE");
        assertThat(issue.at("/payload/type").asText()).isEqualTo("AUCTION_DELIVERY");
        assertThat(issue.at("/payload/lines/1/account").asText()).isEqualTo(DELIVERY);
        assertThat(issue.at("/payload/lines/1/partyId").asText()).isEqualTo(AUCTIONEER);
        assertThat(issue.at("/payload/lines/1/delta").asLong()).isEqualTo(5_000);
        JsonNode release = booked(id + "/RESERVE");
        assertThat(release.at("/payload/lines/0/account").asText()).isEqualTo(RESERVE);
        assertThat(release.at("/payload/lines/0/delta").asLong()).isEqualTo(-300);
        assertThat(release.at("/payload/lines/1/partyId").asText()).isEqualTo(AUCTIONEER);
        assertThat(published("TransactionBooked", id)).isEqualTo(1);
        assertThat(published("TransactionBooked", id + "/RESERVE")).isEqualTo(1);
    }

    @Test
    void aSupplyAskingMoreThanTheReserveHoldsIsRefusedWholeUntilResentOnceItHoldsEnough() throws Exception {
        long reserved = reserve();
        long issued = quantity(ISSUANCE, CEA, "AVAILABLE");
        long inTrading = quantity(DELIVERY, CEA, "IN_TRADING");
        String id = "AUCSUP-" + UUID.randomUUID();
        String json = auctionSupply(id, 1_000, reserved + 10);
        instruct(id, json, "REFUSED");

        assertThat(bookings(id + "/ISSUE") + bookings(id + "/RESERVE") + bookings(id)).isZero();
        assertThat(reserve()).isEqualTo(reserved);
        assertThat(quantity(ISSUANCE, CEA, "AVAILABLE")).isEqualTo(issued);
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading);
        JsonNode refused = JSON.readTree(ANSWERS.await(r -> id.equals(r.key())
                && r.value().contains("IssuanceRefused"), Duration.ofSeconds(20)).value());
        assertThat(refused.at("/payload/code").asText()).isEqualTo("RESERVE_SHORT");
        assertThat(refused.at("/payload/reason").asText()).contains(RESERVE);
        assertThat(DB.count("select count(*) from issuance_instruction where instruction_id = ?"
                + " and refusal_code = 'RESERVE_SHORT' and reason = 'AUCTION_SUPPLY'", id)).isEqualTo(1);

        setAside(10);
        INSTRUCTIONS.send(id, json);
        awaitInstruction(id, "BOOKED");
        assertThat(reserve()).isZero();
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading + 1_000 + reserved + 10);
    }

    @Test
    void aSupplyOfNothingOrOfAPilotsAllowanceIsRefused() {
        String none = "AUCSUP-" + UUID.randomUUID();
        instruct(none, auctionSupply(none, 0, 5), "REFUSED");
        assertThat(DB.count("select count(*) from issuance_instruction where instruction_id = ?"
                + " and refusal_code = 'INVALID_QUANTITY'", none)).isEqualTo(1);

        String pilot = "AUCSUP-" + UUID.randomUUID();
        instruct(pilot, auctionSupply(pilot, "HBEA-2021", 100, 0), "REFUSED");
        assertThat(bookings(pilot + "/ISSUE") + bookings(pilot)).isZero();
        assertThat(DB.count("select count(*) from issuance_instruction where instruction_id = ?"
                + " and refusal_code = 'ACCOUNT_NOT_FOUND'", pilot)).as("HB has no auction delivery account")
                .isEqualTo(1);
    }

    @Test
    void participantsCannotMoveUnitsInOrOutOfTheReserveAndOnlyTheRegulatorSeesIt() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 100);
        setAside(50);
        long reserved = reserve();
        long own = quantity(holdingOf(DemoUser.ENTITY_1), CEA, "AVAILABLE");

        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "r-" + UUID.randomUUID(), Map.of(
                        "fromAccount", RESERVE, "toAccount", holdingOf(DemoUser.ENTITY_1), "instrument", CEA,
                        "quantity", 10))
                .statusCode(403).body("code", equalTo("NOT_YOUR_ACCOUNT"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/trading-moves", "r-" + UUID.randomUUID(), Map.of(
                        "account", RESERVE, "instrument", CEA, "quantity", 10))
                .statusCode(403).body("code", equalTo("NOT_YOUR_ACCOUNT"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "r-" + UUID.randomUUID(), Map.of(
                        "fromAccount", holdingOf(DemoUser.ENTITY_1), "toAccount", RESERVE, "instrument", CEA,
                        "quantity", 10))
                .statusCode(422).body("code", equalTo("NOT_PERMITTED"));
        RegistryFixtures.post(DemoUser.ENTITY_1, "/api/v1/transfers", "r-" + UUID.randomUUID(), Map.of(
                        "fromAccount", holdingOf(DemoUser.ENTITY_1), "toAccount", DELIVERY, "instrument", CEA,
                        "quantity", 10))
                .statusCode(422).body("code", equalTo("NOT_PERMITTED"));
        RegistryFixtures.post(DemoUser.REGULATOR, "/api/v1/freeze-orders", "r-" + UUID.randomUUID(), Map.of(
                        "account", RESERVE, "instrument", CEA, "quantity", 10, "reason", "test", "authority", "court"))
                .statusCode(422).body("code", equalTo("NOT_PERMITTED"));
        assertThat(reserve()).isEqualTo(reserved);
        assertThat(quantity(holdingOf(DemoUser.ENTITY_1), CEA, "AVAILABLE")).isEqualTo(own);

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/accounts/" + RESERVE).then()
                .statusCode(200).body("type", equalTo("STABILITY_RESERVE"))
                .body("holdings.find { it.instrument == 'CEA-2025' && it.status == 'AVAILABLE' }.quantity",
                        equalTo((int) reserved));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR))
                .get("/api/v1/accounts/" + RESERVE + "/transactions?type=RESERVE_INTAKE").then()
                .statusCode(200).body("type", hasItem("RESERVE_INTAKE"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).get("/api/v1/accounts/" + RESERVE).then()
                .statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).get("/api/v1/accounts/" + RESERVE + "/transactions")
                .then().statusCode(403);
    }
}
