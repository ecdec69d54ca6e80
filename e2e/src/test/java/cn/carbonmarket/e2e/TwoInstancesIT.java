package cn.carbonmarket.e2e;

import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.year.play.MarketCalls;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two instances each of the registry, allocation and settlement (./market test starts the second ones on 9281, 9282
 * and 9284) on the same databases, topics and consumer groups. Every request here is sent to both at once, as a
 * client retrying through a load balancer would: its effect happens once. The books keep their invariants, and each
 * scheduled job ran once per period, whichever instance ran it (the job_run records).
 */
class TwoInstancesIT {

    private static final String REGISTRY_B = System.getProperty("market.e2e.registry-b");
    private static final String SETTLEMENT_B = System.getProperty("market.e2e.settlement-b");
    private static final Database REGISTRY_DB = Database.e2e("registry");
    private static final Database SETTLEMENT_DB = Database.e2e("settlement");
    private static final Database ALLOCATION_DB = Database.e2e("allocation");
    private static final int REQUESTS = 20;

    @Test
    void aPartyRegisteredThroughBothInstancesAtOnceIsOneParty() {
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, Object> party = Map.of("name", "Two Instances Co. " + i, "type", "COMPLIANCE_ENTITY",
                    "region", "HB", "creditCode", Identities.creditCode("420600"));
            List<ExtractableResponse<Response>> answers = both(() -> register(REGISTRY, party),
                    () -> register(REGISTRY_B, party));

            assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(201, 200);
            assertThat(answers).extracting(a -> a.path("id").toString()).containsOnly(
                    answers.get(0).path("id").toString());
        }
        registryHoldingsBalance();
    }

    @Test
    void aDepositSentToBothInstancesIsBookedOnce() {
        register(REGISTRY, DemoUser.ENTITY_2.registration());
        String party = DemoUser.ENTITY_2.partyId();
        MarketCalls.deposit(party, 1);
        long before = MarketCalls.settlementCash(party);
        long deposited = 0;
        for (int i = 1; i <= REQUESTS; i++) {
            long amount = 100L * i;
            String reference = "E2E-TWO-INSTANCES-" + UUID.randomUUID();
            List<ExtractableResponse<Response>> answers = both(() -> deposit(SETTLEMENT, party, reference, amount),
                    () -> deposit(SETTLEMENT_B, party, reference, amount));
            assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(201, 200);
            deposited += amount;
        }

        assertThat(MarketCalls.settlementCash(party)).isEqualTo(before + deposited);
        assertThat(SETTLEMENT_DB.count("select count(*) from (select asset, sum(credits_posted - debits_posted"
                + " + credits_pending - debits_pending) as net from ledger_account group by asset) a"
                + " where net <> 0")).as("every asset's ledger sums to zero").isZero();
    }

    @Test
    void eachScheduledJobRanOncePerPeriod() {
        assertRanOncePerPeriod(REGISTRY_DB, "registry.pledge-expiry", Duration.ofSeconds(5));
        assertRanOncePerPeriod(ALLOCATION_DB, "allocation.auction-preparation", Duration.ofSeconds(5));
        assertRanOncePerPeriod(SETTLEMENT_DB, "settlement.reconciliation", Duration.ofSeconds(10));

        // Each reconciliation the job ran is one reconciliation run, not one per instance (operators' runs, which
        // other tests start, name their user instead of the job).
        for (String window : SETTLEMENT_DB.texts("select started_at || '|' || finished_at from job_run"
                + " where job = 'settlement.reconciliation' and finished_at is not null and failure is null")) {
            String[] times = window.split("\\|");
            assertThat(SETTLEMENT_DB.count("select count(*) from reconciliation_run where started_by ="
                    + " 'settlement.reconciliation' and ran_at between ?::timestamptz - interval '1 second'"
                    + " and ?::timestamptz", times[0], times[1]))
                    .as("reconciliation runs in the job's run of %s", window).isEqualTo(1);
        }
    }

    /** Several periods ran, none twice, each at a period's start; both instances' timers fired in each. */
    private static void assertRanOncePerPeriod(Database database, String job, Duration period) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> database.count(
                "select count(*) from job_run where job = ? and finished_at is not null", job) >= 3);
        assertThat(database.count("select count(*) - count(distinct due_at) from job_run where job = ?", job))
                .isZero();
        assertThat(database.count("select count(*) from job_run where job = ? and (extract(epoch from due_at)"
                + " * 1000)::bigint % ? <> 0", job, period.toMillis())).as("due times are period starts").isZero();
        assertThat(database.count("select count(*) from job_run where job = ? and failure is not null", job))
                .isZero();
    }

    /**
     * Per instrument, what participants and system accounts hold is what the issuing accounts (the only ones that
     * may go negative) gave out: holdings = issued - surrendered - cancelled, the last two being accounts too.
     */
    private static void registryHoldingsBalance() {
        assertThat(REGISTRY_DB.count("select count(*) from (select instrument, sum(quantity) as net from holding"
                + " group by instrument) h where net <> 0")).isZero();
    }

    private static ExtractableResponse<Response> register(String registry, Map<String, Object> party) {
        return given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(party)
                .when().post(registry + "/api/v1/parties").then().extract();
    }

    private static ExtractableResponse<Response> deposit(String settlement, String party, String reference,
                                                         long amount) {
        return given().auth().oauth2(accessToken(DemoUser.BANK)).contentType(ContentType.JSON)
                .header("Idempotency-Key", reference)
                .body(Map.of("bankReference", reference, "partyId", party, "amountFen", amount))
                .when().post(settlement + "/api/v1/deposits").then().extract();
    }

    /** Both requests at once. */
    @SafeVarargs
    private static <T> List<T> both(Supplier<T>... requests) {
        List<CompletableFuture<T>> sent = new ArrayList<>();
        for (Supplier<T> request : requests) {
            sent.add(CompletableFuture.supplyAsync(request));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
