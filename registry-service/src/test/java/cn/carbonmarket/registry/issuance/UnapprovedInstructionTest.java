package cn.carbonmarket.registry.issuance;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.freshEntity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.signing.Ed25519Signer;
import cn.carbonmarket.contracts.signing.NamedKey;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.SignedInstructions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The registry books issuance only against what allocation approved and signed: a record on the issuance topic that
 * is unsigned, signed with another key, changed after signing, or signed without naming an approval creates no units,
 * and is answered with IssuanceRefused UNAPPROVED_INSTRUCTION.
 */
@QuarkusTest
class UnapprovedInstructionTest {

    private static final KafkaTopic INSTRUCTIONS = new KafkaTopic("allocation.issuance-instructions");
    private static final KafkaTopic ANSWERS = new KafkaTopic("registry.transactions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUANCE = "NATIONAL_ISSUANCE-CN";

    /** Someone's own Ed25519 key, presented under allocation's key id. */
    private static final Ed25519Signer FORGER = forger();

    private static Ed25519Signer forger() {
        try {
            return new Ed25519Signer(new NamedKey("local-1",
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long available(String account) {
        return RegistryFixtures.quantity(account, CEA, "AVAILABLE");
    }

    private static IssuanceInstruction approved(String id, String party, long tonnes) {
        return SignedInstructions.approved(id, "FREE_ALLOCATION", CEA, SignedInstructions.recipient(party, tonnes));
    }

    private static IssuanceInstruction withTonnes(IssuanceInstruction i, long tonnes) {
        return new IssuanceInstruction(i.instructionId(), i.reason(), i.instrument(), List.of(
                new IssuanceInstruction.Recipient(i.recipients().get(0).partyId(),
                        cn.carbonmarket.contracts.unit.Units.of(tonnes))), i.approval(), i.signature());
    }

    private static IssuanceInstruction withApproval(IssuanceInstruction i, IssuanceInstruction.Approval approval) {
        return new IssuanceInstruction(i.instructionId(), i.reason(), i.instrument(), i.recipients(), approval);
    }

    /** The forgeries, each by what makes it one: every one is refused and books nothing. */
    private static final Map<String, Function<IssuanceInstruction, String>> FORGERIES = Map.of(
            "unsigned", SignedInstructions::envelope,
            "signed with another key under allocation's key id",
            i -> SignedInstructions.envelope(i.signedWith(FORGER.sign(i.signedContent()))),
            "quantity raised after signing",
            i -> SignedInstructions.envelope(withTonnes(SignedInstructions.signed(withTonnes(i, 1)), 5_000)),
            "validly signed but naming no approval",
            i -> SignedInstructions.envelope(SignedInstructions.signed(withApproval(i, null))),
            "validly signed, approved by nobody",
            i -> SignedInstructions.envelope(SignedInstructions.signed(withApproval(i,
                    new IssuanceInstruction.Approval(IssuanceInstruction.Basis.ALLOCATION_RUN,
                            UUID.randomUUID().toString(), " ", Instant.now())))),
            "validly signed, free allocation by an auction",
            i -> SignedInstructions.envelope(SignedInstructions.signed(withApproval(i,
                    new IssuanceInstruction.Approval(IssuanceInstruction.Basis.AUCTION, "AUC-1", "regulator",
                            Instant.now())))),
            "version 1, as written before instructions were signed",
            i -> """
                    {"eventId":"%s","type":"IssuanceInstruction","version":1,"occurredAt":"%s",\
                    "producer":"allocation-service","key":"%s","payload":{"instructionId":"%s",\
                    "reason":"FREE_ALLOCATION","instrument":"%s","recipients":[{"partyId":"%s","quantity":%d}]}}"""
                    .formatted(UUID.randomUUID(), Instant.now(), i.instructionId(), i.instructionId(), CEA,
                            i.recipients().get(0).partyId(), i.recipients().get(0).quantity().tonnes()));

    @Test
    void aForgedInstructionIsRefusedAndIssuesNothing() throws Exception {
        String party = freshEntity();
        String holding = "HOLDING-" + party;
        double refusedBefore = unapprovedCounter();
        for (Map.Entry<String, Function<IssuanceInstruction, String>> forgery : FORGERIES.entrySet()) {
            long issuanceBefore = available(ISSUANCE);
            String id = "ALLOC-" + UUID.randomUUID();
            INSTRUCTIONS.send(id, forgery.getValue().apply(approved(id, party, 5_000)));
            await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from issuance_instruction"
                    + " where instruction_id = ? and status = 'REFUSED' and refusal_code = 'UNAPPROVED_INSTRUCTION'",
                    id) == 1);

            assertThat(available(holding)).as(forgery.getKey()).isZero();
            assertThat(available(ISSUANCE)).as(forgery.getKey()).isEqualTo(issuanceBefore);
            assertThat(DB.count("select count(*) from registry_transaction where idempotency_key = ?",
                    "system/allocation-service:" + id)).as(forgery.getKey()).isZero();
            JsonNode refused = JSON.readTree(ANSWERS.await(r -> id.equals(r.key())
                    && r.value().contains("\"type\":\"IssuanceRefused\""), Duration.ofSeconds(20)).value());
            assertThat(refused.at("/payload/code").asText()).as(forgery.getKey()).isEqualTo("UNAPPROVED_INSTRUCTION");
        }
        assertThat(unapprovedCounter() - refusedBefore).isEqualTo(FORGERIES.size());
    }

    /** An approved instruction signed with allocation's key, once the registry has booked it; returns its id. */
    private static String booked(String party, long tonnes) {
        String id = "ALLOC-" + UUID.randomUUID();
        RegistryFixtures.instruct(id, SignedInstructions.envelope(SignedInstructions.signed(approved(id, party, tonnes))),
                "BOOKED");
        return id;
    }

    @Test
    void theSameInstructionSignedByAllocationIsBooked() {
        String party = freshEntity();
        booked(party, 5_000);
        assertThat(available("HOLDING-" + party)).isEqualTo(5_000);
    }

    @Test
    void aForgeryUnderTheIdOfABookedInstructionChangesNothing() {
        String party = freshEntity();
        String id = booked(party, 100);
        INSTRUCTIONS.send(id, SignedInstructions.envelope(approved(id, party, 9_000)));
        String marker = "ALLOC-" + UUID.randomUUID();
        // Same key, same partition: once the marker is booked the forgery has been handled.
        INSTRUCTIONS.send(id, RegistryFixtures.instruction(marker, "FREE_ALLOCATION",
                new RegistryFixtures.Recipient(party, 1)));
        RegistryFixtures.awaitInstruction(marker, "BOOKED");

        assertThat(available("HOLDING-" + party)).isEqualTo(101);
        assertThat(DB.count("select count(*) from issuance_instruction where instruction_id = ? and status = 'BOOKED'",
                id)).isEqualTo(1);
    }

    private static double unapprovedCounter() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("market_issuance_instructions_unapproved_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
