package cn.carbonmarket.registry;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.KeycloakTokens;
import cn.carbonmarket.testing.SignedInstructions;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What the registry's tests set up through the real service: parties, issued units, movements. */
public final class RegistryFixtures {

    public static final Database DB = new Database("registry");
    public static final String CEA = "CEA-2025";

    private RegistryFixtures() {
    }

    public static String holdingOf(DemoUser user) {
        return "HOLDING-" + user.partyId();
    }

    /**
     * Registers the demo user's party (idempotent) and points the user at the id the registry assigned (random: this
     * run's database is new), so that its tokens act for the party registered here; returns the id.
     */
    public static String registerDemo(DemoUser user) {
        String id = given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(user.registration()).post("/api/v1/parties").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        user.actFor(id);
        return id;
    }

    /** The party registered under this credit code or resident id, as the regulator finds it; null if none. */
    public static String partyOf(String identityCode) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).queryParam("identity", identityCode)
                .get("/api/v1/parties").then().statusCode(200).extract().path("[0].id");
    }

    /** Registers the demo user's party (idempotent) and gives it at least {@code tonnes} of AVAILABLE CEA-2025. */
    public static void partyWithAllowances(DemoUser user, long tonnes) {
        registerDemo(user);
        long missing = tonnes - quantity(holdingOf(user), CEA, "AVAILABLE");
        if (missing > 0) {
            issue(user.partyId(), missing);
        }
    }

    /** One recipient of an issuance instruction. */
    public record Recipient(String partyId, long tonnes) {
    }

    /** An issuance instruction of CEA-2025 as allocation-service publishes it, in a fresh envelope. */
    public static String instruction(String instructionId, String reason, Recipient... recipients) {
        return instruction(instructionId, reason, CEA, recipients);
    }

    /**
     * An issuance instruction of {@code instrument} as allocation-service publishes it, approved and signed with its
     * local development key, in a fresh envelope.
     */
    public static String instruction(String instructionId, String reason, String instrument,
                                     Recipient... recipients) {
        return SignedInstructions.json(instructionId, reason, instrument, Arrays.stream(recipients)
                .map(r -> SignedInstructions.recipient(r.partyId(), r.tonnes()))
                .toArray(IssuanceInstruction.Recipient[]::new));
    }

    /** Publishes an allocation instruction as allocation-service would, and waits until it is booked. */
    public static String issue(String partyId, long tonnes) {
        return issue(partyId, CEA, tonnes);
    }

    /** The same for units of {@code instrument}. */
    public static String issue(String partyId, String instrument, long tonnes) {
        String instructionId = "ALLOC-" + UUID.randomUUID();
        String json = instruction(instructionId, "FREE_ALLOCATION", instrument, new Recipient(partyId, tonnes));
        new KafkaTopic("allocation.issuance-instructions").send(instructionId, json);
        await().atMost(Duration.ofSeconds(90)).until(() -> DB.count(
                "select count(*) from registry_transaction where idempotency_key = ?",
                "system/allocation-service:" + instructionId) == 1);
        return json;
    }

    /**
     * Publishes an obligation of CEA-2025 as allocation-service would (offsets up to 5,000 t, borrowing up to
     * 10,000 t), without waiting for it. It carries no sector nor offset rules, as events written before them.
     */
    public static void publishObligation(String partyId, String periodId, int version, long tonnes) {
        publishObligation(new Obligation(periodId, partyId, CEA, version, tonnes, 5_000, 10_000, null, null));
    }

    /**
     * An obligation as ObligationSet carries it; {@code sector} and {@code offsetsJson} (the OffsetRules as JSON) are
     * left out when null.
     */
    public record Obligation(String periodId, String partyId, String instrument, int version, long tonnes,
                             long offsetLimit, long borrowingLimit, String sector, String offsetsJson) {
    }

    public static void publishObligation(Obligation o) {
        String optional = (o.sector() == null ? "" : ",\"sector\":\"" + o.sector() + "\"")
                + (o.offsetsJson() == null ? "" : ",\"offsets\":" + o.offsetsJson());
        String json = """
                {"eventId":"%s","type":"ObligationSet","version":1,"occurredAt":"%s","producer":"allocation-service",\
                "key":"%s","payload":{"periodId":"%s","partyId":"%s","instrument":"%s","version":%d,\
                "verifiedEmissionsTonnes":%d,"obligationTonnes":%d,"offsetLimitTonnes":%d,\
                "borrowingLimitTonnes":%d,"setAt":"%s"%s}}"""
                .formatted(UUID.randomUUID(), Instant.now(), o.partyId(), o.periodId(), o.partyId(), o.instrument(),
                        o.version(), o.tonnes(), o.tonnes(), o.offsetLimit(), o.borrowingLimit(), Instant.now(),
                        optional);
        new KafkaTopic("allocation.obligations").send(o.partyId(), json);
    }

    /** The same, waiting until the registry keeps that version. */
    public static void obligation(String partyId, String periodId, int version, long tonnes) {
        publishObligation(partyId, periodId, version, tonnes);
        awaitObligation(partyId, periodId, version);
    }

    /** Publishes the obligation and waits until the registry keeps that version. */
    public static void obligation(Obligation o) {
        publishObligation(o);
        awaitObligation(o.partyId(), o.periodId(), o.version());
    }

    private static void awaitObligation(String partyId, String periodId, int version) {
        await().atMost(Duration.ofSeconds(90)).until(() -> DB.count("select count(*) from surrender_obligation"
                + " where period_id = ? and party_id = ?::uuid and version = ?", periodId, partyId, version) == 1);
    }

    /** A valid resident id of someone born in the six-digit division, different on every call (practically). */
    public static String residentId(String division) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = String.format("%s%04d%02d%02d%03d", division, 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Registers a natural person of {@code region} with a fresh resident id and returns its party id. */
    public static String freshIndividual(String name, String region, String division) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "INDIVIDUAL", "region", region, "residentId", residentId(division)))
                .post("/api/v1/parties").then().statusCode(201).extract().path("id");
    }

    /** Asks for an issuance of offsets with their origin (POST /api/v1/offset-issuances) with the token given. */
    public static ValidatableResponse offsetIssuance(String token, String issuanceId, String partyId,
                                                     String instrument, long quantity) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("issuanceId", issuanceId, "partyId", partyId, "instrument", instrument,
                        "quantity", quantity, "projectId", "P-" + instrument, "projectName", "Project " + instrument))
                .post("/api/v1/offset-issuances").then().log().ifValidationFails();
    }

    /** The regulator issues the offsets to the party. */
    public static void issueOffsets(String partyId, String instrument, long quantity) {
        offsetIssuance(accessToken(DemoUser.REGULATOR), "OI-" + UUID.randomUUID(), partyId, instrument, quantity)
                .statusCode(201);
    }

    /** A token of a participant acting for the party, made for it (one Keycloak user per party). */
    public static String tokenOf(String partyId, String role) {
        return KeycloakTokens.participantToken("p-" + partyId, partyId, role);
    }

    /** Registers a new compliance entity of region HB (a fresh identity) and returns its party id. */
    public static String freshEntity() {
        return register(Identities.creditCode("420100"));
    }

    /** Registers the compliance entity with this credit code and returns its party id. */
    public static String register(String creditCode) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("name", "Entity " + creditCode, "type", "COMPLIANCE_ENTITY", "region", "HB",
                        "creditCode", creditCode))
                .post("/api/v1/parties").then().statusCode(201).extract().path("id");
    }

    public static final String AUCTIONEER = SystemParties.auctioneer(Jurisdiction.CN).toString();
    public static final String DELIVERY = "AUCTION_DELIVERY-CN";
    public static final String RESERVE = "STABILITY_RESERVE-CN";
    public static final String ISSUANCE = "NATIONAL_ISSUANCE-CN";

    /** An event of allocation's issuance stream as allocation-service publishes it, in a fresh envelope. */
    private static String allocationEvent(String type, String instructionId, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","producer":"allocation-service",\
                "key":"%s","payload":%s}""".formatted(UUID.randomUUID(), type, Instant.now(), instructionId, payload);
    }

    /** An auction's supply of CEA-2025 as allocation-service publishes it. */
    public static String auctionSupply(String instructionId, long fromIssuance, long fromReserve) {
        return auctionSupply(instructionId, CEA, fromIssuance, fromReserve);
    }

    public static String auctionSupply(String instructionId, String instrument, long fromIssuance,
                                       long fromReserve) {
        return allocationEvent("AuctionSupply", instructionId, """
                {"instructionId":"%s","auctionRef":"%s","instrument":"%s","fromIssuanceTonnes":%d,\
                "fromReserveTonnes":%d}""".formatted(instructionId, "AUC-" + instructionId, instrument, fromIssuance,
                fromReserve));
    }

    /** A set-aside of CEA-2025 into the stability reserve as allocation-service publishes it. */
    public static String reserveSetAside(String instructionId, long tonnes) {
        return allocationEvent("ReserveSetAside", instructionId, """
                {"instructionId":"%s","periodId":"CN-2025","instrument":"%s","tonnes":%d,\
                "reason":"stabilisation share"}""".formatted(instructionId, CEA, tonnes));
    }

    /** Publishes an instruction of allocation's issuance stream and waits until its outcome is recorded. */
    public static void instruct(String instructionId, String json, String status) {
        new KafkaTopic("allocation.issuance-instructions").send(instructionId, json);
        awaitInstruction(instructionId, status);
    }

    public static void awaitInstruction(String instructionId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> DB.count("select count(*) from issuance_instruction"
                + " where instruction_id = ? and status = ?", instructionId, status) == 1);
    }

    /** Puts {@code tonnes} of CEA-2025 into the auctioneer's units in trading, as an auction's supply does. */
    public static void auctioneerInTrading(long tonnes) {
        String id = "AUCSUP-" + UUID.randomUUID();
        instruct(id, auctionSupply(id, tonnes, 0), "BOOKED");
    }

    public static long quantity(String account, String instrument, String status) {
        return DB.count("select coalesce(sum(quantity), 0) from holding where account_id = ? and instrument = ?"
                + " and status = ?", account, instrument, status);
    }

    public static ValidatableResponse post(DemoUser user, String path, String key, Map<String, Object> body) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post(path).then().log().ifValidationFails();
    }

    public static void intoTrading(DemoUser user, long tonnes) {
        post(user, "/api/v1/trading-moves", "m-" + UUID.randomUUID(),
                Map.of("account", holdingOf(user), "instrument", CEA, "quantity", tonnes)).statusCode(201);
    }
}
