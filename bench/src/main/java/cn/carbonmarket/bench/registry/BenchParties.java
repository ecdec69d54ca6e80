package cn.carbonmarket.bench.registry;

import cn.carbonmarket.bench.Requests;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's participants: for each, a registered party and a Keycloak user whose token carries its
 * party_id, made through the real registry API and Keycloak (idempotent: a rerun reuses them).
 */
final class BenchParties {

    record BenchParty(String user, PartyId id, String account) {
    }

    private final HttpClient http;
    private final Keycloak keycloak;
    private final String registry;

    BenchParties(HttpClient http, Keycloak keycloak, String registry) {
        this.http = http;
        this.keycloak = keycloak;
        this.registry = registry;
    }

    List<BenchParty> ensure(int count) throws IOException, InterruptedException {
        String regulator = keycloak.token("regulator");
        List<BenchParty> parties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = creditCode(i);
            PartyId id = PartyId.parse(Requests.idOf(send(registry + "/api/v1/parties", regulator, """
                    {"name":"Bench Power %d Co., Ltd.","type":"COMPLIANCE_ENTITY","region":"HB","creditCode":"%s"}"""
                    .formatted(i, code), 200, 201)));
            String user = "bench-" + i;
            keycloak.ensureParticipant(user, id.toString(), "compliance-entity");
            parties.add(new BenchParty(user, id, "HOLDING-" + id));
        }
        return parties;
    }

    private String send(String url, String token, String body, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }

    /** A valid credit code per bench party, the same on every run. */
    static String creditCode(int index) {
        return UnifiedSocialCreditCode.completing("91420100" + String.format("%09d", 700_000_000 + index)).code();
    }

}
