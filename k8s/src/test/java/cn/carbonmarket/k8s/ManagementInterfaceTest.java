package cn.carbonmarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import cn.carbonmarket.k8s.config.ServiceConfiguration;
import cn.carbonmarket.k8s.kustomize.Kustomization;
import cn.carbonmarket.k8s.kustomize.Kustomization.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Production serves health, metrics, OpenAPI and Swagger UI on the management port only: the prod profile turns the
 * management interface on, the probes and Prometheus use that port, and the Service (what an ingress reaches)
 * exposes the API's port alone.
 */
class ManagementInterfaceTest {

    private static final Resources PROD = Kustomization.build(Path.of("k8s/overlays/prod"));

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void probesAndMetricsUseTheManagementPortWhichTheServiceDoesNotExpose(String service) {
        assertThat(ServiceConfiguration.of(service, "prod").value("quarkus.management.enabled")).hasValue("true");
        assertThat(ServiceConfiguration.of(service, "test").value("quarkus.management.enabled"))
                .as("the test suites keep /q on the API's port").isEmpty();

        JsonNode pod = PROD.get("Deployment", service + "-service").path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").get(0);
        int management = -1;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals("management")) {
                management = port.path("containerPort").asInt();
            }
        }
        assertThat(management).isPositive();
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals("QUARKUS_MANAGEMENT_PORT")) {
                assertThat(variable.path("value").asInt()).isEqualTo(management);
            }
        }
        for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(pod.path("metadata").path("annotations").path("prometheus.io/port").asInt()).isEqualTo(management);

        JsonNode ports = PROD.get("Service", service + "-service").path("spec").path("ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).path("targetPort").asText()).isEqualTo("http");
        assertThat(ports.get(0).path("port").asInt()).isNotEqualTo(management);
    }
}
