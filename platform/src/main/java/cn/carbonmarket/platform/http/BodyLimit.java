package cn.carbonmarket.platform.http;

import cn.carbonmarket.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps every request body but the uploads' to {@code market.http.body-limit}, whatever its transfer encoding. A
 * declared Content-Length over the limit is refused before any of the body is read (the connection cannot carry more
 * than it declares). A chunked HTTP/1.1 body is read here as it arrives and refused as soon as it passes the limit,
 * then handed to the endpoint whole (ReadAheadBody): the server's own limit only judges the declared length, and the
 * upload routes need a far larger one. A refusal is a 413 problem (BODY_TOO_LARGE) that closes the connection; the
 * endpoint never runs, so nothing changes.
 *
 * <p>An HTTP/2 stream cannot be read ahead: the endpoint then pauses a request that has ended, which HTTP/2 refuses
 * (every such request failed with 500). So over HTTP/2 a POST, PUT or PATCH must declare its length (411
 * LENGTH_REQUIRED otherwise, as RFC 9110 allows); clients send it for any body they hold whole, which JSON bodies are.
 */
@ApplicationScoped
class BodyLimit {

    /** Where a body read here waits for the endpoint. */
    static final String READ_AHEAD = BodyLimit.class.getName() + ".body";

    private static final Set<HttpMethod> BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long limit;
    private final List<String> uploads;
    private final ObjectMapper json;

    BodyLimit(BodyLimitConfig config, ObjectMapper json) {
        this.limit = config.bodyLimit().asLongValue();
        this.uploads = config.uploadPaths().orElse(List.of());
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        if (uploads.stream().anyMatch(path::startsWith)) {
            context.next();
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (declaredTooLarge(length)) {
                refuseTooLarge(context);
            } else {
                context.next();
            }
        } else if (request.version() == HttpVersion.HTTP_2) {
            if (request.isEnded() || !BODIES.contains(request.method())) {
                context.next();
            } else {
                refuse(context, 411, "Length required", "LENGTH_REQUIRED",
                        "a request body over HTTP/2 must declare its Content-Length");
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            readAhead(context);
        } else {
            context.next();
        }
    }

    /** Quarkus pauses each request until a route handler reads it: this one reads it first, counting. */
    private void readAhead(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                refused[0] = true;
                request.pause();
                refuseTooLarge(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ignored -> {
            if (!refused[0]) {
                context.put(READ_AHEAD, body);
                context.next();
            }
        });
        request.exceptionHandler(context::fail);
        request.resume();
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // the server answers 400 for a malformed length
        }
    }

    private void refuseTooLarge(RoutingContext context) {
        refuse(context, 413, "Payload too large", "BODY_TOO_LARGE", "request bodies are limited to " + limit + " bytes");
    }

    private void refuse(RoutingContext context, int status, String title, String code, String detail) {
        Problem problem = new Problem(URI.create("https://carbon-market.cn/problems/"
                + code.toLowerCase(Locale.ROOT).replace('_', '-')), title, status, detail, context.normalizedPath(),
                code, List.of());
        try {
            String body = json.writeValueAsString(problem);
            var response = context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (context.request().version() == HttpVersion.HTTP_2) {
                response.end(body); // ends this stream only; the connection carries others
            } else {
                response.putHeader(HttpHeaders.CONNECTION, "close").end(body)
                        .onComplete(ignored -> context.request().connection().close());
            }
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
