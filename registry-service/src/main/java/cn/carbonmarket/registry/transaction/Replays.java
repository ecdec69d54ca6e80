package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Idempotency per (initiator, key): a request under a key booked before gets the first booking when it asks for the
 * same movement, and a conflict when it asks for another.
 */
@ApplicationScoped
class Replays {

    private final TransactionStore store;

    Replays(TransactionStore store) {
        this.store = store;
    }

    /** The transactions booked before under the requests' keys, by scoped key. */
    Uni<Map<String, TransactionStore.Previous>> previous(SqlConnection conn, List<BookingRequest> requests) {
        return store.previous(conn, requests.stream().map(BookingRequest::scopedKey).toArray(String[]::new));
    }

    /** The outcome of every request whose key was booked before: the first booking, or a conflict. */
    Uni<Map<BookingRequest, Uni<Booking.Outcome>>> replays(SqlConnection conn, List<BookingRequest> requests,
                                                           Map<String, TransactionStore.Previous> previous) {
        List<BookingRequest> repeated = requests.stream().filter(r -> previous.containsKey(r.scopedKey())).toList();
        Map<BookingRequest, Uni<Booking.Outcome>> outcomes = new IdentityHashMap<>();
        return Multi.createFrom().iterable(repeated)
                .onItem().transformToUniAndConcatenate(r -> replay(conn, r, previous.get(r.scopedKey()))
                        .onFailure(ConflictException.class).recoverWithItem(() -> null)
                        .invoke(outcome -> outcomes.put(r, outcome != null ? Uni.createFrom().item(outcome)
                                : Uni.createFrom().failure(keyReused()))))
                .collect().last()
                .replaceWith(outcomes);
    }

    Uni<Booking.Outcome> replay(SqlConnection conn, BookingRequest request, TransactionStore.Previous previous) {
        if (!request.fingerprint().equals(previous.fingerprint())) {
            return Uni.createFrom().failure(keyReused());
        }
        return store.byId(conn, previous.id()).map(booked -> new Booking.Outcome(booked, true));
    }

    private static ConflictException keyReused() {
        return new ConflictException("IDEMPOTENCY_KEY_REUSED", "this idempotency key was used for a different request");
    }
}
