package cn.carbonmarket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The local Keycloak as tests and load generators use it: tokens by password grant (the demo realm allows it on
 * market-web) or by client credentials, and participants made through the admin API (idempotent: a rerun finds the
 * user it made before).
 */
public final class Keycloak {

    private static final String REALM = "carbon-market";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An access token and how many seconds it is valid for. */
    public record Token(String value, long expiresInSeconds) {
    }

    private final HttpClient http;
    private final String url;
    private String masterToken;
    private Instant masterTokenExpires = Instant.MIN;

    public Keycloak(HttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    /** A demo or bench user's token in the market's realm (their password is their user name). */
    public String token(String user) throws IOException, InterruptedException {
        return token(REALM, "market-web", user, user);
    }

    public String token(String realm, String client, String user, String password)
            throws IOException, InterruptedException {
        return grant(realm, "grant_type=password&client_id=" + enc(client) + "&username=" + enc(user)
                + "&password=" + enc(password), user).value();
    }

    /** A token of the market's realm by the password grant on market-web, with its lifetime. */
    public Token userToken(String user) throws IOException, InterruptedException {
        return grant(REALM, "grant_type=password&client_id=market-web&username=" + enc(user) + "&password="
                + enc(user), user);
    }

    /** A service account's token (client credentials) in the market's realm, as a service gets it. */
    public String clientToken(String client, String secret) throws IOException, InterruptedException {
        return grant(REALM, "grant_type=client_credentials&client_id=" + enc(client) + "&client_secret="
                + enc(secret), client).value();
    }

    private Token grant(String realm, String form, String who) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.statusCode()
                    + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Token(body.get("access_token").asText(), body.path("expires_in").asLong());
    }

    /**
     * Makes {@code user} (password = user name) a participant of {@code partyId} with the realm role {@code role},
     * unless it exists already; the role mapping is set and the user pointed at the party either way (party ids are
     * random: a rerun against a new database registers the same party under another id).
     */
    public void ensureParticipant(String user, String partyId, String role) throws IOException, InterruptedException {
        ensureUser(user, role, "\"party_id\":[\"%s\"],\"region\":[\"HB\"]".formatted(partyId));
        if (!partyId.equals(partyIdOf(user))) {
            actFor(user, partyId);
        }
    }

    /** A provincial authority of {@code region} that runs {@code jurisdiction} (null: the pilot of its region). */
    public void ensureAuthority(String user, String region, String jurisdiction)
            throws IOException, InterruptedException {
        ensureUser(user, "provincial-authority", jurisdiction == null ? "\"region\":[\"%s\"]".formatted(region)
                : "\"region\":[\"%s\"],\"jurisdiction\":[\"%s\"]".formatted(region, jurisdiction));
    }

    /** The party the realm's user acts for (its {@code party_id} attribute), null if none. */
    public String partyIdOf(String user) throws IOException, InterruptedException {
        JsonNode party = user(adminToken(), user).path("attributes").path("party_id");
        return party.isArray() && !party.isEmpty() ? party.get(0).asText() : null;
    }

    /**
     * Points the realm's user at {@code partyId} (its {@code party_id} attribute), as an administrator does once the
     * registry has assigned its party an id; its other attributes stay. Tokens issued before still carry the old one.
     */
    public void actFor(String user, String partyId) throws IOException, InterruptedException {
        String admin = adminToken();
        ObjectNode found = (ObjectNode) user(admin, user);
        ObjectNode attributes = found.has("attributes") ? (ObjectNode) found.get("attributes") : found.putObject("attributes");
        attributes.putArray("party_id").add(partyId);
        send("PUT", url + "/admin/realms/" + REALM + "/users/" + found.get("id").asText(), admin,
                JSON.writeValueAsString(found), 204);
    }

    /**
     * The master realm administrator's token, taken again shortly before it expires: each grant hashes the password,
     * which made up most of enrolling a participant.
     */
    private synchronized String adminToken() throws IOException, InterruptedException {
        if (masterToken == null || Instant.now().isAfter(masterTokenExpires)) {
            Token token = grant("master", "grant_type=password&client_id=admin-cli&username=admin&password=admin",
                    "admin");
            masterToken = token.value();
            masterTokenExpires = Instant.now().plusSeconds(Math.max(0, token.expiresInSeconds() - 15));
        }
        return masterToken;
    }

    private JsonNode user(String admin, String user) throws IOException, InterruptedException {
        JsonNode found = JSON.readTree(send("GET", url + "/admin/realms/" + REALM + "/users?exact=true&username="
                + enc(user), admin, null, 200));
        if (found.isEmpty()) {
            throw new IllegalStateException("the realm has no user " + user);
        }
        return found.get(0);
    }

    private void ensureUser(String user, String role, String attributes) throws IOException, InterruptedException {
        String admin = adminToken();
        String roleJson = send("GET", url + "/admin/realms/" + REALM + "/roles/" + role, admin, null, 200);
        send("POST", url + "/admin/realms/" + REALM + "/users", admin, """
                {"username":"%s","enabled":true,"email":"%s@bench.carbon-market.cn","emailVerified":true,
                 "firstName":"Bench","lastName":"%s","attributes":{%s},
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(user, user, user, attributes, user), 201, 409);
        String userId = user(admin, user).get("id").asText();
        send("POST", url + "/admin/realms/" + REALM + "/users/" + userId + "/role-mappings/realm", admin,
                "[" + roleJson + "]", 204);
    }

    private String send(String method, String target, String token, String body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + target + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
