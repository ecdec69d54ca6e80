package cn.carbonmarket.settlement.endofday;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.carbonmarket.settlement.SettlementFixtures;
import cn.carbonmarket.settlement.TradeEvents;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.PartyEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A clearing run follows the registry's answer to its delivery instructions, as the registry publishes it on the
 * real registry.transactions topic: a SETTLEMENT_DELIVERY booking delivers it, a DeliveryRunRejected rejects it,
 * and an operator sends a rejected run's instructions again.
 */
@QuarkusTest
class RegistryAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern REJECTED_RUNS = Pattern.compile(
            "settlement_delivery_runs_total\\{[^}]*state=\"REJECTED\"[^}]*} ([0-9.]+)");

    /** A run of its own: two fresh parties, one trade on a date no other run used, the date run. */
    private record Run(String runId, String date, String buyer, String seller, JsonNode instructions) {
    }

    private static Run clearedRun(long tonnes) throws Exception {
        String buyer = admittedParty();
        String seller = admittedParty();
        SettlementFixtures.deposit("BANK-" + UUID.randomUUID(), buyer, 10_000_000).statusCode(201);
        TradeEvents.unitsIntoTrading(seller, tonnes);
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        Instant at = day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        TradeEvents.Sent trade = TradeEvents.publish(TradeEvents.trade("T-" + UUID.randomUUID(), buyer, seller,
                tonnes, 6_000, 100, 100, "CONTINUOUS", at));
        TradeEvents.awaitCleared(trade.tradeId());
        String runId = operator().post("/api/v1/clearing-runs/" + day).then().statusCode(201)
                .body("delivery.state", equalTo("PUBLISHED")).body("delivery.publications", equalTo(1))
                .extract().path("runId");
        JsonNode instructions = JSON.readTree(new KafkaTopic("settlement.delivery-instructions")
                .await(r -> r.value().contains("\"" + runId + "\""), PATIENCE).value());
        return new Run(runId, day.toString(), buyer, seller, instructions);
    }

    private static String admittedParty() {
        String party = UUID.randomUUID().toString();
        PartyEvents.publish(PartyEvents.registered(party, "Delivery Test Co. " + party, "COMPLIANCE_ENTITY", "HB"));
        await().atMost(PATIENCE).until(() -> DB.count("select count(*) from cash_account where party_id = ?::uuid",
                party) == 1);
        return party;
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(accessToken(DemoUser.OPERATOR)).when();
    }

    private static ValidatableResponse run(String date) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/clearing-runs/" + date)
                .then().log().ifValidationFails().statusCode(200);
    }

    private static ValidatableResponse resend(DemoUser user, String date) {
        return given().auth().oauth2(accessToken(user)).when().post("/api/v1/clearing-runs/" + date + "/delivery")
                .then().log().ifValidationFails();
    }

    /**
     * The registry's booking of the instructions, line for line as its DeliveryRuns books them, under
     * {@code reference} (the run id it was booked under; null: as events were before they carried one).
     */
    private static String booking(String eventId, String transactionId, JsonNode instructions, String reference) {
        List<String> lines = new ArrayList<>();
        for (JsonNode d : instructions.at("/payload/deliveries")) {
            lines.add("""
                    {"account":"HOLDING-%s","partyId":"%s","instrument":"%s","status":"IN_TRADING","delta":%d}"""
                    .formatted(d.get("partyId").asText(), d.get("partyId").asText(), d.get("instrument").asText(),
                            d.get("netUnits").asLong()));
        }
        return """
                {"eventId":"%s","type":"TransactionBooked","version":1,"occurredAt":"%s","producer":"registry-service",\
                "key":"%s","payload":{"transactionId":"%s","type":"SETTLEMENT_DELIVERY",\
                "initiator":"settlement-service","bookedAt":"%s","lines":[%s]%s}}"""
                .formatted(eventId, Instant.now(), firstParty(instructions), transactionId, Instant.now(),
                        String.join(",", lines), reference == null ? "" : ",\"reference\":\"" + reference + "\"");
    }

    private static String firstParty(JsonNode instructions) {
        return instructions.at("/payload/deliveries/0/partyId").asText();
    }

    private static void publishBooking(JsonNode instructions, String json) {
        new KafkaTopic("registry.transactions").send(firstParty(instructions), json);
    }

    private static void awaitAnswerProcessed(String eventId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> DB.count("select count(*) from"
                + " processed_event where consumer = ? and event_id = ?::uuid", RegistryAnswers.CONSUMER, eventId) == 1);
    }

    private static String rejection(String eventId, String runId, String party) {
        return """
                {"eventId":"%s","type":"DeliveryRunRejected","version":1,"occurredAt":"%s",\
                "producer":"registry-service","key":"%s","payload":{"runId":"%s","code":"INSUFFICIENT_UNITS",\
                "reason":"the run takes %s below zero"}}""".formatted(eventId, Instant.now(), runId, runId, party);
    }

    private static double rejectedRunsCounted() {
        Matcher m = REJECTED_RUNS.matcher(given().when().get("/q/metrics").then().statusCode(200).extract()
                .asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aBookedRunIsDeliveredOnceWithTheRegistrysTransaction() throws Exception {
        Run run = clearedRun(7);
        assertThat(run.instructions().at("/payload/deliveries").size()).isEqualTo(2);
        // The same lines booked for another run leave this one waiting.
        String elsewhere = UUID.randomUUID().toString();
        publishBooking(run.instructions(), booking(elsewhere, UUID.randomUUID().toString(), run.instructions(),
                "EOD-" + UUID.randomUUID()));
        awaitAnswerProcessed(elsewhere);
        run(run.date()).body("delivery.state", equalTo("PUBLISHED"));

        String eventId = UUID.randomUUID().toString();
        String transactionId = UUID.randomUUID().toString();
        String booked = booking(eventId, transactionId, run.instructions(), run.runId());
        publishBooking(run.instructions(), booked);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(run(run.date()).extract().path("delivery.state")));
        String deliveredAt = run(run.date()).body("delivery.transactionId", equalTo(transactionId))
                .extract().path("delivery.deliveredAt");
        assertThat(deliveredAt).isNotNull();

        // The same event again, then another booking of the same lines (the run is no longer waiting): neither
        // changes the run. The second is on the same partition after the first, so once it is processed both are.
        publishBooking(run.instructions(), booked);
        String laterEvent = UUID.randomUUID().toString();
        publishBooking(run.instructions(), booking(laterEvent, UUID.randomUUID().toString(), run.instructions(),
                run.runId()));
        awaitAnswerProcessed(laterEvent);
        assertThat(DB.count("select count(*) from processed_event where consumer = ? and event_id = ?::uuid",
                RegistryAnswers.CONSUMER, eventId)).isEqualTo(1);
        run(run.date()).body("delivery.state", equalTo("DELIVERED"))
                .body("delivery.transactionId", equalTo(transactionId))
                .body("delivery.deliveredAt", equalTo(deliveredAt))
                .body("delivery.publications", equalTo(1));

        resend(DemoUser.OPERATOR, run.date()).statusCode(409).body("code", equalTo("RUN_DELIVERED"));
        assertThat(DB.count("select count(*) from outbox_event where event_type = 'DeliveryInstructions'"
                + " and event_key = ?", run.runId())).isEqualTo(1);
    }

    @Test
    void aRejectedRunIsShownCountedAndSentAgainByTheOperator() throws Exception {
        Run run = clearedRun(3);
        double rejectedBefore = rejectedRunsCounted();
        String rejection = rejection(UUID.randomUUID().toString(), run.runId(), run.seller());
        new KafkaTopic("registry.transactions").send(run.runId(), rejection);
        await().atMost(PATIENCE).until(() -> "REJECTED".equals(run(run.date()).extract().path("delivery.state")));
        run(run.date()).body("delivery.rejectionCode", equalTo("INSUFFICIENT_UNITS"))
                .body("delivery.rejectionReason", equalTo("the run takes " + run.seller() + " below zero"))
                .body("delivery.transactionId", nullValue());
        assertThat(rejectedRunsCounted()).isEqualTo(rejectedBefore + 1);
        given().auth().oauth2(accessToken(DemoUser.BANK)).when().get("/api/v1/clearing-runs?deliveryState=REJECTED")
                .then().statusCode(200).body("runId", hasItem(run.runId()))
                .body("find { it.runId == '" + run.runId() + "' }.delivery.rejectionCode",
                        equalTo("INSUFFICIENT_UNITS"));

        // Only the operator resends; the rejection is not undone by anyone else's attempt.
        resend(DemoUser.ENTITY_1, run.date()).statusCode(403);
        resend(DemoUser.REGULATOR, run.date()).statusCode(403);
        run(run.date()).body("delivery.state", equalTo("REJECTED"));

        resend(DemoUser.OPERATOR, run.date()).statusCode(202).body("delivery.state", equalTo("PUBLISHED"))
                .body("delivery.publications", equalTo(2))
                .body("delivery.rejectionCode", equalTo("INSUFFICIENT_UNITS"));
        String firstEvent = run.instructions().get("eventId").asText();
        JsonNode again = JSON.readTree(new KafkaTopic("settlement.delivery-instructions").await(r -> r.value()
                .contains("\"" + run.runId() + "\"") && !r.value().contains(firstEvent), PATIENCE).value());
        assertThat(again.get("payload")).isEqualTo(run.instructions().get("payload"));
        // Sent a moment ago: its answer is awaited before it may be sent once more.
        resend(DemoUser.OPERATOR, run.date()).statusCode(409).body("code", equalTo("AWAITING_REGISTRY"));

        // The old rejection redelivered does not undo the resend; a rejection of an unknown run behind it on the
        // same partition shows when both were processed.
        new KafkaTopic("registry.transactions").send(run.runId(), rejection);
        String marker = UUID.randomUUID().toString();
        new KafkaTopic("registry.transactions").send(run.runId(), rejection(marker, "EOD-" + UUID.randomUUID(),
                run.seller()));
        awaitAnswerProcessed(marker);
        run(run.date()).body("delivery.state", equalTo("PUBLISHED"));

        // The registry books the resent run: delivered (an answer without a reference, as published before events
        // carried one, is matched by its lines).
        String transactionId = UUID.randomUUID().toString();
        publishBooking(again, booking(UUID.randomUUID().toString(), transactionId, again, null));
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(run(run.date()).extract().path("delivery.state")));
        run(run.date()).body("delivery.transactionId", equalTo(transactionId));
        assertThat(rejectedRunsCounted()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void aRunWithoutDeliveriesUnknownRunsAndBadInputAreRefused() {
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        operator().post("/api/v1/clearing-runs/" + day).then().statusCode(201)
                .body("delivery.state", equalTo("NOTHING_TO_DELIVER")).body("delivery.publications", equalTo(0));
        resend(DemoUser.OPERATOR, day.toString()).statusCode(409).body("code", equalTo("NOTHING_TO_DELIVER"));
        resend(DemoUser.OPERATOR, "1999-01-01").statusCode(404).body("code", equalTo("CLEARING_RUN_NOT_FOUND"));
        resend(DemoUser.OPERATOR, "2031-02-30").statusCode(400).body("errors.field", hasItem("tradeDate"));
        operator().get("/api/v1/clearing-runs?deliveryState=LOST").then().statusCode(400)
                .body("errors.field", hasItem("deliveryState"));
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/clearing-runs").then()
                .statusCode(403);
    }
}
