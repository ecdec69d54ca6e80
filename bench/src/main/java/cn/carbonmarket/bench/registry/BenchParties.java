package cn.carbonmarket.bench.registry;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's participants: for each, a registered party and a Keycloak user whose token carries its
 * party_id, made through the real registry API and Keycloak's admin API (idempotent: a rerun reuses them).
 */
final class BenchParties {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final ObjectMapper JSON = new ObjectMapper();

    record BenchParty(String user, PartyId id, String account) {
    }

    private final HttpClient http;
    private final String keycloak;
    private final String registry;

    BenchParties(HttpClient http, String keycloak, String registry) {
        this.http = http;
        this.keycloak = keycloak;
        this.registry = registry;
    }

    List<BenchParty> ensure(int count) throws IOException, InterruptedException {
        String admin = token("master", "admin-cli", "admin", "admin");
        String regulator = token("carbon-market", "market-web", "regulator", "regulator");
        String roleJson = get(keycloak + "/admin/realms/carbon-market/roles/compliance-entity", admin);
        List<BenchParty> parties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = creditCode(i);
            PartyId id = PartyId.forIdentity(UnifiedSocialCreditCode.parse(code));
            send("POST", registry + "/api/v1/parties", regulator, """
                    {"name":"Bench Power %d Co., Ltd.","type":"COMPLIANCE_ENTITY","region":"HB","creditCode":"%s"}"""
                    .formatted(i, code), 200, 201);
            String user = "bench-" + i;
            send("POST", keycloak + "/admin/realms/carbon-market/users", admin, """
                    {"username":"%s","enabled":true,"email":"%s@bench.carbon-market.cn","emailVerified":true,
                     "firstName":"Bench","lastName":"%d","attributes":{"party_id":["%s"],"region":["HB"]},
                     "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                    .formatted(user, user, i, id, user), 201, 409);
            JsonNode found = JSON.readTree(get(keycloak + "/admin/realms/carbon-market/users?exact=true&username="
                    + user, admin));
            String userId = found.get(0).get("id").asText();
            send("POST", keycloak + "/admin/realms/carbon-market/users/" + userId + "/role-mappings/realm", admin,
                    "[" + roleJson + "]", 204);
            parties.add(new BenchParty(user, id, "HOLDING-" + id));
        }
        return parties;
    }

    String token(String realm, String client, String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + client + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void send(String method, String url, String token, String body, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }

    /** A valid credit code per bench party, the same on every run. */
    static String creditCode(int index) {
        String body = "91420100" + String.format("%09d", 700_000_000 + index);
        for (char check : ALPHABET.toCharArray()) {
            try {
                return UnifiedSocialCreditCode.parse(body + check).code();
            } catch (InvalidValueException wrongCheck) {
                // exactly one of the 31 check characters is right
            }
        }
        throw new IllegalStateException("no check character fits " + body);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
