package cn.carbonmarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import cn.carbonmarket.k8s.config.ServiceConfiguration;
import cn.carbonmarket.k8s.kustomize.Kustomization;
import cn.carbonmarket.k8s.kustomize.Kustomization.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The production overlay's databases: each schema migrated before the deployment by a Job connecting as the owner,
 * each service serving as the runtime role over verified TLS, and each cluster with a synchronous standby, archived
 * WAL and nightly backups.
 */
class DatabasesTest {

    private static final Resources PROD = Kustomization.build(Path.of("k8s/overlays/prod"));

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void aJobMigratesAsTheOwnerBeforeTheDeploymentWhichServesAsTheRuntimeRole(String service) {
        JsonNode job = PROD.get("Job", service + "-migration");
        JsonNode migrate = job.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(migrate.path("image").asText()).isEqualTo(container(service).path("image").asText());
        assertThat(value(migrate, "QUARKUS_INIT_AND_EXIT")).isEqualTo("true");
        assertThat(value(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("true");
        assertThat(secret(migrate, "MARKET_DB_USER")).isEqualTo(service + "-db-app");
        assertThat(secret(migrate, "MARKET_DB_PASSWORD")).isEqualTo(service + "-db-app");
        assertThat(job.path("metadata").path("annotations").path("argocd.argoproj.io/hook").asText()).isEqualTo("PreSync");
        assertThat(names(migrate)).as("the prod profile starts only with all of its variables")
                .containsAll(ServiceConfiguration.of(service, "prod").requiredEnvironment());

        JsonNode serving = container(service);
        assertThat(secret(serving, "MARKET_DB_USER")).isEqualTo(service + "-db-runtime");
        assertThat(secret(serving, "MARKET_DB_PASSWORD")).isEqualTo(service + "-db-runtime");
        assertThat(value(serving, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isNull();
        ServiceConfiguration prod = ServiceConfiguration.of(service, "prod");
        assertThat(prod.value("quarkus.flyway.migrate-at-start")).hasValue("false");
        assertThat(prod.value("quarkus.flyway.out-of-order")).hasValue("false");
        assertThat(prod.value("market.db.sslmode")).hasValue("verify-full");
        assertThat(value(serving, "MARKET_DB_CA_FILE")).startsWith(mountOf(serving, service + "-db-ca"));
    }

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void eachDatabaseHasASynchronousStandbyArchivedWalAndNightlyBackups(String service) {
        JsonNode cluster = PROD.get("Cluster", service + "-db").path("spec");
        assertThat(cluster.path("instances").asInt()).isEqualTo(3);
        assertThat(cluster.path("minSyncReplicas").asInt()).isEqualTo(1);
        assertThat(cluster.path("maxSyncReplicas").asInt()).isEqualTo(1);
        assertThat(cluster.path("bootstrap").path("initdb").path("owner").asText()).isEqualTo(service);
        assertThat(cluster.path("managed").path("roles")).anySatisfy(role -> {
            assertThat(role.path("name").asText()).isEqualTo(service + "_app");
            assertThat(role.path("passwordSecret").path("name").asText()).isEqualTo(service + "-db-runtime");
            assertThat(role.path("superuser").asBoolean(false)).isFalse();
            assertThat(role.path("createdb").asBoolean(false)).isFalse();
        });
        JsonNode store = cluster.path("backup").path("barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).startsWith("s3://").endsWith("/" + service + "-db");
        assertThat(store.path("s3Credentials").path("secretAccessKey").path("name").asText()).isNotBlank();
        assertThat(PROD.ofKind("ScheduledBackup")).anySatisfy(backup -> {
            assertThat(backup.path("spec").path("cluster").path("name").asText()).isEqualTo(service + "-db");
            assertThat(backup.path("spec").path("method").asText()).isEqualTo("barmanObjectStore");
        });
    }

    @Test
    void developmentRunsOneInstanceWithoutSynchronousStandbyOrBackups() {
        Resources dev = Kustomization.build(Path.of("k8s/overlays/dev"));
        for (String service : ServiceConfiguration.SERVICES) {
            JsonNode cluster = dev.get("Cluster", service + "-db").path("spec");
            assertThat(cluster.path("instances").asInt()).isEqualTo(1);
            assertThat(cluster.path("minSyncReplicas").asInt()).isZero();
            assertThat(cluster.has("backup")).isFalse();
        }
        assertThat(dev.ofKind("ScheduledBackup")).isEmpty();
    }

    static JsonNode container(String service) {
        return PROD.get("Deployment", service + "-service").path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private static Set<String> names(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        return names;
    }

    private static String value(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText(null);
            }
        }
        return null;
    }

    private static String secret(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            }
        }
        return null;
    }

    /** Where the pod mounts the volume holding {@code secret}. */
    private static String mountOf(JsonNode container, String secret) {
        JsonNode pod = PROD.ofKind("Deployment").stream()
                .filter(d -> d.path("spec").path("template").path("spec").path("containers").get(0).equals(container))
                .findFirst().orElseThrow().path("spec").path("template").path("spec");
        for (JsonNode volume : pod.path("volumes")) {
            if (secret.equals(volume.path("secret").path("secretName").asText())) {
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (mount.path("name").asText().equals(volume.path("name").asText())) {
                        return mount.path("mountPath").asText();
                    }
                }
            }
        }
        throw new AssertionError("no volume of Secret " + secret);
    }
}
