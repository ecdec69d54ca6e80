package cn.carbonmarket.year.play;

import cn.carbonmarket.testing.Keycloak;
import cn.carbonmarket.testing.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The year's participants as Keycloak users, one per party (a participant acts only for its own party): made once,
 * password = user name, and their tokens taken again before they expire, since a full year outlasts a token.
 */
final class Participants {

    private record Login(String user, Keycloak.Token token, Instant expires) {
    }

    private final Keycloak keycloak = new Keycloak(HttpClient.newHttpClient(), KeycloakTokens.URL);
    private final Map<String, Login> byParty = new HashMap<>();

    /** Makes {@code user} act for {@code party} with the realm role {@code role}. */
    void enrol(String user, String party, String role) {
        try {
            keycloak.ensureParticipant(user, party, role);
            byParty.put(party, login(user));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid token of the party's user. */
    String token(String party) {
        Login login = byParty.get(party);
        if (login == null) {
            throw new IllegalArgumentException("no participant enrolled for party " + party);
        }
        if (Instant.now().isAfter(login.expires())) {
            login = login(login.user());
            byParty.put(party, login);
        }
        return login.token().value();
    }

    private Login login(String user) {
        try {
            Keycloak.Token token = keycloak.userToken(user);
            return new Login(user, token, Instant.now().plusSeconds(Math.max(10, token.expiresInSeconds() - 30)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
