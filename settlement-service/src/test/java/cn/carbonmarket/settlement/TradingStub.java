package cn.carbonmarket.settlement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for trading's risk endpoints only (trading-service cannot run inside settlement's tests): it
 * serves the positions a test sets, grants withdrawal holds unless the party is refused (and records releases), answers 503 while
 * {@link #down}, and refuses calls without a clearing-house token from Keycloak. Started for every test.
 */
@QuarkusTestResource(TradingStub.class)
public class TradingStub implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 9484;
    public static volatile String positions = "[]";
    public static volatile boolean down;
    public static final Set<String> REFUSED_PARTIES = ConcurrentHashMap.newKeySet();
    /** Every hold asked for, granted, refused or unanswered. */
    public static final List<String> ASKED = new CopyOnWriteArrayList<>();
    public static final List<String> HOLDS = new CopyOnWriteArrayList<>();
    public static final List<String> RELEASED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the trading stub cannot listen on " + PORT, e);
        }
        server.createContext("/api/v1/risk/positions", exchange -> answer(exchange, 200, positions));
        server.createContext("/api/v1/risk/withdrawal-holds", exchange -> {
            if (exchange.getRequestMethod().equals("DELETE")) {
                String path = exchange.getRequestURI().getPath();
                RELEASED.add(path.substring(path.lastIndexOf('/') + 1));
                answer(exchange, 204, "");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ASKED.add(body);
            if (REFUSED_PARTIES.stream().anyMatch(body::contains)) {
                answer(exchange, 409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"code\":\"WITHDRAWAL_EXCEEDS_FREE_BALANCE\",\"detail\":\"open orders reserve it\"}");
            } else {
                HOLDS.add(body);
                answer(exchange, 201, body);
            }
        });
        server.start();
        return Map.of();
    }

    /** Serves a call only with a bearer token of the clearing-house role, as trading does. */
    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (down) {
            reply(exchange, 503, "{\"status\":503}");
        } else if (!auth.startsWith("Bearer ") || !claims(auth.substring(7)).contains("clearing-house")) {
            reply(exchange, 403, "{\"status\":403}");
        } else {
            reply(exchange, status, json);
        }
    }

    private static String claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return parts.length < 2 ? "" : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
