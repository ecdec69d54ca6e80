package cn.carbonmarket.registry.migration;

import static cn.carbonmarket.registry.migration.MigrationUploads.held;
import static cn.carbonmarket.registry.migration.MigrationUploads.migrationTransactions;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.LegalIdentity;
import cn.carbonmarket.contracts.party.ResidentIdentityNumber;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.registry.migration.export.DuplicateLine;
import cn.carbonmarket.registry.migration.export.ExportLine;
import cn.carbonmarket.registry.migration.export.HolderKind;
import cn.carbonmarket.registry.migration.export.HoldingLine;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.migration.export.PilotSample;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each pilot's sample export imported through the API into the real database: it reconciles to the pilot's control
 * totals, unidentifiable holders' units wait in suspense, duplicates are dropped, a holder is one party however
 * many pilot accounts it had, and the same upload again books nothing. The expectations are worked out here from the
 * export itself, so that they hold on a fresh database and on a rerun alike.
 */
@QuarkusTest
class MigrationSampleImportTest {

    /** What the sample's rows say the import must do. */
    private record Expected(List<ExportLine> lines, List<HoldingLine> holdings, List<HoldingLine> unidentifiable,
                            Set<String> holderIdentities) {

        static Expected of(PilotSample sample) {
            List<ExportLine> lines = sample.lines();
            List<HoldingLine> holdings = lines.stream().filter(HoldingLine.class::isInstance)
                    .map(HoldingLine.class::cast).toList();
            List<HoldingLine> unidentifiable = holdings.stream().filter(h -> identity(h) == null).toList();
            Set<String> holderIdentities = holdings.stream().map(MigrationSampleImportTest::identity)
                    .filter(i -> i != null).map(LegalIdentity::code).collect(Collectors.toSet());
            return new Expected(lines, holdings, unidentifiable, holderIdentities);
        }

        /** The holding accounts of the identified holders' parties, once imported (party ids are random). */
        List<String> holderAccounts() {
            return holderIdentities.stream().map(code -> "HOLDING-" + RegistryFixtures.partyOf(code)).toList();
        }

        Map<String, Long> tonnes(List<HoldingLine> rows) {
            Map<String, Long> tonnes = new HashMap<>();
            rows.forEach(h -> tonnes.merge(h.instrument().toString(), h.tonnes(), Long::sum));
            return tonnes;
        }
    }

    /** The holder's identity if its checksum holds for its kind; null when the holder cannot be identified. */
    private static LegalIdentity identity(HoldingLine holding) {
        try {
            return holding.holderKind() == HolderKind.INDIVIDUAL ? ResidentIdentityNumber.parse(holding.identityCode())
                    : holding.holderKind().isOrganisation() ? UnifiedSocialCreditCode.parse(holding.identityCode())
                    : null;
        } catch (InvalidValueException e) {
            return null;
        }
    }

    @ParameterizedTest
    @EnumSource(Pilot.class)
    void theSampleReconcilesToItsControlTotalsWithUnidentifiedHoldersInSuspense(Pilot pilot) {
        PilotSample sample = PilotSample.of(pilot);
        Expected expected = Expected.of(sample);
        var control = sample.control();
        String suspense = "MIGRATION_SUSPENSE-" + pilot;

        JsonPath job = MigrationUploads.importSample(sample);

        assertThat(job.getString("status")).isEqualTo("COMMITTED");
        assertThat(job.getString("report.failure")).isNull();
        assertThat(job.getLong("counters.rowsRead")).isEqualTo(expected.lines().size());
        assertThat(job.getLong("counters.rowsDropped")).isEqualTo(sample.duplicates());
        assertThat(job.getLong("counters.rowsFailed")).isZero();
        assertThat(job.getLong("counters.rowsSetAside")).isEqualTo(expected.unidentifiable().size());
        assertThat(job.getLong("counters.rowsBooked") + job.getLong("counters.rowsSetAside"))
                .isEqualTo(control.holdingRows());
        assertThat(job.getList("report.instruments.difference", Integer.class)).containsOnly(0);

        Map<String, Long> inSuspense = expected.tonnes(expected.unidentifiable());
        List<String> holderAccounts = expected.holderAccounts();
        control.tonnesByInstrument().forEach((instrument, total) -> {
            String code = instrument.toString();
            assertThat(held(holderAccounts, code) + held(List.of(suspense), code))
                    .as("%s held by the pilot's holders and in suspense", code).isEqualTo(total);
            assertThat(held(List.of(suspense), code)).as("%s in suspense", code)
                    .isEqualTo(inSuspense.getOrDefault(code, 0L));
            assertThat(RegistryFixtures.quantity("MIGRATION_SOURCE-" + pilot, code, "AVAILABLE"))
                    .as("%s mirrored by the source account", code).isEqualTo(-total);
        });

        JsonPath issues = MigrationUploads.issues(job.getString("id"));
        assertThat(issues.getList("findAll { it.outcome == 'SET_ASIDE' }.line", Integer.class))
                .containsExactlyElementsOf(expected.unidentifiable().stream().map(HoldingLine::line).toList());
        assertThat(issues.getList("findAll { it.outcome == 'SET_ASIDE' }.reason", String.class))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(issues.getList("findAll { it.outcome == 'DROPPED' }.line", Integer.class))
                .containsExactlyElementsOf(expected.lines().stream().filter(DuplicateLine.class::isInstance)
                        .map(ExportLine::line).toList());
        assertThat(issues.getList("findAll { it.outcome == 'FAILED' }")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Pilot.class, names = {"BJ", "CQ", "GD", "HB", "SZ"})
    void aHolderWithSeveralPilotAccountsIsOnePartyHoldingAllItsUnits(Pilot pilot) {
        PilotSample sample = PilotSample.of(pilot);
        Expected expected = Expected.of(sample);
        Map<String, Set<String>> accountsByIdentity = new HashMap<>();
        expected.holdings().stream().filter(h -> identity(h) != null).forEach(h -> accountsByIdentity
                .computeIfAbsent(h.identityCode(), code -> new HashSet<>()).add(h.pilotAccount()));
        List<String> severalAccounts = accountsByIdentity.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(severalAccounts).isNotEmpty();

        MigrationUploads.importSample(sample);

        for (String code : severalAccounts) {
            // One party per identity: the blind index is unique.
            assertThat(RegistryFixtures.partyOf(code)).isNotNull();
            HoldingLine first = expected.holdings().stream().filter(h -> h.identityCode().equals(code)).findFirst()
                    .orElseThrow();
            String account = "HOLDING-" + RegistryFixtures.partyOf(identity(first).code());
            expected.tonnes(expected.holdings().stream().filter(h -> h.identityCode().equals(code)).toList())
                    .forEach((instrument, tonnes) -> assertThat(held(List.of(account), instrument))
                            .as("%s of %s", instrument, code).isEqualTo(tonnes));
        }
    }

    @Test
    void theSameUploadAgainReturnsTheFirstJobAndBooksNothing() {
        PilotSample sample = PilotSample.HB;
        String first = MigrationUploads.importSample(sample).getString("id");
        long transactions = migrationTransactions("HB");
        long parties = RegistryFixtures.DB.count("select count(*) from party");

        MigrationUploads.upload(DemoUser.REGULATOR, "HB", List.of(MigrationUploads.sampleExport(sample)),
                        MigrationUploads.sampleControl(sample))
                .statusCode(200).body("id", equalTo(first)).body("status", equalTo("COMMITTED"));
        // The same files under another name are the same upload too.
        MigrationUploads.upload(DemoUser.REGULATOR, "HB", List.of(new MigrationUploads.Part("hubei-again.xml",
                        sample.export())), MigrationUploads.sampleControl(sample))
                .statusCode(200).body("id", equalTo(first));

        assertThat(migrationTransactions("HB")).isEqualTo(transactions);
        assertThat(RegistryFixtures.DB.count("select count(*) from party")).isEqualTo(parties);
    }

    @Test
    void theAuditChainStillVerifiesAfterImports() {
        for (PilotSample sample : List.of(PilotSample.SZ, PilotSample.TJ)) {
            assertThat(MigrationUploads.importSample(sample).getString("status")).isEqualTo("COMMITTED");
        }
        List<Object> verification = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath result = given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when()
                    .get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
            verification.add(result.get());
            return result.getLong("pending") == 0;
        });
        JsonPath last = given().auth().oauth2(accessToken(DemoUser.REGULATOR)).when().get("/api/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath();
        assertThat(last.getString("brokenAt")).as("the chain after %s", verification).isNull();
        assertThat(last.getLong("verified")).isGreaterThanOrEqualTo(migrationTransactions("SZ"));
    }
}
