package cn.carbonmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.year.play.AllocationCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars run the prod profile: health, metrics, OpenAPI and Swagger UI answer on each service's management
 * port (its API's port + 10, infra/lib/services.sh) and nothing under /q/ answers on the API's port.
 */
class ManagementInterfaceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> TOOLS = List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/");

    @Test
    void theToolsAnswerOnTheManagementPortOnly() throws Exception {
        Map<String, String> services = Map.of("registry", AllocationCalls.REGISTRY, "allocation",
                AllocationCalls.ALLOCATION, "trading", AllocationCalls.TRADING, "settlement", AllocationCalls.SETTLEMENT);
        for (String property : services.keySet()) {
            URI api = URI.create(services.get(property));
            URI management = URI.create("http://" + api.getHost() + ":" + (api.getPort() + 10));
            for (String tool : TOOLS) {
                assertThat(status(api.resolve(tool))).as("%s on %s's API port", tool, property).isEqualTo(404);
                assertThat(status(management.resolve(tool))).as("%s on %s's management port", tool, property)
                        .isEqualTo(200);
            }
        }
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
