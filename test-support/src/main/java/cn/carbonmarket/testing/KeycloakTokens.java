package cn.carbonmarket.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Real access tokens of the demo users and service accounts from the running Keycloak. Users' tokens are cached
 * until shortly before they expire.
 */
public final class KeycloakTokens {

    public static final String URL = System.getProperty("market.keycloak.url", "http://127.0.0.1:8180");
    private static final Keycloak KEYCLOAK = new Keycloak(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), URL);
    private static final Map<DemoUser, Cached> CACHE = new EnumMap<>(DemoUser.class);
    private static final Map<DemoUser, String> PARTIES = new EnumMap<>(DemoUser.class);

    private record Cached(String token, Instant expires) {
    }

    private KeycloakTokens() {
    }

    public static synchronized String accessToken(DemoUser user) {
        Cached cached = CACHE.get(user);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        Keycloak.Token token = call(() -> KEYCLOAK.userToken(user.username()));
        CACHE.put(user, new Cached(token.value(), Instant.now().plusSeconds(token.expiresInSeconds() - 30)));
        return token.value();
    }

    /**
     * The party the demo user acts for, as Keycloak's user says (read once per run): party ids are random, so the
     * realm's are whatever the demo seed or a test last pointed the user at.
     */
    static synchronized String partyId(DemoUser user) {
        return PARTIES.computeIfAbsent(user, u -> {
            String party = call(() -> KEYCLOAK.partyIdOf(u.username()));
            if (party == null) {
                throw new IllegalStateException("Keycloak's user " + u.username() + " has no party_id");
            }
            return party;
        });
    }

    /**
     * Points the demo user at the party a registry assigned to its identity, unless it acts for it already; its
     * tokens carry that party from now on.
     */
    static synchronized void actFor(DemoUser user, String partyId) {
        if (!partyId.equals(partyId(user))) {
            call(() -> {
                KEYCLOAK.actFor(user.username(), partyId);
                return null;
            });
            PARTIES.put(user, partyId);
            CACHE.remove(user);
        }
    }

    /**
     * A token of a participant the test makes for itself: a Keycloak user acting for {@code partyId} with
     * {@code role} (made once; its password is its name).
     */
    public static String participantToken(String user, String partyId, String role) {
        return call(() -> {
            KEYCLOAK.ensureParticipant(user, partyId, role);
            return KEYCLOAK.token(user);
        });
    }

    /**
     * A token of a provincial authority the test makes for itself: of {@code region}, running {@code jurisdiction}
     * (null: the pilot of its region, as {@code province-hb} runs HB). Made once; its password is its name.
     */
    public static String authorityToken(String user, String region, String jurisdiction) {
        return call(() -> {
            KEYCLOAK.ensureAuthority(user, region, jurisdiction);
            return KEYCLOAK.token(user);
        });
    }

    /** A service's client-credentials token; the local secret of client X is X-secret. */
    public static String serviceToken(String client) {
        return call(() -> KEYCLOAK.clientToken(client, client + "-secret"));
    }

    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + URL + " (start it with ./market infra)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
