package cn.carbonmarket.platform.http;

import cn.carbonmarket.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * Keeps every request body but the uploads' to {@code market.http.body-limit}, whatever its transfer encoding. A
 * declared Content-Length over the limit is refused before any of the body is read (the connection cannot carry more
 * than it declares). A body without one (chunked, or an HTTP/2 stream) is read here as it arrives and refused as soon as
 * it passes the limit, then handed to the endpoint whole (ReadAheadBody): the server's own limit only judges the
 * declared length, and the upload routes need a far larger one. A refusal is a 413 problem (BODY_TOO_LARGE) that
 * closes the connection; the endpoint never runs, so nothing changes.
 */
@ApplicationScoped
class BodyLimit {

    /** Where a body read here waits for the endpoint. */
    static final String READ_AHEAD = BodyLimit.class.getName() + ".body";

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
                refuse(context);
            } else {
                context.next();
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || request.version() == HttpVersion.HTTP_2 && !request.isEnded()) {
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
                refuse(context);
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

    private void refuse(RoutingContext context) {
        Problem problem = new Problem(URI.create("https://carbon-market.cn/problems/body-too-large"),
                "Payload too large", 413, "request bodies are limited to " + limit + " bytes",
                context.normalizedPath(), "BODY_TOO_LARGE", List.of());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem))
                    .onComplete(ignored -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
