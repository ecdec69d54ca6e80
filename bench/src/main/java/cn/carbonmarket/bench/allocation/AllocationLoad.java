package cn.carbonmarket.bench.allocation;

import cn.carbonmarket.bench.Requests;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.bench.allocation.BenchFleet.Unit;
import cn.carbonmarket.testing.Keycloak;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A national pre-allocation at scale, through the registry's and allocation's APIs and the topics between them.
 * Set up, not timed: ENTITIES compliance entities registered at the registry and covered by allocation, a compliance
 * period opened and allocating, UNITS generating units registered. Timed, one after the other: the base year's
 * activity data of every unit as one CSV upload, the pre-allocation run, its approval (one issuance instruction per
 * entity through the outbox), and the registry's booking of every instruction until allocation's reconciliation of
 * the period balances. Ends with RESULT lines.
 *
 * <p>Usage: AllocationLoad REGISTRY_URL ALLOCATION_URL KEYCLOAK_URL ENTITIES UNITS
 */
public final class AllocationLoad {

    private static final String PERIOD = "CN-2025";
    private static final int BASE_YEAR = 2024;
    private static final int IN_FLIGHT = 32;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AllocationLoad() {
    }

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        String allocation = args[1];
        int entityCount = Integer.parseInt(args[3]);
        int unitCount = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Keycloak keycloak = new Keycloak(http, args[2]);
        Requests regulator = new Requests(http, keycloak.token("regulator"));
        long started = System.nanoTime();
        List<PartyId> entities = regulator.ids(BenchFleet.registrations(entityCount).stream()
                .map(r -> regulator.post(registry + "/api/v1/parties", "application/json", r)).toList(), IN_FLIGHT,
                200, 201).stream().map(PartyId::parse).toList();
        long registered = System.nanoTime();
        List<Unit> units = BenchFleet.units(unitCount, entities);
        regulator.awaitFound(entities.stream().map(e -> allocation + "/api/v1/covered-entities/" + e).toList(),
                IN_FLIGHT, PATIENCE);
        long covered = System.nanoTime();
        regulator.expect(regulator.put(allocation + "/api/v1/compliance-periods/" + PERIOD, """
                {"jurisdiction":"CN","firstYear":2025,"lastYear":2025,"instrument":"CEA-2025",\
                "benchmarkPack":"CN-2022","deadline95":"2026-10-31","deadline100":"2026-12-31"}"""), 201);
        regulator.expect(regulator.post(allocation + "/api/v1/compliance-periods/" + PERIOD + "/status",
                "application/json", "{\"status\":\"ALLOCATING\"}"), 200);
        regulator.all(units.stream().map(u -> regulator.put(allocation + "/api/v1/generating-units/" + u.id(),
                u.registration())).toList(), IN_FLIGHT, 201);
        long unitsRegistered = System.nanoTime();
        System.out.printf("setup: %d entities registered in %d ms, covered by allocation %d ms later; %d units"
                        + " registered in %d ms%n", entityCount, millis(started, registered), millis(registered, covered),
                unitCount, millis(covered, unitsRegistered));

        String csv = "unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio\n"
                + units.stream().map(Unit::activityRow).collect(Collectors.joining("\n", "", "\n"));
        Requests timed = new Requests(http, keycloak.token("regulator"));
        long t0 = System.nanoTime();
        JsonNode receipt = JSON.readTree(timed.expect(timed.post(allocation + "/api/v1/activity-data/" + BASE_YEAR
                + "/uploads", "text/csv", csv), 201));
        long t1 = System.nanoTime();
        JsonNode run = JSON.readTree(timed.expect(timed.post(allocation + "/api/v1/allocation-runs",
                "application/json", "{\"periodId\":\"" + PERIOD + "\",\"kind\":\"PRE_ALLOCATION\",\"baseYear\":"
                        + BASE_YEAR + "}"), 201));
        long t2 = System.nanoTime();
        String runId = run.path("runId").asText();
        timed.expect(timed.post(allocation + "/api/v1/allocation-runs/" + runId + "/approval", "application/json",
                ""), 200);
        long t3 = System.nanoTime();
        JsonNode reconciliation = awaitBalanced(timed, allocation);
        long t4 = System.nanoTime();

        System.out.printf("upload: %d rows (%d KB) in %d ms%n", receipt.path("rows").asInt(), csv.length() >> 10,
                millis(t0, t1));
        System.out.printf("run %s: %d units of %d entities, %,d t in all, computed in %d ms%n", runId,
                run.path("units").asInt(), run.path("entities").asInt(), run.path("totalTonnes").asLong(),
                millis(t1, t2));
        System.out.printf("approval: %d issuance instructions in %d ms; every one answered by the registry %d ms"
                + " later: %s%n", reconciliation.path("instructions").asInt(), millis(t2, t3), millis(t3, t4),
                reconciliation);
        if (run.path("units").asInt() != unitCount || reconciliation.path("instructions").asInt() != entityCount
                || reconciliation.path("issuedTonnes").asLong() != run.path("totalTonnes").asLong()) {
            throw new IllegalStateException("the run or its issuance is not what the setup asked for");
        }
        System.out.printf("RESULT allocation.upload.%d %d ms%n", unitCount, millis(t0, t1));
        System.out.printf("RESULT allocation.compute.%d %d ms%n", unitCount, millis(t1, t2));
        System.out.printf("RESULT allocation.approve.%d %d ms%n", entityCount, millis(t2, t3));
        System.out.printf("RESULT allocation.issued.%d %d ms%n", entityCount, millis(t3, t4));
        System.out.printf("RESULT allocation.total %d ms%n", millis(t0, t4));
    }

    /** Until every instruction of the period is answered (none pending) and the period balances. */
    private static JsonNode awaitBalanced(Requests regulator, String allocation) throws Exception {
        HttpRequest probe = regulator.get(allocation + "/api/v1/allocation-reconciliation/" + PERIOD);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode reconciliation = JSON.readTree(regulator.expect(probe, 200));
            if (reconciliation.path("pending").asInt() == 0 && reconciliation.path("balanced").asBoolean()) {
                return reconciliation;
            }
            if (reconciliation.path("refused").asInt() > 0) {
                throw new IllegalStateException("the registry refused instructions: " + reconciliation);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the period did not balance within " + PATIENCE);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
