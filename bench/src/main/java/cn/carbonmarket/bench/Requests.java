package cn.carbonmarket.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * A benchmark's HTTP calls as one user (its token): one at a time, or many at once with a bounded number in flight
 * (a setup's registrations, which are not measured but should not take minutes).
 */
public final class Requests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String token;

    public Requests(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public HttpRequest.Builder to(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(TIMEOUT);
    }

    public static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    public HttpRequest put(String url, String body) {
        return to(url).header("Content-Type", "application/json").PUT(json(body)).build();
    }

    public HttpRequest post(String url, String contentType, String body) {
        return to(url).header("Content-Type", contentType).POST(json(body)).build();
    }

    public HttpRequest get(String url) {
        return to(url).GET().build();
    }

    /** The answer, which must have one of the statuses. */
    public String expect(HttpRequest request, int... statuses) throws IOException, InterruptedException {
        return checked(request, http.send(request, HttpResponse.BodyHandlers.ofString()), statuses);
    }

    /** Every request, at most {@code inFlight} at once; each answer must have one of the statuses. */
    public void all(List<HttpRequest> requests, int inFlight, int... statuses) throws InterruptedException {
        for (HttpResponse<String> response : answers(requests, inFlight)) {
            checked(response.request(), response, statuses);
        }
    }

    /**
     * Every request as {@link #all}, and the {@code id} each answer names, in their order: the parties a setup
     * registers (the registry gives them random ids).
     */
    public List<String> ids(List<HttpRequest> requests, int inFlight, int... statuses) throws InterruptedException {
        List<String> ids = new ArrayList<>(requests.size());
        for (HttpResponse<String> response : answers(requests, inFlight)) {
            ids.add(idOf(checked(response.request(), response, statuses)));
        }
        return ids;
    }

    /** The {@code id} field of a JSON answer. */
    public static String idOf(String answer) {
        try {
            return JSON.readTree(answer).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON answer: " + answer, e);
        }
    }

    /** The answers of every request, in their order, at most {@code inFlight} at once. */
    public List<HttpResponse<String>> answers(List<HttpRequest> requests, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(requests.size());
        for (HttpRequest request : requests) {
            slots.acquire();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> slots.release()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Until a GET of every URL answers 200, asking at most {@code inFlight} at once and again every 200 ms. */
    public void awaitFound(List<String> urls, int inFlight, Duration patience) throws InterruptedException {
        List<String> waiting = urls;
        long deadline = System.nanoTime() + patience.toNanos();
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " still not found within " + patience + ", e.g. "
                        + waiting.get(0));
            }
            List<HttpResponse<String>> answers = answers(waiting.stream().map(this::get).toList(), inFlight);
            List<String> still = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).statusCode() != 200) {
                    still.add(waiting.get(i));
                }
            }
            waiting = still;
            if (!waiting.isEmpty()) {
                Thread.sleep(200);
            }
        }
    }

    private static String checked(HttpRequest request, HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }
}
