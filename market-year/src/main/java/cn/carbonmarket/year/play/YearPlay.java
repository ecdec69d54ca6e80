package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KafkaTopic;
import cn.carbonmarket.testing.SignedInstructions;
import cn.carbonmarket.year.CoveredEntity;
import cn.carbonmarket.year.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Plays a generated market year on running services through their public APIs, as the regulator, the provincial
 * authorities, the verifier, the clearing bank and every party would, phase by phase:
 * <ol>
 * <li>the seven pilots migrated from their sample exports;</li>
 * <li>entities with a coal unit across the pilot regions, institutions and individuals registered, each with a
 * Keycloak user of its own;</li>
 * <li>a fresh national period: units and the base year's verified data, the pre-allocation run approved and issued;</li>
 * <li>the vintage each entity holds from before the period ({@value Scenario#INSTRUMENT}), part of it moved into
 * trading, and the buyers' cash at the clearing bank;</li>
 * <li>the trading days ({@link MarketDays}), the first opening with the period's primary auction of its own
 * allowance (listed at the exchange for it) to institutions; each generated trade a sell the buyer meets at its
 * price, more of them nearer the deadline; on an exchange clock that runs fast, each day a trade date with its clearing run, and the
 * block trade and the one-way auction on the last;</li>
 * <li>every entity's report verified and confirmed, the true-up issued, the obligations set;</li>
 * <li>every entity surrenders what it can, the period's allowance first; the few that sold what they needed are
 * short.</li>
 * </ol>
 * The earlier vintage stands for the earlier period's approval, which the generated entities did not take part in: it
 * is issued as allocation issues, a signed instruction on {@code allocation.issuance-instructions}, signed with the
 * local suite's allocation key (so this runs only against a local suite or the e2e one).
 */
public final class YearPlay {

    /**
     * What a played year leaves behind: the parties in the scenario's order, the period, the end of day's date, and
     * the primary auction's reference in the period's calendar (null where it was left out).
     */
    public record PlayedYear(List<String> entities, List<String> traders, String period, String allowance, int year,
                             LocalDate tradeDate, String primaryAuctionRef) {
    }

    private final Scenario year;
    private final Progress progress;
    private final Participants participants = new Participants();
    private final List<String> entities = new ArrayList<>();
    private final List<String> traders = new ArrayList<>();

    public YearPlay(Scenario year, Progress progress) {
        this.year = year;
        this.progress = progress;
    }

    public PlayedYear play() {
        pilots();
        parties();
        int periodYear = preAllocation();
        holdingsIntoTrading();
        String period = "CN-" + periodYear;
        MarketDays days = new MarketDays(year, progress, participants, entities, traders, new PeriodAuction(
                year.primaryAuction(), progress, participants, traders, period, "CEA-" + periodYear));
        LocalDate tradeDate = days.play();
        reports(period, periodYear);
        trueUpAndObligations(period, periodYear);
        surrenders(period, "CEA-" + periodYear);
        return new PlayedYear(List.copyOf(entities), List.copyOf(traders), period, "CEA-" + periodYear, periodYear,
                tradeDate, days.primaryAuction().map(PeriodAuction.Sold::auctionRef).orElse(null));
    }

    private void pilots() {
        progress.phase("pilots migrated", Pilot.values().length);
        for (Pilot pilot : Pilot.values()) {
            String status = PilotMigrations.migrate(pilot).getString("status");
            if (!"COMMITTED".equals(status)) {
                throw new IllegalStateException("the migration of " + pilot + " ended " + status);
            }
            progress.step();
        }
        progress.phaseDone();
    }

    private void parties() {
        progress.phase("parties registered", year.entities().size() + year.traders().size());
        for (int i = 0; i < year.entities().size(); i++) {
            String party = register(year.entities().get(i).registration());
            entities.add(party);
            participants.enrol("year-" + year.seed() + "-e" + i, party, "compliance-entity");
            progress.step();
        }
        for (int i = 0; i < year.traders().size(); i++) {
            String party = register(year.traders().get(i).registration());
            traders.add(party);
            participants.enrol("year-" + year.seed() + "-t" + i, party, "investor");
            progress.step();
        }
        MarketCalls.registerDemo(DemoUser.VERIFIER_1);
        progress.phaseDone();
    }

    /** A fresh period, its units and the base year's verified production; the pre-allocation issues 70% of it. */
    private int preAllocation() {
        progress.phase("pre-allocation", year.entities().size() * 2);
        int periodYear = AllocationCalls.freshPeriod();
        int baseYear = periodYear - 1;
        forEachEntity((entity, party) -> {
            eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/covered-entities/" + party)
                    .extract().statusCode() == 200);
            send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/generating-units/" + entity.unitId(), Map.of(
                    "partyId", party, "category", "COAL_ABOVE_300MW", "capacityMw", 660, "cooling", "WATER",
                    "combinedHeatAndPower", false, "commissionedOn", "2012-06-30")).statusCode(oneOf(200, 201));
            activity(baseYear, entity);
            progress.step();
        });
        AllocationCalls.verifiedDataForEveryOtherUnit(baseYear, units());
        approve(send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs", Map.of("periodId",
                "CN-" + periodYear, "kind", "PRE_ALLOCATION", "baseYear", baseYear)).statusCode(201).extract()
                .path("runId"));
        forEachEntity((entity, party) -> {
            eventually(() -> AllocationCalls.holding(holding(party), "CEA-" + periodYear)
                    == Scenario.allocation(entity.electricityMwh()) * 7 / 10);
            progress.step();
        });
        progress.phaseDone();
        return periodYear;
    }

    private void holdingsIntoTrading() {
        progress.phase("into trading, cash in", year.entities().size() + year.traders().size());
        String instruction = "ALLOC-YEAR-" + UUID.randomUUID();
        List<IssuanceInstruction.Recipient> recipients = new ArrayList<>();
        forEachEntity((entity, party) -> recipients.add(SignedInstructions.recipient(party, entity.grantedTonnes())));
        new KafkaTopic("allocation.issuance-instructions").send(instruction, SignedInstructions.json(instruction,
                "FREE_ALLOCATION", Scenario.INSTRUMENT, recipients.toArray(IssuanceInstruction.Recipient[]::new)));
        forEachEntity((entity, party) -> {
            eventually(() -> AllocationCalls.holding(holding(party), Scenario.INSTRUMENT) >= entity.grantedTonnes());
            MarketCalls.moveToTrading(participants.token(party), holding(party), Scenario.INSTRUMENT,
                    entity.intoTradingTonnes()).statusCode(201);
            progress.step();
        });
        for (int i = 0; i < year.traders().size(); i++) {
            String party = traders.get(i);
            eventually(() -> get(DemoUser.OPERATOR, TRADING + "/api/v1/risk-profiles/" + party)
                    .extract().statusCode() == 200);
            MarketCalls.deposit(party, year.traders().get(i).cashFen());
            progress.step();
        }
        forEachEntity((entity, party) -> eventually(() -> MarketCalls.trading(participants.token(party),
                Scenario.INSTRUMENT, "free") >= entity.intoTradingTonnes()));
        for (int i = 0; i < year.traders().size(); i++) {
            String party = traders.get(i);
            long cash = year.traders().get(i).cashFen();
            eventually(() -> MarketCalls.trading(participants.token(party), "CNY", "free") >= cash);
        }
        progress.phaseDone();
    }

    /** Each entity reports its coal; the region's authority assigns verifier-1, who concludes; it is confirmed. */
    private void reports(String period, int periodYear) {
        progress.phase("reports verified", year.entities().size());
        forEachEntity((entity, party) -> {
            String token = participants.token(party);
            Map<String, Object> coal = Map.of("fuel", "BITUMINOUS_COAL", "consumption",
                    String.valueOf(entity.coalTonnes()), "netCalorificValue", "20.000", "carbonContentMethod",
                    "MEASURED", "carbonContent", "0.02600",
                    "labReportId", "LAB-" + periodYear + "-" + entity.unitId(), "sampleId", "S-" + entity.unitId(),
                    "oxidationRate", "0.99");
            String report = send(token, "POST", ALLOCATION + "/api/v1/emission-reports", Map.of("periodId", period,
                    "year", periodYear, "units", List.of(Map.of("unitId", entity.unitId(),
                            "electricitySuppliedMwh", entity.electricityMwh(), "heatSuppliedGj", 0, "loadFactor",
                            "0.88", "heatSupplyRatio", "0", "fuels", List.of(coal))))).statusCode(201).extract()
                    .path("reportId");
            String reports = ALLOCATION + "/api/v1/emission-reports/" + report;
            send(token, "POST", reports + "/submission", Map.of()).statusCode(200);
            String authority = Pilot.valueOf(entity.region()).authorityToken();
            send(authority, "POST", reports + "/verifier", Map.of("verifierPartyId", DemoUser.VERIFIER_1.partyId()))
                    .statusCode(200);
            send(DemoUser.VERIFIER_1, "POST", reports + "/conclusion", Map.of("opinion", "the records agree"))
                    .statusCode(200).body("status", equalTo("VERIFIED"));
            send(authority, "POST", reports + "/confirmation", Map.of()).statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
            progress.step();
        });
        progress.phaseDone();
    }

    /** The true-up on the verified year issues the rest of each entity's allocation; then the obligations. */
    private void trueUpAndObligations(String period, int periodYear) {
        progress.phase("true-up, obligations", year.entities().size());
        AllocationCalls.verifiedDataForEveryOtherUnit(periodYear, units());
        approve(send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs", Map.of("periodId", period,
                "kind", "TRUE_UP")).statusCode(201).extract().path("runId"));
        forEachEntity((entity, party) -> {
            eventually(() -> AllocationCalls.holding(holding(party), "CEA-" + periodYear)
                    == Scenario.allocation(entity.electricityMwh()));
            progress.step();
        });
        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/compliance/" + period + "/obligations", Map.of())
                .statusCode(200);
        progress.phaseDone();
    }

    /**
     * The period's allowance first, then the earlier vintage left outside trading, up to the obligation; then until
     * the compliance table counts them all (it follows the registry's events).
     */
    private void surrenders(String period, String allowance) {
        progress.phase("surrenders", year.entities().size());
        long[] surrendered = {0};
        forEachEntity((entity, party) -> {
            String known = REGISTRY + "/api/v1/surrenders?partyId=" + party + "&periodId=" + period;
            eventually(() -> get(DemoUser.REGULATOR, known).extract().statusCode() == 200);
            long obligation = get(DemoUser.REGULATOR, known).extract().jsonPath().getLong("obligationTonnes");
            long ownAllowance = Math.min(obligation, Scenario.allocation(entity.electricityMwh()));
            long earlier = Math.min(obligation - ownAllowance, entity.grantedTonnes() - entity.intoTradingTonnes());
            List<Map<String, Object>> lines = new ArrayList<>(List.of(Map.of("instrument", allowance,
                    "quantity", ownAllowance)));
            if (earlier > 0) {
                lines.add(Map.of("instrument", Scenario.INSTRUMENT, "quantity", earlier));
            }
            surrendered[0] += ownAllowance + Math.max(0, earlier);
            send(participants.token(party), "POST", REGISTRY + "/api/v1/surrenders", Map.of("surrenderId",
                    "YEAR-" + UUID.randomUUID(), "partyId", party, "periodId", period, "lines", lines))
                    .statusCode(201);
            progress.step();
        });
        eventually(() -> get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/compliance/" + period).statusCode(200)
                .extract().jsonPath().getLong("surrenderedTonnes") == surrendered[0]);
        progress.phaseDone();
    }

    private void activity(int dataYear, CoveredEntity entity) {
        send(DemoUser.REGULATOR, "PUT", ALLOCATION + "/api/v1/activity-data/" + dataYear + "/" + entity.unitId(),
                Map.of("electricitySuppliedMwh", entity.electricityMwh(), "heatSuppliedGj", 0, "loadFactor", "0.88",
                        "heatSupplyRatio", "0", "verified", true)).statusCode(oneOf(200, 201));
    }

    private static String register(Map<String, Object> registration) {
        return send(DemoUser.REGULATOR, "POST", REGISTRY + "/api/v1/parties", registration)
                .statusCode(oneOf(200, 201)).extract().path("id");
    }

    private static void approve(String runId) {
        send(DemoUser.REGULATOR, "POST", ALLOCATION + "/api/v1/allocation-runs/" + runId + "/approval", Map.of())
                .statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static String holding(String party) {
        return AccountId.holdingOf(PartyId.parse(party)).value();
    }

    private List<String> units() {
        return year.entities().stream().map(CoveredEntity::unitId).toList();
    }

    private void forEachEntity(BiConsumer<CoveredEntity, String> step) {
        for (int i = 0; i < year.entities().size(); i++) {
            step.accept(year.entities().get(i), entities.get(i));
        }
    }
}
