package cn.carbonmarket.testing;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of a service that follows the registry's PartyRegistered events (trading's risk profiles,
 * settlement's cash accounts, ...): the event creates the service's record of the party exactly once, a
 * redelivered event changes nothing, an unreadable one goes to the service's dead-letter topic, and only the
 * privileged roles or the party itself can read the record. Each service's @QuarkusTest extends it.
 */
public abstract class PartyFollowerContract {

    /** The service's database name (its _test database is read to prove what was written). */
    protected abstract String service();

    /** The table holding one row per followed party, keyed by party_id. */
    protected abstract String table();

    /** The consumer name the service records processed events under. */
    protected abstract String consumer();

    /** GET path of a party's record, e.g. /api/v1/risk-profiles/. */
    protected abstract String resourcePath();

    /** A user who may read any party's record. */
    protected abstract DemoUser privilegedUser();

    private Database db() {
        return new Database(service());
    }

    protected ValidatableResponse read(DemoUser user, String partyId) {
        return given().auth().oauth2(accessToken(user)).when().get(resourcePath() + partyId).then();
    }

    private void awaitRecord(String partyId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db().count("select count(*) from " + table() + " where party_id = ?::uuid", partyId) == 1);
    }

    @Test
    void aRegisteredPartyAppearsAndIsVisibleToThePrivilegedRole() {
        PartyEvents.Sent event = PartyEvents.publish(PartyEvents.registered("Hubei Glass Co.", "COMPLIANCE_ENTITY", "HB"));
        awaitRecord(event.partyId());
        read(privilegedUser(), event.partyId()).statusCode(200).body("partyId", equalTo(event.partyId()));
        assertThat(db().count("select count(*) from processed_event where consumer = ? and event_id = ?::uuid",
                consumer(), event.eventId())).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        PartyEvents.Sent event = PartyEvents.publish(PartyEvents.registered("Tianjin Power", "COMPLIANCE_ENTITY", "TJ"));
        awaitRecord(event.partyId());
        String before = db().rowAsText(table(), event.partyId());
        long duplicates = duplicatesCounted();

        PartyEvents.publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesCounted() > duplicates);

        assertThat(db().count("select count(*) from " + table() + " where party_id = ?::uuid", event.partyId()))
                .isEqualTo(1);
        assertThat(db().rowAsText(table(), event.partyId())).isEqualTo(before);
        assertThat(db().count("select count(*) from processed_event where event_id = ?::uuid", event.eventId()))
                .isEqualTo(1);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String garbage = "{\"type\":\"PartyRegistered\",\"version\":1,\"broken\":\"" + UUID.randomUUID() + "\"}";
        new KafkaTopic(PartyEvents.TOPIC).send("garbage", garbage);
        new KafkaTopic("dlq." + service() + "-service").await(r -> garbage.equals(r.value()), Duration.ofSeconds(30));

        PartyEvents.Sent next = PartyEvents.publish(PartyEvents.registered("Next Co.", "COMPLIANCE_ENTITY", "GD"));
        awaitRecord(next.partyId());
    }

    @Test
    void aParticipantReadsOnlyItsOwnRecord() {
        String own = DemoUser.ENTITY_1.partyId();
        PartyEvents.publish(PartyEvents.registered(own, "Wuhan Thermal Power", "COMPLIANCE_ENTITY", "HB"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db().count("select count(*) from " + table() + " where party_id = ?::uuid", own) == 1);

        read(DemoUser.ENTITY_1, own).statusCode(200).body("partyId", equalTo(own));
        read(DemoUser.ENTITY_2, own).statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_PARTY"));
        read(DemoUser.VERIFIER_1, own).statusCode(403);
        given().when().get(resourcePath() + own).then().statusCode(401);
        read(privilegedUser(), "not-a-uuid").statusCode(400);
        read(privilegedUser(), UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
    }

    private long duplicatesCounted() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("market_events_duplicates_total") && l.contains("consumer=\"" + consumer() + "\""))
                .mapToLong(l -> new BigDecimal(l.substring(l.lastIndexOf(' ') + 1)).longValue())
                .sum();
    }
}
