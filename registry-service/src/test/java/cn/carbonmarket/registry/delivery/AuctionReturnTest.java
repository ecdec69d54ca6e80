package cn.carbonmarket.registry.delivery;

import static cn.carbonmarket.registry.RegistryFixtures.AUCTIONEER;
import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.DELIVERY;
import static cn.carbonmarket.registry.RegistryFixtures.ISSUANCE;
import static cn.carbonmarket.registry.RegistryFixtures.RESERVE;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement's releases of an auctioneer's unsold units to a national account, and its delivery of sold ones, over
 * the real topic: the auctioneer's account behaves as its holding account for settlement, and only the auctioneer's
 * units go back to the issuance account or the stability reserve.
 */
@QuarkusTest
class AuctionReturnTest {

    private static final KafkaTopic SETTLEMENT = new KafkaTopic("settlement.delivery-instructions");

    @BeforeEach
    void theAuctioneerHasUnitsInTrading() {
        if (quantity(DELIVERY, CEA, "IN_TRADING") < 1_000) {
            RegistryFixtures.auctioneerInTrading(5_000);
        }
    }

    private static String release(String withdrawalId, String partyId, long quantity, String destination) {
        String json = """
                {"eventId":"%s","type":"UnitsReleased","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"withdrawalId":"%s","partyId":"%s",\
                "instrument":"%s","quantity":%d,"releasedAt":"%s","destination":%s}}"""
                .formatted(UUID.randomUUID(), Instant.now(), partyId, withdrawalId, partyId, CEA, quantity,
                        Instant.now(), destination == null ? "null" : "\"" + destination + "\"");
        SETTLEMENT.send(partyId, json);
        return json;
    }

    private static long booked(String key) {
        return DB.count("select count(*) from registry_transaction where idempotency_key = ?",
                "system/settlement-service:" + key);
    }

    private static void awaitBooked(String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> booked(key) == 1);
    }

    @Test
    void unsoldUnitsGoBackToTheIssuanceAccountOnce() throws Exception {
        long inTrading = quantity(DELIVERY, CEA, "IN_TRADING");
        long issuance = quantity(ISSUANCE, CEA, "AVAILABLE");
        String withdrawal = "AUC-" + UUID.randomUUID() + "-UNSOLD_CARRIED_OVER";
        String json = release(withdrawal, AUCTIONEER, 100, ISSUANCE);
        awaitBooked(withdrawal);
        SETTLEMENT.send(AUCTIONEER, json);
        String marker = "AUC-" + UUID.randomUUID() + "-UNSOLD_CARRIED_OVER";
        release(marker, AUCTIONEER, 1, ISSUANCE);
        awaitBooked(marker);

        assertThat(booked(withdrawal)).isEqualTo(1);
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading - 101);
        assertThat(quantity(ISSUANCE, CEA, "AVAILABLE")).isEqualTo(issuance + 101);
        JsonNode event = new ObjectMapper().readTree(new KafkaTopic("registry.transactions").await(r ->
                r.value().contains("\"reference\":\"" + withdrawal + "\""), Duration.ofSeconds(20)).value());
        assertThat(event.at("/payload/type").asText()).isEqualTo("AUCTION_RETURN");
        assertThat(event.at("/payload/lines/0/account").asText()).isEqualTo(DELIVERY);
        assertThat(event.at("/payload/lines/0/status").asText()).isEqualTo("IN_TRADING");
        assertThat(event.at("/payload/lines/0/partyId").asText()).isEqualTo(AUCTIONEER);
        assertThat(event.at("/payload/lines/0/delta").asLong()).isEqualTo(-100);
        assertThat(event.at("/payload/lines/1/account").asText()).isEqualTo(ISSUANCE);
    }

    @Test
    void unreleasedOrWithheldUnitsGoIntoTheStabilityReserve() {
        long inTrading = quantity(DELIVERY, CEA, "IN_TRADING");
        long reserve = quantity(RESERVE, CEA, "AVAILABLE");
        String withdrawal = "AUC-" + UUID.randomUUID() + "-CCR_NOT_RELEASED";
        release(withdrawal, AUCTIONEER, 250, RESERVE);
        awaitBooked(withdrawal);

        assertThat(DB.texts("select type from registry_transaction where idempotency_key = ?",
                "system/settlement-service:" + withdrawal)).containsExactly("RESERVE_INTAKE");
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading - 250);
        assertThat(quantity(RESERVE, CEA, "AVAILABLE")).isEqualTo(reserve + 250);
    }

    @Test
    void aReleaseToANationalAccountIsRefusedForAParticipantOrAnotherAccount() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_1, 100);
        if (quantity(holdingOf(DemoUser.ENTITY_1), CEA, "IN_TRADING") < 100) {
            RegistryFixtures.intoTrading(DemoUser.ENTITY_1, 100);
        }
        String entity = DemoUser.ENTITY_1.partyId();
        long entityInTrading = quantity(holdingOf(DemoUser.ENTITY_1), CEA, "IN_TRADING");
        long inTrading = quantity(DELIVERY, CEA, "IN_TRADING");
        long reserve = quantity(RESERVE, CEA, "AVAILABLE");
        long issuance = quantity(ISSUANCE, CEA, "AVAILABLE");

        String participant = "W-" + UUID.randomUUID();
        release(participant, entity, 10, RESERVE);
        String wrongAccount = "AUC-" + UUID.randomUUID() + "-X";
        release(wrongAccount, AUCTIONEER, 10, "VOLUNTARY_CANCELLATION-CN");
        String holding = "AUC-" + UUID.randomUUID() + "-Y";
        release(holding, AUCTIONEER, 10, holdingOf(DemoUser.ENTITY_1));
        // The same partition delivers a party's events in order: once the markers are booked, the refused ones
        // before them have been handled.
        String entityMarker = "W-" + UUID.randomUUID();
        release(entityMarker, entity, 1, null);
        String auctioneerMarker = "AUC-" + UUID.randomUUID() + "-CCR_NOT_RELEASED";
        release(auctioneerMarker, AUCTIONEER, 1, RESERVE);
        awaitBooked("units-released/" + entityMarker);
        awaitBooked(auctioneerMarker);

        assertThat(booked(participant) + booked(wrongAccount) + booked(holding)).isZero();
        assertThat(quantity(holdingOf(DemoUser.ENTITY_1), CEA, "IN_TRADING")).isEqualTo(entityInTrading - 1);
        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(inTrading - 1);
        assertThat(quantity(RESERVE, CEA, "AVAILABLE")).isEqualTo(reserve + 1);
        assertThat(quantity(ISSUANCE, CEA, "AVAILABLE")).isEqualTo(issuance);
    }

    @Test
    void soldUnitsAreDeliveredFromTheAuctioneerByTheClearingRun() {
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 1);
        String buyer = holdingOf(DemoUser.ENTITY_2);
        long seller = quantity(DELIVERY, CEA, "IN_TRADING");
        long bought = quantity(buyer, CEA, "IN_TRADING");
        String runId = "EOD-" + UUID.randomUUID();
        SETTLEMENT.send(runId, """
                {"eventId":"%s","type":"DeliveryInstructions","version":1,"occurredAt":"%s",\
                "producer":"settlement-service","key":"%s","payload":{"runId":"%s","tradeDate":"2026-12-07",\
                "deliveries":[{"partyId":"%s","instrument":"%s","netUnits":-300},\
                {"partyId":"%s","instrument":"%s","netUnits":300}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), runId, runId, AUCTIONEER, CEA,
                        DemoUser.ENTITY_2.partyId(), CEA));
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("select count(*) from delivery_run"
                + " where run_id = ? and status = 'BOOKED'", runId) == 1);

        assertThat(quantity(DELIVERY, CEA, "IN_TRADING")).isEqualTo(seller - 300);
        assertThat(quantity(buyer, CEA, "IN_TRADING")).isEqualTo(bought + 300);
    }
}
