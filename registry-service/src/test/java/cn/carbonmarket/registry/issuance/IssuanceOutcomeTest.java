package cn.carbonmarket.registry.issuance;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.freshEntity;
import static cn.carbonmarket.registry.RegistryFixtures.instruction;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.RegistryFixtures.Recipient;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What becomes of allocation's issuance instructions, over the real topics: claw-backs returned from what is held
 * with the rest owed as allocation debt, refusals answered with IssuanceRefused, each once per instruction id.
 */
@QuarkusTest
class IssuanceOutcomeTest {

    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    private static final KafkaTopic ANSWERS = new KafkaTopic("registry.transactions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUANCE = "NATIONAL_ISSUANCE-CN";

    private static String send(String instructionId, String reason, Recipient... recipients) {
        String json = instruction(instructionId, reason, recipients);
        INSTRUCTIONS.send(instructionId, json);
        return json;
    }

    private static void awaitOutcome(String instructionId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from issuance_instruction"
                + " where instruction_id = ? and status = ?", instructionId, status) == 1);
    }

    private static long available(String party) {
        return RegistryFixtures.quantity("HOLDING-" + party, CEA, "AVAILABLE");
    }

    /** The registry's answer of this type to the instruction, read from registry.transactions. */
    private static JsonNode answer(String type, String instructionId) throws Exception {
        return JSON.readTree(ANSWERS.await(r -> instructionId.equals(r.key())
                && r.value().contains("\"type\":\"" + type + "\""), Duration.ofSeconds(20)).value());
    }

    private static long published(String type, String instructionId) {
        return DB.count("select count(*) from outbox_event where event_type = ? and event_key = ?", type,
                instructionId);
    }

    private static long bookings(String instructionId) {
        return DB.count("select count(*) from registry_transaction where idempotency_key = ?",
                "system/allocation-service:" + instructionId);
    }

    private static long debt(String instructionId, String party) {
        return DB.count("select coalesce(sum(tonnes), 0) from allocation_debt where instruction_id = ?"
                + " and party_id = ?::uuid", instructionId, party);
    }

    @Test
    void aClawBackCoveredByTheHoldingReturnsItAllToTheIssuanceAccount() throws Exception {
        String party = freshEntity();
        RegistryFixtures.issue(party, 1_000);
        String id = "CLAW-" + UUID.randomUUID();
        send(id, "CLAW_BACK", new Recipient(party, 400));
        awaitOutcome(id, "RETURNED");

        assertThat(available(party)).isEqualTo(600);
        assertThat(DB.count("select count(*) from allocation_debt where instruction_id = ?", id)).isZero();
        JsonNode returned = answer("AllocationReturned", id);
        String transactionId = returned.at("/payload/transactionId").asText();
        assertThat(returned.at("/payload/instrument").asText()).isEqualTo(CEA);
        assertThat(returned.at("/payload/returns/0/partyId").asText()).isEqualTo(party);
        assertThat(returned.at("/payload/returns/0/requested").asLong()).isEqualTo(400);
        assertThat(returned.at("/payload/returns/0/returned").asLong()).isEqualTo(400);
        assertThat(returned.at("/payload/returns/0/debt").asLong()).isZero();
        assertThat(DB.texts("select transaction_id::text from issuance_instruction where instruction_id = ?", id))
                .containsExactly(transactionId);

        JsonNode booked = JSON.readTree(ANSWERS.await(r -> r.value().contains(transactionId)
                && r.value().contains("TransactionBooked"), Duration.ofSeconds(20)).value());
        assertThat(booked.at("/payload/type").asText()).isEqualTo("ALLOCATION_RETURN");
        assertThat(booked.at("/payload/reference").asText()).isEqualTo(id);
        assertThat(booked.at("/payload/lines/0/account").asText()).isEqualTo(ISSUANCE);
        assertThat(booked.at("/payload/lines/0/delta").asLong()).isEqualTo(400);
        assertThat(booked.at("/payload/lines/1/account").asText()).isEqualTo("HOLDING-" + party);
        assertThat(booked.at("/payload/lines/1/delta").asLong()).isEqualTo(-400);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/accounts/HOLDING-" + party
                        + "/transactions?type=ALLOCATION_RETURN")
                .then().statusCode(200).body("[0].id", equalTo(transactionId));
    }

    @Test
    void aClawBackBeyondTheHoldingsReturnsWhatIsHeldAndRecordsTheRestAsDebt() throws Exception {
        String holder = freshEntity();
        RegistryFixtures.issue(holder, 300);
        String emptyHanded = freshEntity();
        String id = "CLAW-" + UUID.randomUUID();
        send(id, "CLAW_BACK", new Recipient(holder, 1_000), new Recipient(emptyHanded, 50));
        awaitOutcome(id, "RETURNED");

        assertThat(available(holder)).isZero();
        assertThat(debt(id, holder)).isEqualTo(700);
        assertThat(debt(id, emptyHanded)).isEqualTo(50);
        JsonNode returned = answer("AllocationReturned", id);
        assertThat(returned.at("/payload/transactionId").isNull()).isFalse();
        assertThat(returned.at("/payload/returns/0/returned").asLong()).isEqualTo(300);
        assertThat(returned.at("/payload/returns/0/debt").asLong()).isEqualTo(700);
        assertThat(returned.at("/payload/returns/1/requested").asLong()).isEqualTo(50);
        assertThat(returned.at("/payload/returns/1/returned").asLong()).isZero();
        assertThat(returned.at("/payload/returns/1/debt").asLong()).isEqualTo(50);
        assertThat(DB.count("select count(*) from transaction_line l join registry_transaction t"
                + " on t.id = l.transaction_id where t.idempotency_key = ?",
                "system/allocation-service:" + id)).as("no line for the recipient that had nothing").isEqualTo(2);

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("partyId", holder)
                .get("/api/v1/allocation-debts").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].instrument", equalTo(CEA))
                .body("[0].tonnes", equalTo(700))
                .body("[0].instructions[0].instructionId", equalTo(id))
                .body("[0].instructions[0].tonnes", equalTo(700));
    }

    @Test
    void aClawBackOfUnitsNoLongerHeldBooksNothingAndOwesItAll() throws Exception {
        String party = freshEntity();
        String id = "CLAW-" + UUID.randomUUID();
        send(id, "CLAW_BACK", new Recipient(party, 80));
        awaitOutcome(id, "RETURNED");

        assertThat(bookings(id)).isZero();
        assertThat(debt(id, party)).isEqualTo(80);
        JsonNode returned = answer("AllocationReturned", id);
        assertThat(returned.at("/payload/transactionId").isNull()).isTrue();
        assertThat(returned.at("/payload/returns/0/debt").asLong()).isEqualTo(80);
    }

    @Test
    void aClawBackDeliveredAgainReturnsAndPublishesNothingMore() {
        String party = freshEntity();
        RegistryFixtures.issue(party, 500);
        String id = "CLAW-" + UUID.randomUUID();
        String json = send(id, "CLAW_BACK", new Recipient(party, 800));
        awaitOutcome(id, "RETURNED");
        // Units arriving afterwards must not be taken by a second delivery.
        RegistryFixtures.issue(party, 100);

        INSTRUCTIONS.send(id, json);
        INSTRUCTIONS.send(id, instruction(id, "CLAW_BACK", new Recipient(party, 800)));
        // The same partition delivers in order: once the marker is carried out, both deliveries have been handled.
        String marker = "CLAW-" + UUID.randomUUID();
        INSTRUCTIONS.send(id, instruction(marker, "CLAW_BACK", new Recipient(party, 1)));
        awaitOutcome(marker, "RETURNED");

        assertThat(available(party)).isEqualTo(99);
        assertThat(bookings(id)).isEqualTo(1);
        assertThat(debt(id, party)).isEqualTo(300);
        assertThat(DB.count("select count(*) from allocation_debt where instruction_id = ?", id)).isEqualTo(1);
        assertThat(published("AllocationReturned", id)).isEqualTo(1);
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'TransactionBooked'"
                + " and envelope like ?", "%\"reference\":\"" + id + "\"%")).isEqualTo(1);
    }

    @Test
    void aClawBackRacingTransfersOfTheSameUnitsReturnsOnlyWhatTheyLeft() throws Exception {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 3_000);
        String entity2 = DemoUser.ENTITY_2.partyId();
        String receiver = freshEntity();
        long before = available(entity2);
        String id = "CLAW-" + UUID.randomUUID();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Integer>>> transfers = IntStream.range(0, 3).mapToObj(i -> senders.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (statuses.size() < 500 && DB.count("select count(*) from issuance_instruction"
                        + " where instruction_id = ?", id) == 0) {
                    statuses.add(RegistryFixtures.post(DemoUser.ENTITY_2, "/api/v1/transfers", "race-" + UUID.randomUUID(),
                            Map.of("fromAccount", "HOLDING-" + entity2, "toAccount", "HOLDING-" + receiver,
                                    "instrument", CEA, "quantity", 10)).extract().statusCode());
                }
                return statuses;
            })).toList();
            // The claw-back is sent once transfers are under way, so that it lands among them.
            await().atMost(Duration.ofSeconds(30)).until(() -> available(receiver) >= 30);
            send(id, "CLAW_BACK", new Recipient(entity2, before));
            awaitOutcome(id, "RETURNED");
            for (Future<List<Integer>> statuses : transfers) {
                assertThat(statuses.get(60, TimeUnit.SECONDS)).allMatch(status -> status == 201 || status == 422);
            }
        } finally {
            senders.shutdownNow();
        }

        JsonNode returned = answer("AllocationReturned", id);
        long taken = returned.at("/payload/returns/0/returned").asLong();
        long transferred = available(receiver);
        assertThat(taken + returned.at("/payload/returns/0/debt").asLong()).isEqualTo(before);
        assertThat(taken + transferred).as("what left the holding, by claw-back or transfer")
                .isEqualTo(before - available(entity2));
        assertThat(debt(id, entity2)).isEqualTo(before - taken);
    }

    @Test
    void anIssuanceToAPartyWithoutAHoldingAccountIsRefusedWholeUntilResentOnceItHasOne() throws Exception {
        String unregistered = PartyId.newAt(Instant.now()).toString();
        String other = freshEntity();
        String id = "ALLOC-" + UUID.randomUUID();
        String json = send(id, "FREE_ALLOCATION", new Recipient(other, 100), new Recipient(unregistered, 200));
        awaitOutcome(id, "REFUSED");

        assertThat(bookings(id)).isZero();
        assertThat(available(other)).isZero();
        assertThat(DB.count("select count(*) from issuance_instruction where instruction_id = ?"
                + " and refusal_code = 'ACCOUNT_NOT_FOUND'", id)).isEqualTo(1);
        JsonNode refused = answer("IssuanceRefused", id);
        assertThat(refused.at("/payload/instructionId").asText()).isEqualTo(id);
        assertThat(refused.at("/payload/code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(refused.at("/payload/reason").asText()).contains("HOLDING-" + unregistered);

        // Every refusal is answered, so that allocation hears each.
        INSTRUCTIONS.send(id, json);
        await().atMost(Duration.ofSeconds(30)).until(() -> published("IssuanceRefused", id) == 2);

        // The party is admitted meanwhile. Its id is random, so no registration can give it the one the instruction
        // names: its row and holding account are written as an admission writes them.
        DB.update("insert into party (id, name, type, region, registered_at, registered_by)"
                + " values (?::uuid, 'Late Entity', 'COMPLIANCE_ENTITY', 'HB', now(), 'test')", unregistered);
        DB.update("insert into account (id, party_id, type, state, opened_at)"
                + " values (?, ?::uuid, 'HOLDING', 'OPEN', now())", "HOLDING-" + unregistered, unregistered);
        INSTRUCTIONS.send(id, json);
        awaitOutcome(id, "BOOKED");
        assertThat(available(other)).isEqualTo(100);
        assertThat(available(unregistered)).isEqualTo(200);

        INSTRUCTIONS.send(id, json);
        String marker = "ALLOC-" + UUID.randomUUID();
        INSTRUCTIONS.send(id, instruction(marker, "FREE_ALLOCATION", new Recipient(other, 1)));
        awaitOutcome(marker, "BOOKED");
        assertThat(bookings(id)).isEqualTo(1);
        assertThat(available(other)).isEqualTo(101);
        assertThat(published("IssuanceRefused", id)).isEqualTo(2);
    }

    @Test
    void aClawBackFromAFrozenAccountIsRefusedAndOwesNothing() throws Exception {
        String party = freshEntity();
        RegistryFixtures.issue(party, 200);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("reason", "enforcement ruling", "authority", "a court"))
                .post("/api/v1/accounts/HOLDING-" + party + "/freeze").then().statusCode(200);
        String id = "CLAW-" + UUID.randomUUID();
        send(id, "CLAW_BACK", new Recipient(party, 150));
        awaitOutcome(id, "REFUSED");

        assertThat(answer("IssuanceRefused", id).at("/payload/code").asText()).isEqualTo("ACCOUNT_NOT_OPEN");
        assertThat(available(party)).isEqualTo(200);
        assertThat(bookings(id)).isZero();
        assertThat(DB.count("select count(*) from allocation_debt where instruction_id = ?", id)).isZero();
        assertThat(published("AllocationReturned", id)).isZero();
    }

    @Test
    void anEntitySeesItsOwnAllocationDebtsAndNoOneElses() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 10);
        String entity2 = DemoUser.ENTITY_2.partyId();
        long held = available(entity2);
        String id = "CLAW-" + UUID.randomUUID();
        send(id, "CLAW_BACK", new Recipient(entity2, held + 25));
        awaitOutcome(id, "RETURNED");

        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).queryParam("partyId", entity2)
                .get("/api/v1/allocation-debts").then().statusCode(200)
                .body("find { it.instrument == 'CEA-2025' }.instructions.instructionId", hasItem(id));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).queryParam("partyId", entity2)
                .get("/api/v1/allocation-debts").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_YOUR_PARTY"));
        given().auth().oauth2(accessToken(DemoUser.INVESTOR_1)).queryParam("partyId", DemoUser.INVESTOR_1.partyId())
                .get("/api/v1/allocation-debts").then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("partyId", "not-a-party")
                .get("/api/v1/allocation-debts").then().statusCode(400).body("errors.field", hasItem("partyId"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/allocation-debts")
                .then().statusCode(400);
        given().get("/api/v1/allocation-debts?partyId=" + entity2).then().statusCode(401);
    }
}
