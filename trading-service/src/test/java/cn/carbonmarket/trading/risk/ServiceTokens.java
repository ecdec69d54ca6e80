package cn.carbonmarket.trading.risk;

import cn.carbonmarket.testing.KeycloakTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client-credentials token of settlement's service account (role clearing-house), as settlement gets it. */
final class ServiceTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceTokens() {
    }

    static String clearingHouse() {
        String form = "grant_type=client_credentials&client_id=settlement-service"
                + "&client_secret=settlement-service-secret";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakTokens.TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused settlement's token: " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
