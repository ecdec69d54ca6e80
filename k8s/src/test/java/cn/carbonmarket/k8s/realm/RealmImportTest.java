package cn.carbonmarket.k8s.realm;

import static cn.carbonmarket.k8s.realm.RealmImportRendering.OVERRIDES;
import static cn.carbonmarket.k8s.realm.RealmImportRendering.REALM;
import static cn.carbonmarket.k8s.realm.RealmImportRendering.RENDERED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The production realm import: up to date with the realm files, and what production asks of it. */
class RealmImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode local = read(REALM);
    private final JsonNode production = RealmImportRendering.resource(REALM, OVERRIDES).path("spec").path("realm");

    @Test
    void theCommittedImportIsWhatTheRealmFilesRenderNow() throws IOException {
        assertThat(Files.readString(RENDERED))
                .as("%s is stale: run k8s/render-realm.sh and commit it", RENDERED)
                .isEqualTo(RealmImportRendering.render(REALM, OVERRIDES));
    }

    @Test
    void theRenderedYamlSaysWhatTheResourceSays() throws IOException {
        assertThat(new YAMLMapper().readTree(RealmImportRendering.render(REALM, OVERRIDES)))
                .isEqualTo(RealmImportRendering.resource(REALM, OVERRIDES));
    }

    @Test
    void everyRoleAndServiceAccountOfTheRealmReachesProduction() {
        assertThat(production.path("roles").path("realm")).isEqualTo(local.path("roles").path("realm"));
        for (JsonNode user : local.path("users")) {
            if (user.has("serviceAccountClientId")) {
                assertThat(production.path("users")).as("service account of %s", user.path("serviceAccountClientId"))
                        .anySatisfy(kept -> {
                            assertThat(kept.path("serviceAccountClientId")).isEqualTo(user.path("serviceAccountClientId"));
                            assertThat(kept.path("realmRoles")).isEqualTo(user.path("realmRoles"));
                        });
            }
        }
    }

    @Test
    void productionHasNoDemoUserNorAnyDevelopmentSecret() throws IOException {
        assertThat(production.path("users")).allSatisfy(user -> {
            assertThat(user.has("serviceAccountClientId")).as("%s is a service account", user.path("username")).isTrue();
            assertThat(user.has("credentials")).isFalse();
        });
        String rendered = Files.readString(RENDERED);
        JsonNode placeholders = RealmImportRendering.resource(REALM, OVERRIDES).path("spec").path("placeholders");
        for (JsonNode client : local.path("clients")) {
            if (client.has("secret")) {
                assertThat(rendered).doesNotContain(client.path("secret").asText());
                String variable = ProductionRealm.placeholder(client.path("clientId").asText());
                assertThat(placeholders.path(variable).path("secret").path("name").asText()).isEqualTo("keycloak-client-secrets");
                assertThat(placeholders.path(variable).path("secret").path("key").asText())
                        .isEqualTo(client.path("clientId").asText());
            }
        }
    }

    @Test
    void productionAsksForTlsEverywhereAStrongPasswordAndLocksOutAfterFiveFailures() {
        assertThat(production.path("sslRequired").asText()).isEqualTo("all");
        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(production.path("failureFactor").asInt()).isBetween(1, 5);
        assertThat(production.path("passwordPolicy").asText())
                .containsPattern("length\\((1[2-9]|[2-9][0-9])\\)")
                .contains("notUsername", "passwordHistory(");
        assertThat(production.path("ssoSessionIdleTimeout").asInt()).isBetween(1, 1800);
    }

    @Test
    void theConsoleHasNoPasswordGrantInProductionButKeepsItLocally() {
        assertThat(client(production, "market-web").path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client(local, "market-web").path("directAccessGrantsEnabled").asBoolean())
                .as("./market up and the tests log in by the password grant").isTrue();
        for (JsonNode client : production.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as("password grant on %s", client.path("clientId")).isFalse();
            client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).doesNotContain("*"));
        }
    }

    @Test
    void regulatorsAuthoritiesAndClearingBanksMustEnterAOneTimePassword() {
        BrowserLogin login = new BrowserLogin(production);
        for (String role : List.of("regulator", "provincial-authority", "clearing-bank")) {
            assertThat(login.formsFor(Set.of(role))).as(role)
                    .containsExactly("auth-username-password-form", "auth-otp-form");
        }
        for (String role : List.of("compliance-entity", "investor", "verifier", "exchange-operator")) {
            assertThat(login.formsFor(Set.of(role))).as(role).containsExactly("auth-username-password-form");
        }
    }

    @Test
    void eachClientsTokensNameTheServicesItCallsAsTheirAudience() {
        assertThat(audiences(client(production, "market-web")))
                .containsExactlyInAnyOrder("registry-service", "allocation-service", "trading-service", "settlement-service");
        assertThat(audiences(client(production, "settlement-service"))).containsExactly("trading-service");
        assertThat(audiences(client(production, "integrator")))
                .as("an integrator reads market data: it never writes to the registry or settlement")
                .containsExactlyInAnyOrder("trading-service", "allocation-service");
    }

    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.path("config").path("access.token.claim").asBoolean()) {
                audiences.add(mapper.path("config").path("included.client.audience").asText());
            }
        }
        return audiences;
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
