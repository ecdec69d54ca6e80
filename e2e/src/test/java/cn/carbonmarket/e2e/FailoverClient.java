package cn.carbonmarket.e2e;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A trader of the failover test: limit orders of CEA-2025 one after another, each to whichever instance the route
 * names now (as a Service would send it), until stopped. An order is sent again under the same client order id after
 * a 503 or a broken connection, until an instance answers 201 or 200; every answer is recorded.
 */
final class FailoverClient implements Runnable {

    /** One answer: its status, where from, when (System.nanoTime()), the order id (201/200), Retry-After (503). */
    record Answer(DemoUser user, String clientOrderId, String side, long price, long quantity, String target,
                  int status, long orderId, String retryAfter, long at) {

        boolean acknowledged() {
            return status == 201 || status == 200;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DemoUser user;
    private final String side;
    private final Supplier<String> route;
    private final Random random;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    FailoverClient(DemoUser user, String side, Supplier<String> route, long seed) {
        this.user = user;
        this.side = side;
        this.route = route;
        this.random = new Random(seed);
    }

    List<Answer> answers() {
        return answers;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            // Sells from 100.00 up, buys from 99.97 up: about a third of the orders cross and trade.
            long price = "SELL".equals(side) ? 10_000 + random.nextInt(5) : 9_997 + random.nextInt(5);
            long quantity = 1 + random.nextInt(5);
            String clientOrderId = UUID.randomUUID().toString();
            Answer answer;
            do {
                answer = send(clientOrderId, price, quantity);
                if (answer == null || !answer.acknowledged()) {
                    pause();
                }
            } while (answer == null || answer.status() == 503);
            if (!answer.acknowledged()) {
                throw new IllegalStateException("order refused: " + answer);
            }
        }
    }

    /** One try; null when the connection broke (the instance died under it). */
    private Answer send(String clientOrderId, long price, long quantity) {
        String target = route.get();
        String body = """
                {"clientOrderId":"%s","instrument":"CEA-2025","side":"%s","priceFen":%d,"quantity":%d}"""
                .formatted(clientOrderId, side, price, quantity);
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + "/api/v1/orders"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            int status = response.statusCode();
            long orderId = status == 201 || status == 200 ? JsonPath.from(response.body()).getLong("orderId") : 0;
            Answer answer = new Answer(user, clientOrderId, side, price, quantity, target, status, orderId,
                    response.headers().firstValue("Retry-After").orElse(null), at);
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client would wait Retry-After (1 s); this one asks every 100 ms, to time the takeover closely. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
