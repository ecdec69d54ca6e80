package cn.carbonmarket.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Real access tokens from the running Keycloak (the demo realm allows the password grant on market-web).
 * Tokens are cached until shortly before they expire.
 */
public final class KeycloakTokens {

    public static final String TOKEN_URL = System.getProperty("market.keycloak.url", "http://127.0.0.1:8180")
            + "/realms/carbon-market/protocol/openid-connect/token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DemoUser, Cached> CACHE = new EnumMap<>(DemoUser.class);

    private record Cached(String token, Instant expires) {
    }

    private KeycloakTokens() {
    }

    public static synchronized String accessToken(DemoUser user) {
        Cached cached = CACHE.get(user);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        String form = "grant_type=password&client_id=market-web&username=" + encode(user.username())
                + "&password=" + encode(user.username());
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user.username() + ": "
                        + response.statusCode() + " " + response.body());
            }
            var body = JSON.readTree(response.body());
            String token = body.get("access_token").asText();
            CACHE.put(user, new Cached(token, Instant.now().plusSeconds(body.get("expires_in").asLong() - 30)));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + TOKEN_URL
                    + " (start it with ./market infra)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
