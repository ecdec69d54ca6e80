package cn.carbonmarket.registry.migration;

import static cn.carbonmarket.registry.migration.MigrationUploads.Part;
import static cn.carbonmarket.registry.migration.MigrationUploads.held;
import static cn.carbonmarket.registry.migration.MigrationUploads.sampleControl;
import static cn.carbonmarket.registry.migration.MigrationUploads.sampleExport;
import static cn.carbonmarket.registry.migration.MigrationUploads.upload;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.migration.export.DuplicateLine;
import cn.carbonmarket.registry.migration.export.HoldingLine;
import cn.carbonmarket.registry.migration.export.PilotSample;
import cn.carbonmarket.testing.Database;
import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.Identities;
import cn.carbonmarket.testing.KafkaTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Imports that must not book (an unreadable row, edited control totals, a re-export of a migrated registry), the
 * merging of holders with parties registered before, and who may import what, against the real services.
 */
@QuarkusTest
class MigrationImportTest {

    private static final Database DB = RegistryFixtures.DB;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tables an import writes; a failed import must leave each as it was. */
    /**
     * What a migration writes: parties, holding accounts, MIGRATION transactions and their lines, their events, and
     * the units out of the pilots' source accounts. Other services' tests publish on the shared test topics while
     * these run, and what the registry books from them is not counted.
     */
    private record Written(long parties, long accounts, long transactions, long lines, long events, long units) {

        static Written now() {
            return new Written(DB.count("select count(*) from party"),
                    DB.count("select count(*) from account where type = 'HOLDING'"),
                    DB.count("select count(*) from registry_transaction where type = 'MIGRATION'"),
                    DB.count("select count(*) from transaction_line l join registry_transaction t"
                            + " on t.id = l.transaction_id where t.type = 'MIGRATION'"),
                    DB.count("select count(*) from outbox_event where event_type = 'PartyRegistered'"
                            + " or envelope like '%\"type\":\"MIGRATION\"%'"),
                    DB.count("select coalesce(sum(h.quantity), 0) from holding h join account a on a.id = h.account_id"
                            + " where a.type = 'MIGRATION_SOURCE'"));
        }
    }

    /** A line-based sample with its first two records swapped: other bytes (another upload), the same holdings. */
    private static Part reordered(PilotSample sample) {
        String original = new String(sample.export(), sample.charset());
        String newline = original.contains("\r\n") ? "\r\n" : "\n";
        List<String> text = new ArrayList<>(original.lines().toList());
        text.set(1, text.set(2, text.get(1)));
        return new Part(sample.file(), (String.join(newline, text) + newline).getBytes(sample.charset()));
    }

    private static String partyOf(String identityCode) {
        return RegistryFixtures.partyOf(identityCode);
    }

    @Test
    void holdersBecomePartiesOnceAndAPartyRegisteredBeforeIsKept() throws Exception {
        String fund = Identities.creditCode("120000");
        String steel = Identities.creditCode("120000");
        String person = RegistryFixtures.residentId("120101");
        String badChecksum = Identities.withBadChecksum(Identities.creditCode("120000"));
        String unknownType = Identities.creditCode("120000");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("name", "Binhai Carbon Fund Ltd", "type", "INSTITUTION", "region", "TJ",
                        "creditCode", fund))
                .post("/api/v1/parties").then().statusCode(201);
        String n = Long.toString(System.nanoTime() % 1_000_000);
        // Vintages 2014 and 2015: the Tianjin sample has none, so its totals stay apart from this export's.
        String export = MigrationUploads.TIANJIN_HEADER
                + "TJX" + n + "1,Binhai Fund,INSTITUTION," + fund + ",2015-01-01,TJEA,2014,1000\r\n"
                + "TJX" + n + "2,天津钢铁有限公司,ENTITY," + steel + ",2015-01-01,TJEA,2014,500\r\n"
                + "TJX" + n + "3,天津钢铁有限公司,ENTITY," + steel + ",2016-01-01,TJEA,2015,700\r\n"
                + "TJX" + n + "3,天津钢铁有限公司,ENTITY," + steel + ",2016-01-01,TJEA,2015,700\r\n"
                + "TJX" + n + "4,张伟,INDIVIDUAL," + person + ",2017-01-01,TJEA,2015,0\r\n"
                + "TJX" + n + "5,Broken Code Co,ENTITY," + badChecksum + ",2017-01-01,TJEA,2014,300\r\n"
                + "TJX" + n + "6,Some Institute,事业单位," + unknownType + ",2017-01-01,TJEA,2015,40\r\n";
        long suspended2014 = RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2014", "AVAILABLE");
        long suspended2015 = RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2015", "AVAILABLE");

        var accepted = upload(DemoUser.REGULATOR, "TJ", List.of(new Part("tianjin_extra.csv",
                        export.getBytes(StandardCharsets.UTF_8))),
                new Part("control.json", MigrationUploads.control("TJ", 6, Map.of("TJEA-2014", 1800L, "TJEA-2015", 740L))))
                .statusCode(202).body("status", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING")).extract();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/migrations/" + id);
        JsonPath job = MigrationUploads.awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("COMMITTED");
        assertThat(job.getMap("counters")).isEqualTo(Map.of("rowsRead", 7, "rowsBooked", 4, "rowsSetAside", 2,
                "rowsDropped", 1, "rowsFailed", 0));
        assertThat(job.getInt("report.booked.partiesAdmitted")).isEqualTo(2);
        assertThat(job.getInt("report.booked.partiesAlreadyRegistered")).isEqualTo(1);
        assertThat(job.getInt("report.booked.transactions")).isEqualTo(4);
        // The party registered before keeps its details; it only receives its units.
        assertThat(DB.count("select count(*) from party where identity_shown = ? and name = 'Binhai Carbon Fund Ltd'"
                + " and type = 'INSTITUTION'", fund)).isEqualTo(1);
        assertThat(held(List.of("HOLDING-" + partyOf(fund)), "TJEA-2014")).isEqualTo(1000);
        // Two pilot accounts, one party, a key emitting unit of Tianjin by its credit code.
        assertThat(DB.count("select count(*) from party where identity_shown = ? and type = 'COMPLIANCE_ENTITY'"
                + " and region = 'TJ' and name = '天津钢铁有限公司'", steel)).isEqualTo(1);
        assertThat(held(List.of("HOLDING-" + partyOf(steel)), "TJEA-2014")).isEqualTo(500);
        assertThat(held(List.of("HOLDING-" + partyOf(steel)), "TJEA-2015")).isEqualTo(700);
        // A zero-tonne row makes the holder a party with an empty account, and no holding.
        String personParty = partyOf(person);
        assertThat(DB.count("select count(*) from party where id = ?::uuid and type = 'INDIVIDUAL'", personParty))
                .isEqualTo(1);
        assertThat(DB.count("select count(*) from holding where account_id = ?", "HOLDING-" + personParty)).isZero();
        // Unidentified holders: no party, their units in suspense.
        assertThat(DB.count("select count(*) from party where identity_shown in (?, ?)", badChecksum, unknownType))
                .isZero();
        assertThat(RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2014", "AVAILABLE"))
                .isEqualTo(suspended2014 + 300);
        assertThat(RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2015", "AVAILABLE"))
                .isEqualTo(suspended2015 + 40);

        JsonPath issues = MigrationUploads.issues(id);
        assertThat(issues.getList("line", Integer.class)).containsExactly(5, 7, 8);
        assertThat(issues.getList("outcome", String.class)).containsExactly("DROPPED", "SET_ASIDE", "SET_ASIDE");
        assertThat(issues.getString("[0].reason")).isEqualTo("exact duplicate of line 4");
        assertThat(issues.getString("[1].reason")).contains("checksum");
        assertThat(issues.getString("[1].pilotAccount")).isEqualTo("TJX" + n + "5");
        assertThat(issues.getInt("[1].tonnes")).isEqualTo(300);
        assertThat(issues.getString("[2].reason")).contains("事业单位");

        // The new parties and their units reach the other services through the outbox.
        String steelParty = partyOf(steel);
        JsonNode registered = JSON.readTree(new KafkaTopic("registry.parties")
                .await(r -> steelParty.equals(r.key()), Duration.ofSeconds(30)).value());
        assertThat(registered.at("/payload/type").asText()).isEqualTo("COMPLIANCE_ENTITY");
        assertThat(registered.at("/payload/holdingAccount").asText()).isEqualTo("HOLDING-" + steelParty);
        JsonNode booked = JSON.readTree(new KafkaTopic("registry.transactions")
                .await(r -> steelParty.equals(r.key()) && r.value().contains("MIGRATION"), Duration.ofSeconds(30))
                .value());
        assertThat(booked.at("/payload/type").asText()).isEqualTo("MIGRATION");
        assertThat(booked.at("/payload/lines").size()).isEqualTo(4);
        assertThat(booked.at("/payload/lines/0/account").asText()).isEqualTo("MIGRATION_SOURCE-TJ");
    }

    @Test
    void setAsideUnitsGoToThePartyTheRegulatorIdentifiesOnce() {
        String badChecksum = Identities.withBadChecksum(Identities.creditCode("120000"));
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String typo = "TJS" + n + "1";
        String export = MigrationUploads.TIANJIN_HEADER
                + typo + ",Typo Steel Co,ENTITY," + badChecksum + ",2015-01-01,TJEA,2014,300\r\n"
                + typo + ",Typo Steel Co,ENTITY," + badChecksum + ",2015-01-01,TJEA,2015,20\r\n"
                + "TJS" + n + "2,Other Co,ENTITY," + Identities.withBadChecksum(Identities.creditCode("120000"))
                + ",2015-01-01,TJEA,2015,5\r\n";
        String id = upload(DemoUser.REGULATOR, "TJ", List.of(new Part("tianjin_typos.csv",
                        export.getBytes(StandardCharsets.UTF_8))),
                new Part("control.json", MigrationUploads.control("TJ", 3, Map.of("TJEA-2014", 300L, "TJEA-2015", 25L))))
                .statusCode(202).extract().path("id");
        assertThat(MigrationUploads.awaitFinished(id).getString("status")).isEqualTo("COMMITTED");
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 0);
        String holder = "HOLDING-" + DemoUser.ENTITY_2.partyId();
        long suspended = RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2014", "AVAILABLE");
        long held2014 = RegistryFixtures.quantity(holder, "TJEA-2014", "AVAILABLE");
        long held2015 = RegistryFixtures.quantity(holder, "TJEA-2015", "AVAILABLE");
        String suspense = "/api/v1/migrations/" + id + "/suspense";
        Map<String, String> toEntity2 = Map.of("party", DemoUser.ENTITY_2.partyId(),
                "evidence", "business licence shown; the pilot export mistyped the credit code");

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).get(suspense).then().statusCode(200)
                .body("pilotAccount", org.hamcrest.Matchers.contains(typo, "TJS" + n + "2"))
                .body("[0].tonnes", equalTo(Map.of("TJEA-2014", 300, "TJEA-2015", 20)))
                .body("[0].assignment", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(accessToken(DemoUser.ENTITY_2)).contentType(ContentType.JSON).body(toEntity2)
                .post(suspense + "/" + typo + "/assignment").then().statusCode(403);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(toEntity2)
                .post(suspense + "/" + typo + "/assignment").then().statusCode(201)
                .body("assignment.party", equalTo(DemoUser.ENTITY_2.partyId()));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(toEntity2)
                .post(suspense + "/" + typo + "/assignment").then().statusCode(200);

        assertThat(RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2014", "AVAILABLE"))
                .isEqualTo(suspended - 300);
        assertThat(RegistryFixtures.quantity(holder, "TJEA-2014", "AVAILABLE")).isEqualTo(held2014 + 300);
        assertThat(RegistryFixtures.quantity(holder, "TJEA-2015", "AVAILABLE")).isEqualTo(held2015 + 20);
        assertThat(DB.count("select count(*) from registry_transaction where type = 'MIGRATION'"
                + " and idempotency_key like ?", "%suspense/" + id + "/" + typo)).isEqualTo(1);

        Map<String, String> toEntity1 = Map.of("party", DemoUser.ENTITY_1.partyId(), "evidence", "x");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(toEntity1)
                .post(suspense + "/" + typo + "/assignment").then().statusCode(409)
                .body("code", equalTo("ALREADY_ASSIGNED"));
        Map<String, String> toNobody = Map.of("party", UUID.randomUUID().toString(), "evidence", "x");
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(toNobody)
                .post(suspense + "/TJS" + n + "2/assignment").then().statusCode(422)
                .body("code", equalTo("ACCOUNT_NOT_FOUND"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body(toEntity2)
                .post(suspense + "/TJS-NONE/assignment").then().statusCode(404)
                .body("code", equalTo("NOT_IN_SUSPENSE"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body(Map.of("party", "not-a-party", "evidence", "x"))
                .post(suspense + "/TJS" + n + "2/assignment").then().statusCode(400);
        assertThat(RegistryFixtures.quantity("MIGRATION_SUSPENSE-TJ", "TJEA-2015", "AVAILABLE"))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void anUnreadableQuantityFailsTheWholeImportAndNothingIsWritten() {
        PilotSample sample = PilotSample.CQ;
        var lines = sample.lines();
        Set<Integer> duplicated = lines.stream().filter(DuplicateLine.class::isInstance)
                .map(l -> ((DuplicateLine) l).duplicateOf()).collect(Collectors.toSet());
        HoldingLine tampered = lines.stream().filter(HoldingLine.class::isInstance).map(HoldingLine.class::cast)
                .filter(h -> h.tonnes() > 0 && !duplicated.contains(h.line())).findFirst().orElseThrow();
        List<String> text = new ArrayList<>(new String(sample.export(), StandardCharsets.UTF_8).lines().toList());
        String row = text.get(tampered.line() - 1);
        text.set(tampered.line() - 1, row.substring(0, row.lastIndexOf('\t') + 1) + "58.51x8");
        Written before = Written.now();

        String id = upload(DemoUser.REGULATOR, "CQ", List.of(new Part(sample.file(),
                        (String.join("\n", text) + "\n").getBytes(StandardCharsets.UTF_8))), sampleControl(sample))
                .statusCode(202).extract().path("id");
        JsonPath job = MigrationUploads.awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("report.failure.code")).isEqualTo("RECONCILIATION_FAILED");
        assertThat(job.getBoolean("report.reconciled")).isFalse();
        assertThat(job.getLong("counters.rowsFailed")).isEqualTo(1);
        assertThat(job.getList("report.failedRows.line", Integer.class)).containsExactly(tampered.line());
        assertThat(job.getString("report.failedRows[0].reason")).contains("58.51x8");
        Map<String, Object> difference = job.getMap("report.instruments.find { it.difference != 0 }");
        assertThat(difference.get("instrument")).isEqualTo(tampered.instrument().toString());
        assertThat(((Number) difference.get("difference")).longValue()).isEqualTo(-tampered.tonnes());
        assertThat(job.getList("report.instruments.findAll { it.difference != 0 }")).hasSize(1);
        assertThat(job.getLong("report.holdingRows.difference")).isEqualTo(-1);
        assertThat(MigrationUploads.issues(id).getList("findAll { it.outcome == 'FAILED' }.line", Integer.class))
                .containsExactly(tampered.line());
        assertThat(Written.now()).isEqualTo(before);
    }

    @Test
    void editedControlTotalsFailTheImportWithTheDifferenceAndNothingIsWritten() throws Exception {
        PilotSample sample = PilotSample.GD;
        ObjectNode control = (ObjectNode) JSON.readTree(sample.controlJson());
        ObjectNode totals = (ObjectNode) control.get("totalsTonnes");
        totals.put("GDEA-2021", totals.get("GDEA-2021").asLong() + 1);
        totals.put("GDEA-2014", 5);
        Written before = Written.now();

        // Reordered, so that it is a new upload even where the sample itself was imported before.
        String id = upload(DemoUser.REGULATOR, "GD", List.of(reordered(sample)),
                new Part("control.json", control.toString().getBytes(StandardCharsets.UTF_8)))
                .statusCode(202).extract().path("id");
        JsonPath job = MigrationUploads.awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("report.failure.code")).isEqualTo("RECONCILIATION_FAILED");
        assertThat(job.getList("report.instruments.findAll { it.difference != 0 }.instrument", String.class))
                .containsExactly("GDEA-2014", "GDEA-2021");
        assertThat(job.getLong("report.instruments.find { it.instrument == 'GDEA-2021' }.difference")).isEqualTo(-1);
        assertThat(job.getLong("report.instruments.find { it.instrument == 'GDEA-2014' }.difference")).isEqualTo(-5);
        assertThat(job.getLong("counters.rowsFailed")).isZero();
        assertThat(Written.now()).isEqualTo(before);
    }

    @Test
    void aReExportOfAMigratedRegistryIsRefusedAndNothingIsWritten() {
        PilotSample sample = PilotSample.BJ;
        assertThat(MigrationUploads.importSample(sample).getString("status")).isEqualTo("COMMITTED");
        Written before = Written.now();

        String id = upload(DemoUser.REGULATOR, "BJ", List.of(reordered(sample)), sampleControl(sample))
                .statusCode(202).extract().path("id");
        JsonPath job = MigrationUploads.awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("report.failure.code")).isEqualTo("ALREADY_MIGRATED");
        assertThat(job.getBoolean("report.reconciled")).isFalse();
        assertThat(job.getList("report.instruments.difference", Integer.class)).containsOnly(0);
        assertThat(Written.now()).isEqualTo(before);
    }

    @Test
    void exportsMayBeLargerThanOtherRequests() {
        StringBuilder export = new StringBuilder(MigrationUploads.TIANJIN_HEADER);
        String holder = ",天津大型排放单位,ENTITY," + Identities.creditCode("120000") + ",2015-01-01,TJEA,2013,";
        for (int row = 0; row < 30_000; row++) {
            export.append("TJB").append(row).append(holder).append(row).append("\r\n");
        }
        byte[] bytes = export.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * 1024 * 1024);
        long total = 30_000L * 29_999 / 2;

        // Totals one tonne short: the upload is accepted and read whole, then fails without writing a holding.
        String id = upload(DemoUser.REGULATOR, "TJ", List.of(new Part("tianjin_large.csv", bytes)),
                new Part("control.json", MigrationUploads.control("TJ", 30_000, Map.of("TJEA-2013", total - 1))))
                .statusCode(202).extract().path("id");
        JsonPath job = MigrationUploads.awaitFinished(id);
        assertThat(job.getString("report.failure.code")).isEqualTo("RECONCILIATION_FAILED");
        assertThat(job.getLong("counters.rowsBooked")).isEqualTo(30_000);
        assertThat(job.getLong("report.instruments[0].difference")).isEqualTo(1);

        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(3_000_000) + "\"}").when().post("/api/v1/parties").then()
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("BODY_TOO_LARGE"));
    }

    @Test
    void onlyTheRegulatorImportsAndSeesJobs() {
        PilotSample sample = PilotSample.SZ;
        long jobs = DB.count("select count(*) from migration_job");

        upload(DemoUser.INVESTOR_1, "SZ", List.of(sampleExport(sample)), sampleControl(sample))
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("ROLE_NOT_ALLOWED"));
        upload(null, "SZ", List.of(sampleExport(sample)), sampleControl(sample))
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        assertThat(DB.count("select count(*) from migration_job")).isEqualTo(jobs);

        String id = MigrationUploads.importSample(sample).getString("id");
        given().auth().oauth2(accessToken(DemoUser.ENTITY_1)).when().get("/api/v1/migrations/" + id)
                .then().statusCode(403);
        given().when().get("/api/v1/migrations/" + id + "/issues").then().statusCode(401);
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when()
                .get("/api/v1/migrations/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("MIGRATION_NOT_FOUND"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/migrations/not-a-uuid")
                .then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void badInputIsRefusedPartByPartAndNothingIsWritten() {
        PilotSample beijing = PilotSample.BJ;
        Part export = sampleExport(beijing);
        Part control = sampleControl(beijing);
        long jobs = DB.count("select count(*) from migration_job");

        upload(DemoUser.REGULATOR, null, List.of(export), control)
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("pilot"));
        upload(DemoUser.REGULATOR, "XX", List.of(export), control)
                .statusCode(400).body("errors.field", hasItem("pilot"))
                .body("detail", org.hamcrest.Matchers.containsString("unknown pilot 'XX'"));
        upload(DemoUser.REGULATOR, "BJ", List.of(), control)
                .statusCode(400).body("errors.field", hasItem("files"));
        upload(DemoUser.REGULATOR, "BJ", List.of(export), null)
                .statusCode(400).body("errors.field", hasItem("control"));
        upload(DemoUser.REGULATOR, "BJ", List.of(export), sampleControl(PilotSample.TJ))
                .statusCode(400).body("errors.field", hasItem("control"))
                .body("detail", org.hamcrest.Matchers.containsString("Tianjin"));
        upload(DemoUser.REGULATOR, "BJ", List.of(export, new Part("notes.txt", "hello".getBytes())), control)
                .statusCode(400).body("errors.field", hasItem("files"))
                .body("detail", org.hamcrest.Matchers.containsString("notes.txt"));
        upload(DemoUser.REGULATOR, "BJ", List.of(sampleExport(PilotSample.HB)), control)
                .statusCode(400).body("errors.field", hasItem("files"));
        upload(DemoUser.REGULATOR, "BJ", List.of(export), new Part("control.json", "{\"pilot\": ".getBytes()))
                .statusCode(400).body("errors.field", hasItem("control"));
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).multiPart("note", "nothing else").when()
                .post("/api/v1/migrations").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("pilot", "files", "control"));
        // Not a form at all: the media type is what is wrong.
        given().auth().oauth2(accessToken(DemoUser.REGULATOR)).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/migrations").then().statusCode(415).contentType("application/problem+json");

        assertThat(DB.count("select count(*) from migration_job")).isEqualTo(jobs);
    }
}
