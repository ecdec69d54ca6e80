package cn.carbonmarket.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer of a market service carries, whichever route or error produced it: no content-type
 * sniffing, no framing (clickjacking), no referrer leaving the page, HSTS where the request came over TLS (directly or
 * through the ingress, which says so in X-Forwarded-Proto), and a content security policy. HTML (settlement's printable
 * statements) may use only its own inline styles: no script, no frame, no form, nothing loaded from elsewhere. The
 * Quarkus tools under /q (Swagger UI runs scripts) keep their pages as they are; in production they are served only on
 * the management interface, which this filter does not see.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";
    private static final String CSP = "Content-Security-Policy";

    /** Before every other filter, so that even an answer a filter gives (413, 401) carries the headers. */
    void register(@Observes Filters filters) {
        filters.register(this::add, 1000);
    }

    private void add(RoutingContext request) {
        boolean tls = "https".equals(request.request().scheme())
                || "https".equalsIgnoreCase(request.request().getHeader("X-Forwarded-Proto"));
        boolean tools = request.normalizedPath().startsWith("/q/");
        request.addHeadersEndHandler(ignored -> {
            MultiMap headers = request.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            if (!tools) {
                String type = headers.get(HttpHeaders.CONTENT_TYPE);
                headers.set(CSP, type != null && type.startsWith("text/html") ? HTML_POLICY : API_POLICY);
            }
        });
        request.next();
    }
}
