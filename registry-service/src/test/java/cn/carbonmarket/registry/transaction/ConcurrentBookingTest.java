package cn.carbonmarket.registry.transaction;

import static cn.carbonmarket.registry.RegistryFixtures.CEA;
import static cn.carbonmarket.registry.RegistryFixtures.DB;
import static cn.carbonmarket.registry.RegistryFixtures.holdingOf;
import static cn.carbonmarket.registry.RegistryFixtures.post;
import static cn.carbonmarket.registry.RegistryFixtures.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.registry.RegistryFixtures;
import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests are booked together (group commit) but answered one by one: a refusal refuses only its own
 * request, and a key sent several times at once books once.
 */
@QuarkusTest
class ConcurrentBookingTest {

    @Test
    void concurrentTransfersAreEachBookedOrRefusedOnTheirOwnAndAKeyBooksOnce() throws Exception {
        String from = holdingOf(DemoUser.INVESTOR_1);
        String to = holdingOf(DemoUser.ENTITY_2);
        RegistryFixtures.partyWithAllowances(DemoUser.INVESTOR_1, 0);
        RegistryFixtures.partyWithAllowances(DemoUser.ENTITY_2, 10);
        // Leave the investor exactly 12 t: 40 transfers of 1 t race for them.
        long held = quantity(from, CEA, "AVAILABLE");
        if (held > 0) {
            post(DemoUser.INVESTOR_1, "/api/v1/transfers", "drain-" + UUID.randomUUID(), Map.of("fromAccount", from,
                    "toAccount", to, "instrument", CEA, "quantity", held)).statusCode(201);
        }
        post(DemoUser.ENTITY_2, "/api/v1/transfers", "fill-" + UUID.randomUUID(), Map.of("fromAccount", to,
                "toAccount", from, "instrument", CEA, "quantity", 12)).statusCode(201);
        long receiverBefore = quantity(to, CEA, "AVAILABLE");
        Map<String, Object> oneTonne = Map.of("fromAccount", from, "toAccount", to, "instrument", CEA, "quantity", 1);
        String repeated = "same-" + UUID.randomUUID();

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> unique = IntStream.range(0, 40).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> post(DemoUser.INVESTOR_1, "/api/v1/transfers", "race-" + UUID.randomUUID(), oneTonne)
                            .extract().statusCode(), clients)).toList();
            List<CompletableFuture<Integer>> repeats = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> post(DemoUser.INVESTOR_1, "/api/v1/transfers", repeated, oneTonne)
                            .extract().statusCode(), clients)).toList();
            List<Integer> uniqueStatus = unique.stream().map(CompletableFuture::join).toList();
            List<Integer> repeatStatus = repeats.stream().map(CompletableFuture::join).toList();

            long booked = uniqueStatus.stream().filter(s -> s == 201).count()
                    + (repeatStatus.contains(201) ? 1 : 0);
            assertThat(booked).isEqualTo(12);
            assertThat(uniqueStatus).allMatch(s -> s == 201 || s == 422);
            // The repeated key books at most once; its other sends replay it (200) or, had it lost the race for the
            // units, are refused like it.
            assertThat(repeatStatus.stream().filter(s -> s == 201).count()).isLessThanOrEqualTo(1);
            assertThat(repeatStatus).allMatch(s -> s == 201 || s == 200 || s == 422);
            assertThat(DB.count("select count(*) from registry_transaction where idempotency_key like ?",
                    "%:" + repeated)).isLessThanOrEqualTo(1);
        } finally {
            clients.shutdown();
        }
        assertThat(quantity(from, CEA, "AVAILABLE")).isZero();
        assertThat(quantity(to, CEA, "AVAILABLE")).isEqualTo(receiverBefore + 12);
    }
}
