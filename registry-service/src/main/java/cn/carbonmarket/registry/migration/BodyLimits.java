package cn.carbonmarket.registry.migration;

import cn.carbonmarket.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * The server has one body limit for every request, raised in application.properties for export uploads (a
 * million-row export is hundreds of megabytes). This keeps every other endpoint to the suite's 2 MB, judged by the
 * declared Content-Length before any of the body is read.
 */
@ApplicationScoped
class BodyLimits {

    static final String UPLOADS = "/api/v1/migrations";
    private static final long OTHER_REQUESTS = 2L * 1024 * 1024;

    private final ObjectMapper json;

    BodyLimits(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || request.normalizedPath().startsWith(UPLOADS) || !tooLarge(length)) {
            request.next();
            return;
        }
        Problem problem = new Problem(URI.create("https://carbon-market.cn/problems/body-too-large"),
                "Payload too large", 413, "request bodies are limited to " + OTHER_REQUESTS + " bytes",
                request.normalizedPath(), "BODY_TOO_LARGE", List.of());
        try {
            request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            request.fail(e);
        }
    }

    private static boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > OTHER_REQUESTS;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
