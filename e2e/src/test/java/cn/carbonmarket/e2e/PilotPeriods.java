package cn.carbonmarket.e2e;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.play.Pilot;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pilot's compliance period as its provincial authority runs it on the national machinery: the period opened on the
 * pilot's pack, entities enrolled with their free allocation and verified emissions, obligations set; the entity's
 * surrenders at the registry and the pilot's compliance table.
 */
final class PilotPeriods {

    private PilotPeriods() {
    }

    /**
     * Opens the pilot's period of {@code year} (deadlines in the year after, passed: a pilot year brought onto the
     * suite after its end) and moves it to ALLOCATING. The terms are the same for every test, so a period another
     * test opened is answered as it is.
     */
    static void open(Pilot pilot, int year) {
        String token = pilot.authorityToken();
        String period = ALLOCATION + "/api/v1/compliance-periods/" + pilot.period(year);
        send(token, "PUT", period, Map.of("jurisdiction", pilot.name(), "firstYear", year, "lastYear", year,
                "instrument", pilot.allowance(year), "benchmarkPack", pilot.period(year),
                "deadline95", (year + 1) + "-06-30", "deadline100", (year + 1) + "-06-30"))
                .statusCode(oneOf(200, 201));
        String status = get(token, period).statusCode(200).extract().path("status");
        if ("DRAFT".equals(status)) {
            send(token, "POST", period + "/status", Map.of("status", "ALLOCATING")).statusCode(200);
        }
    }

    static ValidatableResponse enrol(Pilot pilot, int year, PilotHolder entity, String sector,
                                     long freeAllocationTonnes, Long verifiedEmissionsTonnes) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sector", sector, "freeAllocationTonnes",
                freeAllocationTonnes));
        body.put("verifiedEmissionsTonnes", verifiedEmissionsTonnes);
        return send(pilot.authorityToken(), "PUT", enrolment(pilot, year, entity), body);
    }

    /** Opens the period, enrols the entity and waits until the registry has issued its free allocation. */
    static void enrolIssued(Pilot pilot, int year, PilotHolder entity, String sector, long freeAllocationTonnes,
                            long verifiedEmissionsTonnes) {
        open(pilot, year);
        enrol(pilot, year, entity, sector, freeAllocationTonnes, verifiedEmissionsTonnes).statusCode(oneOf(200, 201));
        eventually(() -> "ISSUED".equals(get(pilot.authorityToken(), enrolment(pilot, year, entity)).statusCode(200)
                .extract().path("issuanceStatus")));
    }

    private static String enrolment(Pilot pilot, int year, PilotHolder entity) {
        return ALLOCATION + "/api/v1/compliance/" + pilot.period(year) + "/pilot-entities/" + entity.partyId();
    }

    /** The entity enrolled with its issued free allocation, and the period's obligations set (its own among them). */
    static void obligated(Pilot pilot, int year, PilotHolder entity, String sector, long freeAllocationTonnes,
                          long verifiedEmissionsTonnes) {
        enrolIssued(pilot, year, entity, sector, freeAllocationTonnes, verifiedEmissionsTonnes);
        obligations(pilot, year, entity);
    }

    /** Sets the period's obligations and waits until the registry knows the entity's. */
    static JsonPath obligations(Pilot pilot, int year, PilotHolder entity) {
        JsonPath set = send(pilot.authorityToken(), "POST", ALLOCATION + "/api/v1/compliance/" + pilot.period(year)
                + "/obligations", Map.of()).statusCode(200).extract().jsonPath();
        eventually(() -> get(DemoUser.REGULATOR, obligation(pilot, year, entity)).extract().statusCode() == 200);
        return set;
    }

    /** The registry's view of the entity's obligation: limits, what was surrendered and what remains. */
    static JsonPath obligationAtRegistry(Pilot pilot, int year, PilotHolder entity) {
        return get(DemoUser.REGULATOR, obligation(pilot, year, entity)).statusCode(200).extract().jsonPath();
    }

    private static String obligation(Pilot pilot, int year, PilotHolder entity) {
        return REGISTRY + "/api/v1/surrenders?partyId=" + entity.partyId() + "&periodId=" + pilot.period(year);
    }

    /** Offsets with an origin issued to the holder by whoever may issue them (the regulator, a pilot's authority). */
    static ValidatableResponse issueOffsets(String token, PilotHolder holder, String instrument, long tonnes) {
        String id = "E2E-" + UUID.randomUUID();
        return send(token, "POST", REGISTRY + "/api/v1/offset-issuances", Map.of("issuanceId", id,
                "partyId", holder.partyId(), "instrument", instrument, "quantity", tonnes,
                "projectId", "P-" + id, "projectName", "E2E project of " + instrument));
    }

    /** The entity surrenders these instruments and tonnes, in this order, under a surrender id of its own. */
    static ValidatableResponse surrender(Pilot pilot, int year, PilotHolder entity, String token,
                                         Map<String, Long> lines) {
        List<Map<String, Object>> body = lines.entrySet().stream()
                .map(l -> Map.<String, Object>of("instrument", l.getKey(), "quantity", l.getValue())).toList();
        return send(token, "POST", REGISTRY + "/api/v1/surrenders", Map.of("surrenderId", "E2E-" + UUID.randomUUID(),
                "partyId", entity.partyId(), "periodId", pilot.period(year), "lines", body));
    }

    /** The pilot's compliance table of the period as its authority reads it: a row per obligated entity. */
    static List<Map<String, Object>> complianceTable(Pilot pilot, int year) {
        return get(pilot.authorityToken(), ALLOCATION + "/api/v1/compliance/" + pilot.period(year)).statusCode(200)
                .extract().jsonPath().getList("entities");
    }

    /** The entity's row of the pilot's compliance table. */
    static Map<String, Object> complianceRow(Pilot pilot, int year, PilotHolder entity) {
        return complianceTable(pilot, year).stream().filter(r -> entity.partyId().equals(r.get("partyId"))).findFirst()
                .orElseThrow(() -> new AssertionError(entity.partyId() + " is not in " + pilot.period(year)
                        + "'s compliance table"));
    }
}
