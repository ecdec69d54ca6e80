package cn.carbonmarket.registry.transaction;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.post;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A randomized simulation against the running registry, in the way TigerBeetle tests its ledger: a seeded stream of
 * participant, bank and regulator operations (some refused, offset issuances among them), then the registry-wide invariants, checked in the
 * database itself. The seed is in every failure message, so a failing stream can be replayed.
 */
@QuarkusTest
class RegistryInvariantsTest {

    private static final List<DemoUser> HOLDERS = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2, DemoUser.INVESTOR_1);

    @Test
    void randomOperationsKeepEveryInvariant() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        HOLDERS.forEach(holder -> RegistryFixtures.partyWithAllowances(holder, 20_000));
        String period = "SIM" + Long.toHexString(seed);
        List<DemoUser> entities = List.of(DemoUser.ENTITY_1, DemoUser.ENTITY_2);
        entities.forEach(entity -> RegistryFixtures.obligation(entity.partyId(), period, 1, 10_000_000));
        List<String> pledges = new ArrayList<>();
        List<String> freezes = new ArrayList<>();
        int booked = 0;
        for (int i = 0; i < 120; i++) {
            DemoUser holder = HOLDERS.get(random.nextInt(HOLDERS.size()));
            String account = holdingOf(holder);
            long quantity = 1 + random.nextInt(random.nextBoolean() ? 500 : 30_000);
            Map<String, Object> own = Map.of("account", account, "instrument", CEA, "quantity", quantity);
            ExtractableResponse<Response> response = switch (random.nextInt(9)) {
                case 0, 1 -> post(holder, "/api/v1/transfers", key(), Map.of("fromAccount", account,
                        "toAccount", holdingOf(HOLDERS.get(random.nextInt(HOLDERS.size()))), "instrument", CEA,
                        "quantity", quantity)).extract();
                case 2 -> post(holder, "/api/v1/trading-moves", key(), own).extract();
                case 3 -> post(holder, "/api/v1/cancellations", key(), Map.of("account", account, "instrument", CEA,
                        "quantity", 1 + random.nextInt(50))).extract();
                case 4 -> remember(pledges, post(DemoUser.BANK, "/api/v1/pledges", key(), Map.of("account", account,
                        "instrument", CEA, "quantity", quantity, "expiresOn", "2031-01-01")).extract());
                case 5 -> remember(freezes, post(DemoUser.REGULATOR, "/api/v1/freeze-orders", key(), Map.of(
                        "account", account, "instrument", CEA, "quantity", quantity, "reason", "simulation",
                        "authority", "a court")).extract());
                case 6 -> release(random, pledges, freezes);
                case 7 -> RegistryFixtures.offsetIssuance(accessToken(DemoUser.REGULATOR), key(), holder.partyId(),
                        "CCER-2025-HB-WIND", quantity).extract();
                default -> surrender(entities.get(random.nextInt(entities.size())), period, 1 + random.nextInt(500));
            };
            assertThat(response.statusCode()).as("seed %d, step %d: %s", seed, i, response.body().asString())
                    .isIn(200, 201, 422);
            if (response.statusCode() == 422) {
                assertThat(response.jsonPath().getString("code")).as("seed %d, step %d", seed, i)
                        .isEqualTo("INSUFFICIENT_UNITS");
            } else {
                booked++;
            }
        }
        assertThat(booked).as("seed %d: a stream that books nothing tests nothing", seed).isGreaterThan(20);
        assertInvariants(seed, period);
    }

    private static void assertInvariants(long seed, String period) {
        assertThat(DB.count("select count(*) from (select transaction_id, instrument from transaction_line"
                + " group by transaction_id, instrument having sum(delta) <> 0) unbalanced"))
                .as("seed %d: transactions whose lines do not sum to zero per instrument", seed).isZero();
        // Issued = held: the mirror accounts (national issuance, migration sources) carry minus what went out.
        assertThat(DB.count("select count(*) from (select instrument from holding group by instrument"
                + " having sum(quantity) <> 0) leaked")).as("seed %d: instruments not summing to zero", seed).isZero();
        // Issued - cancelled - surrendered = in circulation, per instrument; nothing ever leaves a surrender account,
        // and each period's surrender account holds exactly what its surrenders recorded.
        assertThat(DB.count("select count(*) from (select h.instrument,"
                + " sum(h.quantity) filter (where a.type in ('NATIONAL_ISSUANCE', 'MIGRATION_SOURCE')) as minus_issued,"
                + " sum(h.quantity) filter (where a.type = 'VOLUNTARY_CANCELLATION') as cancelled,"
                + " sum(h.quantity) filter (where a.type = 'SURRENDER') as surrendered,"
                + " sum(h.quantity) filter (where a.type not in ('NATIONAL_ISSUANCE', 'MIGRATION_SOURCE',"
                + " 'VOLUNTARY_CANCELLATION', 'SURRENDER')) as circulating"
                + " from holding h join account a on a.id = h.account_id group by h.instrument) t"
                + " where -coalesce(minus_issued, 0) - coalesce(cancelled, 0) - coalesce(surrendered, 0)"
                + " <> coalesce(circulating, 0)")).as("seed %d: issued - cancelled - surrendered <> in circulation",
                seed).isZero();
        assertThat(DB.count("select count(*) from holding where account_id = ? and quantity > 0",
                "SURRENDER-" + period)).as("seed %d: a stream that surrenders nothing", seed)
                .isPositive();
        assertThat(DB.count("select count(*) from transaction_line l join account a on a.id = l.account_id"
                + " where a.type = 'SURRENDER' and l.delta < 0")).as("seed %d: units out of a surrender account", seed)
                .isZero();
        // The stability reserve changes only by intakes and releases, and the auctioneer's units only by an auction's
        // movements (its supply, trading, delivery to buyers, returns of what was not sold).
        assertThat(DB.count("select count(*) from transaction_line l join account a on a.id = l.account_id"
                + " join registry_transaction t on t.id = l.transaction_id where a.type = 'STABILITY_RESERVE'"
                + " and not (l.delta > 0 and t.type = 'RESERVE_INTAKE' or l.delta < 0 and t.type = 'RESERVE_RELEASE')"))
                .as("seed %d: units into or out of the reserve otherwise", seed).isZero();
        assertThat(DB.count("select count(*) from transaction_line l join account a on a.id = l.account_id"
                + " join registry_transaction t on t.id = l.transaction_id where a.type = 'AUCTION_DELIVERY'"
                + " and t.type not in ('AUCTION_DELIVERY', 'RESERVE_RELEASE', 'TO_TRADING', 'FROM_TRADING',"
                + " 'SETTLEMENT_DELIVERY', 'AUCTION_RETURN', 'RESERVE_INTAKE')"))
                .as("seed %d: units of the auctioneer moved otherwise", seed).isZero();
        assertThat(DB.count("select count(*) from (select 'SURRENDER-' || period_id as account_id,"
                + " sum(allowance_tonnes + borrowed_tonnes + offset_tonnes) as recorded from surrender"
                + " group by period_id) s full join (select account_id, sum(quantity) as held from holding"
                + " where account_id like 'SURRENDER-%' group by account_id) h using (account_id)"
                + " where coalesce(recorded, 0) <> coalesce(held, 0)"))
                .as("seed %d: surrender accounts differing from their surrenders", seed).isZero();
        assertThat(DB.count("select count(*) from holding where quantity < 0 and not allow_negative"))
                .as("seed %d: negative holdings", seed).isZero();
        assertThat(DB.count("select count(*) from holding h full join (select account_id, instrument, status,"
                + " sum(delta) as total from transaction_line group by account_id, instrument, status) l"
                + " using (account_id, instrument, status) where coalesce(h.quantity, 0) <> coalesce(l.total, 0)"))
                .as("seed %d: holdings that differ from the sum of their transaction lines", seed).isZero();
        assertThat(DB.count("select count(*) from (select p.account_id from pledge p join holding h"
                + " on h.account_id = p.account_id and h.instrument = p.instrument and h.status = 'PLEDGED'"
                + " group by p.account_id, p.instrument"
                + " having sum(p.quantity) filter (where p.status = 'ACTIVE') > max(h.quantity)) exceeding"))
                .as("seed %d: active pledges exceeding the pledged units", seed).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/audit/verify")
                        .then().statusCode(200).extract().jsonPath().getMap("$"))
                        .as("seed %d: the audit chain", seed)
                        .containsEntry("brokenAt", null).containsEntry("pending", 0));
    }

    /** A surrender of CEA-2025 against the stream's obligation; it is refused only for want of available units. */
    private static ExtractableResponse<Response> surrender(DemoUser entity, String period, long tonnes) {
        return given().auth().oauth2(accessToken(entity)).contentType(ContentType.JSON)
                .body(Map.of("surrenderId", key(), "partyId", entity.partyId(), "periodId", period,
                        "lines", List.of(Map.of("instrument", CEA, "quantity", tonnes))))
                .post("/api/v1/surrenders").then().extract();
    }

    private static ExtractableResponse<Response> remember(List<String> ids, ExtractableResponse<Response> response) {
        if (response.statusCode() == 201) {
            ids.add(response.path("id"));
        }
        return response;
    }

    /** Releases a random pledge or lifts a random freeze order (a repeated release returns the first). */
    private static ExtractableResponse<Response> release(Random random, List<String> pledges, List<String> freezes) {
        boolean pledge = freezes.isEmpty() || (!pledges.isEmpty() && random.nextBoolean());
        if (pledge && pledges.isEmpty()) {
            return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get("/api/v1/audit/verify").then()
                    .extract();
        }
        List<String> ids = pledge ? pledges : freezes;
        String id = ids.get(random.nextInt(ids.size()));
        return given().auth().oauth2(accessToken(pledge ? DemoUser.BANK : DemoUser.REGULATOR))
                .post((pledge ? "/api/v1/pledges/" : "/api/v1/freeze-orders/") + id
                        + (pledge ? "/release" : "/lift")).then().extract();
    }

    private static String key() {
        return "sim-" + UUID.randomUUID();
    }
}
