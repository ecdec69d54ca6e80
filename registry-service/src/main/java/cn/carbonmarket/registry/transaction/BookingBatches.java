package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookings under group commit: the requests waiting together are booked in one database transaction, replays for
 * keys booked before and the others checked each on its own, so that a refusal refuses only its own request.
 */
@ApplicationScoped
class BookingBatches {

    private final Pool pool;
    private final TransactionStore store;
    private final NewBookings bookings;
    private final Replays replays;
    private final SingleBooking single;
    private final GroupCommit<BookingRequest, Booking.Outcome> groupCommit;

    BookingBatches(Pool pool, TransactionStore store, NewBookings bookings, Replays replays, SingleBooking single,
                   BookingConfig config) {
        this.pool = pool;
        this.store = store;
        this.bookings = bookings;
        this.replays = replays;
        this.single = single;
        this.groupCommit = new GroupCommit<>(config.concurrentBatches(), config.maxBatchSize(), this::bookTogether);
    }

    Uni<Booking.Outcome> submit(BookingRequest request) {
        return groupCommit.submit(request);
    }

    /**
     * One batch, in one database transaction: replays for keys booked before, the others checked in arrival order
     * and written together. Outcomes are handed out only once the batch committed. Should the batch fail as a whole
     * (a concurrent insert of the same key or of a new holding), each request is booked on its own instead.
     */
    private Uni<Void> bookTogether(List<GroupCommit.Pending<BookingRequest, Booking.Outcome>> batch) {
        // One request per key in a batch: a repeat waits for the next batch, where it replays the first.
        Map<String, GroupCommit.Pending<BookingRequest, Booking.Outcome>> byKey = new LinkedHashMap<>();
        List<GroupCommit.Pending<BookingRequest, Booking.Outcome>> repeats = new ArrayList<>();
        batch.forEach(p -> {
            if (byKey.putIfAbsent(p.request().scopedKey(), p) != null) {
                repeats.add(p);
            }
        });
        List<GroupCommit.Pending<BookingRequest, Booking.Outcome>> unique = List.copyOf(byKey.values());
        List<BookingRequest> requests = unique.stream().map(GroupCommit.Pending::request).toList();
        Touched touched = Touched.by(requests);
        // The keys' earlier bookings and the locks; a replay's rows are locked needlessly, rarely.
        return pool.withTransaction(conn -> Uni.combine().all()
                        .unis(replays.previous(conn, requests), store.lock(conn, touched))
                        .asTuple().flatMap(found -> {
                            Map<String, TransactionStore.Previous> previous = found.getItem1();
                            List<BookingRequest> fresh = requests.stream()
                                    .filter(r -> !previous.containsKey(r.scopedKey())).toList();
                            BookingCheck.Result checked = bookings.checkAfter(found.getItem2(), fresh.size())
                                    .check(fresh, true);
                            return store.write(conn, checked.writes(), false)
                                    .chain(() -> replays.replays(conn, requests, previous))
                                    .map(replayed -> {
                                        Map<BookingRequest, Uni<Booking.Outcome>> outcomes =
                                                new IdentityHashMap<>(replayed);
                                        checked.requests().forEach(c -> outcomes.put(c.request(), c.refusal() != null
                                                ? Uni.createFrom().failure(c.refusal())
                                                : Uni.createFrom().item(new Booking.Outcome(c.record().booked(),
                                                        false))));
                                        return outcomes;
                                    });
                        }))
                .invoke(outcomes -> unique.forEach(p -> outcomes.get(p.request()).subscribe()
                        .with(p.outcome()::complete, p.outcome()::completeExceptionally)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> Multi.createFrom().iterable(unique)
                        .onItem().transformToUniAndConcatenate(p -> single.book(p.request(),
                                        SingleBooking.NO_GUARD, SingleBooking.NOTHING_ALONGSIDE)
                                .invoke(p.outcome()::complete)
                                .onFailure().invoke(p.outcome()::completeExceptionally)
                                .onFailure().recoverWithNull())
                        .collect().last().replaceWithVoid())
                .invoke(() -> repeats.forEach(groupCommit::enqueue));
    }
}
