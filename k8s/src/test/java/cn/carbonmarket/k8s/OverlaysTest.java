package cn.carbonmarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.carbonmarket.k8s.config.ServiceConfiguration;
import cn.carbonmarket.k8s.kustomize.Kustomization;
import cn.carbonmarket.k8s.kustomize.Kustomization.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlays as kustomize builds them: each service's Deployment gives its prod profile every variable it cannot
 * start without (the images run the prod profile in both overlays), from Secrets that are generated or that k8s/README.md
 * lists as provided, and production's Keycloak is TLS only under one public https name.
 */
class OverlaysTest {

    private static final Map<String, Resources> OVERLAYS = Map.of(
            "dev", Kustomization.build(Path.of("k8s/overlays/dev")),
            "prod", Kustomization.build(Path.of("k8s/overlays/prod")));
    private static final Resources PROD = OVERLAYS.get("prod");
    private static final Map<String, Set<String>> PROVIDED_SECRETS = providedSecrets(Path.of("k8s/README.md"));

    static Stream<Arguments> overlaysAndServices() {
        return OVERLAYS.keySet().stream().sorted()
                .flatMap(overlay -> ServiceConfiguration.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0}: {1}-service")
    @MethodSource("overlaysAndServices")
    void theDeploymentSetsEveryVariableTheProdProfileCannotStartWithout(String overlay, String service) {
        Set<String> required = ServiceConfiguration.of(service, "prod").requiredEnvironment();
        assertThat(environment(OVERLAYS.get(overlay), container(OVERLAYS.get(overlay), service)))
                .as("environment of %s-service in the %s overlay", service, overlay)
                .containsAll(required);
    }

    @ParameterizedTest(name = "{0}: {1}-service")
    @MethodSource("overlaysAndServices")
    void everySecretAndConfigMapKeyTheDeploymentReadsExists(String overlay, String service) {
        Resources build = OVERLAYS.get(overlay);
        for (JsonNode variable : container(build, service).path("env")) {
            JsonNode from = variable.path("valueFrom");
            if (from.has("secretKeyRef")) {
                assertThat(secretKeys(build, from.path("secretKeyRef").path("name").asText()))
                        .as("%s of %s-service", variable.path("name"), service)
                        .contains(from.path("secretKeyRef").path("key").asText());
            }
            if (from.has("configMapKeyRef")) {
                String name = from.path("configMapKeyRef").path("name").asText();
                assertThat(build.data("ConfigMap", name, from.path("configMapKeyRef").path("key").asText()))
                        .as("%s of %s-service from ConfigMap %s", variable.path("name"), service, name)
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theRealmImportsPlaceholdersReadKeysThatExist(String overlay) {
        Resources build = OVERLAYS.get(overlay);
        build.get("KeycloakRealmImport", "carbon-market-realm").path("spec").path("placeholders").forEach(placeholder ->
                assertThat(secretKeys(build, placeholder.path("secret").path("name").asText()))
                        .contains(placeholder.path("secret").path("key").asText()));
    }

    static Stream<String> overlays() {
        return OVERLAYS.keySet().stream().sorted();
    }

    @Test
    void productionKeycloakServesOnlyTlsUnderThePublicHttpsNameTheServicesUse() {
        JsonNode keycloak = PROD.get("Keycloak", "keycloak").path("spec");
        String hostname = keycloak.path("hostname").path("hostname").asText();
        assertThat(URI.create(hostname).getScheme()).isEqualTo("https");
        assertThat(URI.create(hostname).getHost()).isNotBlank();
        assertThat(keycloak.path("http").path("httpEnabled").asBoolean(true)).isFalse();
        assertThat(secretKeys(PROD, keycloak.path("http").path("tlsSecret").asText())).contains("tls.crt", "tls.key");
        assertThat(PROD.data("ConfigMap", "market-config", "MARKET_KEYCLOAK_URL")).isEqualTo(hostname);
    }

    @Test
    void productionRealmKeepsTheRenderedSafetyAndRedirectsOnlyToExactHttpsAddresses() {
        JsonNode realm = PROD.get("KeycloakRealmImport", "carbon-market-realm").path("spec").path("realm");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        JsonNode console = realm.path("clients").get(0);
        assertThat(console.path("clientId").asText()).isEqualTo("market-web");
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("redirectUris")).isNotEmpty().allSatisfy(uri -> {
            assertThat(uri.asText()).startsWith("https://").doesNotContain("*");
            assertThat(URI.create(uri.asText()).getHost()).isNotBlank();
        });
    }

    @Test
    void everyProvidedSecretTheReadmeListsIsUsedInProduction() {
        Set<String> used = new TreeSet<>();
        PROD.ofKind("Deployment").forEach(deployment -> deployment.findValues("secretKeyRef")
                .forEach(ref -> used.add(ref.path("name").asText())));
        PROD.ofKind("Job").forEach(job -> job.findValues("secretKeyRef")
                .forEach(ref -> used.add(ref.path("name").asText())));
        PROD.ofKind("Cluster").forEach(cluster -> {
            cluster.findValues("passwordSecret").forEach(s -> used.add(s.path("name").asText()));
            cluster.findValues("s3Credentials").forEach(c -> c.findValues("name").forEach(n -> used.add(n.asText())));
        });
        PROD.ofKind("KeycloakRealmImport").forEach(i -> i.findValues("secret").forEach(s -> used.add(s.path("name").asText())));
        PROD.ofKind("Keycloak").forEach(k -> {
            used.add(k.path("spec").path("http").path("tlsSecret").asText());
            k.findValues("usernameSecret").forEach(s -> used.add(s.path("name").asText()));
        });
        assertThat(used).containsAll(PROVIDED_SECRETS.keySet());
    }

    private static JsonNode container(Resources build, String service) {
        return build.get("Deployment", service + "-service").path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    /** The variables a container gets: its env, and every key of the ConfigMaps and Secrets of its envFrom. */
    private static Set<String> environment(Resources build, JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                build.get("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fieldNames()
                        .forEachRemaining(key -> names.add(prefix + key));
            }
            if (from.has("secretRef")) {
                secretKeys(build, from.path("secretRef").path("name").asText()).forEach(key -> names.add(prefix + key));
            }
        }
        return names;
    }

    /** The keys of a Secret the overlay generates, else of one the README lists as provided; none is a failure. */
    private static Set<String> secretKeys(Resources build, String name) {
        for (JsonNode secret : build.ofKind("Secret")) {
            if (name.equals(secret.path("metadata").path("name").asText())) {
                Set<String> keys = new TreeSet<>();
                secret.path("data").fieldNames().forEachRemaining(keys::add);
                return keys;
            }
        }
        assertThat(PROVIDED_SECRETS).as("Secret %s: neither generated nor listed in k8s/README.md, Security", name)
                .containsKey(name);
        return PROVIDED_SECRETS.get(name);
    }

    /**
     * The provided Secrets k8s/README.md lists in its Security section: rows of a table whose first cell is the
     * Secret's name and whose second lists its keys, each in backticks.
     */
    private static Map<String, Set<String>> providedSecrets(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> secrets = new TreeMap<>();
        boolean security = false;
        Pattern quoted = Pattern.compile("`([^`]+)`");
        for (String line : lines) {
            if (line.startsWith("## ")) {
                security = line.equals("## Security");
            } else if (security && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                Matcher name = quoted.matcher(cells[1]);
                Matcher keys = quoted.matcher(cells[2]);
                List<String> found = new ArrayList<>();
                while (keys.find()) {
                    found.add(keys.group(1));
                }
                if (name.find()) {
                    secrets.put(name.group(1), new TreeSet<>(found));
                }
            }
        }
        assertThat(secrets).as("provided Secrets listed in k8s/README.md, Security").isNotEmpty();
        return secrets;
    }
}
