package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.sql.ColumnBatch;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Many new movements booked inside the caller's database transaction, for bulk work such as a pilot migration:
 * checked in list order (each sees the holdings the earlier ones leave) and written with one statement per table and
 * chunk, in rows alike to those of {@link Booking}. Nothing is replayed: a key booked before refuses the whole batch.
 *
 * <p>From {@link BookingConfig#bulkFrom()} movements on, the sorting, checking and row building run on a worker
 * thread, which the event loop that serves the connection must not spend, slice by slice: while one slice's rows are
 * written, the next is checked and built.
 */
@ApplicationScoped
public class BulkBooking {

    private static final Executor WORKERS = Infrastructure.getDefaultWorkerPool();

    private final TransactionStore store;
    private final NewBookings bookings;
    private final int bulkFrom;
    private final int bulkSlice;

    BulkBooking(TransactionStore store, NewBookings bookings, BookingConfig config) {
        this.store = store;
        this.bookings = bookings;
        this.bulkFrom = config.bulkFrom();
        this.bulkSlice = config.bulkSlice();
    }

    /**
     * Books the movements, or none of them ({@code ALREADY_BOOKED} when a key was booked before).
     *
     * @return how many transactions were booked
     */
    public Uni<Integer> bookAll(SqlConnection conn, List<KeyedMovement> movements, Initiator initiator) {
        List<BookingRequest> requests = movements.stream().map(m -> new BookingRequest(m, initiator)).toList();
        String[] keys = requests.stream().map(BookingRequest::scopedKey).toArray(String[]::new);
        return store.bookedBefore(conn, keys).flatMap(before -> before != null
                ? Uni.createFrom().failure(new RuleViolationException("ALREADY_BOOKED", before.count() + " of the "
                        + keys.length + " movements were booked before (for example " + before.firstKey() + ")"))
                : book(conn, requests).replaceWith(requests.size()));
    }

    private Uni<Void> book(SqlConnection conn, List<BookingRequest> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (requests.size() < bulkFrom) {
            return bookings.book(conn, requests).replaceWithVoid();
        }
        return Uni.createFrom().item(() -> Touched.by(requests)).runSubscriptionOn(WORKERS)
                .flatMap(touched -> store.lock(conn, touched).emitOn(WORKERS))
                .flatMap(locked -> {
                    BookingCheck check = bookings.checkAfter(locked, requests.size());
                    Iterator<List<BookingRequest>> slices = ColumnBatch.chunks(requests, bulkSlice).iterator();
                    return bookSlices(conn, check, slices, build(check, slices.next()));
                });
    }

    /**
     * Writes a slice once it is built, the next one being checked and built meanwhile, so that the database and the
     * service work side by side instead of taking turns.
     */
    private Uni<Void> bookSlices(SqlConnection conn, BookingCheck check, Iterator<List<BookingRequest>> slices,
                                 CompletableFuture<BookingCheck.Result> slice) {
        return Uni.createFrom().completionStage(slice).flatMap(built -> {
            CompletableFuture<BookingCheck.Result> next = slices.hasNext() ? build(check, slices.next()) : null;
            Uni<Void> written = store.write(conn, built.writes(), true);
            return next == null ? written : written.chain(() -> bookSlices(conn, check, slices, next));
        });
    }

    private static CompletableFuture<BookingCheck.Result> build(BookingCheck check, List<BookingRequest> slice) {
        return CompletableFuture.supplyAsync(() -> check.check(slice, false), WORKERS);
    }
}
