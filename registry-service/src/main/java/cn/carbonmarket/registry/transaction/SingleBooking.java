package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One movement, or a few that belong together, booked in a database transaction of their own: the first booking
 * replayed when its key was booked before, otherwise checked and written together with what belongs to it.
 */
@ApplicationScoped
class SingleBooking {

    private static final String CHECK_VIOLATION = "23514";

    static final BiFunction<SqlConnection, BookedTransaction, Uni<Void>> NOTHING_ALONGSIDE =
            (conn, booked) -> Uni.createFrom().voidItem();

    static final Function<SqlConnection, Uni<Void>> NO_GUARD = conn -> Uni.createFrom().voidItem();

    private final Pool pool;
    private final NewBookings bookings;
    private final Replays replays;

    SingleBooking(Pool pool, NewBookings bookings, Replays replays) {
        this.pool = pool;
        this.bookings = bookings;
        this.replays = replays;
    }

    /**
     * {@code guard} runs first in the booking's transaction, for a repeated key too; {@code alongside} writes in it
     * for a new booking only.
     */
    Uni<Booking.Outcome> book(BookingRequest request, Function<SqlConnection, Uni<Void>> guard,
                              BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        return book(request, guard, NO_GUARD, alongside);
    }

    /** The same, with {@code judge} run for a new booking only, before it is checked and written. */
    Uni<Booking.Outcome> book(BookingRequest request, Function<SqlConnection, Uni<Void>> guard,
                              Function<SqlConnection, Uni<Void>> judge,
                              BiFunction<SqlConnection, BookedTransaction, Uni<Void>> alongside) {
        return bookTogether(List.of(request), guard, judge, (conn, booked) -> alongside.apply(conn, booked.get(0)))
                .map(outcomes -> outcomes.get(0));
    }

    Uni<List<Booking.Outcome>> bookTogether(List<BookingRequest> requests, Function<SqlConnection, Uni<Void>> guard,
                                            BiFunction<SqlConnection, List<BookedTransaction>, Uni<Void>> alongside) {
        return bookTogether(requests, guard, NO_GUARD, alongside);
    }

    /**
     * The requests checked in list order, each seeing the holdings the ones before it leave, and written in one
     * database transaction, or none of them; {@code judge} runs first when none was booked before. Booked together, their keys were all booked before (each is replayed)
     * or none was; some but not all is a key used for something else.
     */
    private Uni<List<Booking.Outcome>> bookTogether(List<BookingRequest> requests,
                                                    Function<SqlConnection, Uni<Void>> guard,
                                                    Function<SqlConnection, Uni<Void>> judge,
                                                    BiFunction<SqlConnection, List<BookedTransaction>, Uni<Void>>
                                                            alongside) {
        return pool.withTransaction(conn -> guard.apply(conn)
                        .flatMap(guarded -> replays.previous(conn, requests))
                        .flatMap(previous -> {
                            if (previous.isEmpty()) {
                                return judge.apply(conn).chain(() -> bookings.book(conn, requests))
                                        .map(records -> records.stream()
                                                .map(r -> new Booking.Outcome(r.booked(), false)).toList())
                                        .call(outcomes -> alongside.apply(conn, outcomes.stream()
                                                .map(Booking.Outcome::transaction).toList()));
                            }
                            if (previous.size() < requests.size()) {
                                return Uni.createFrom().failure(new ConflictException("IDEMPOTENCY_KEY_REUSED",
                                        "some of the keys of movements booked together were used before"));
                            }
                            return Multi.createFrom().iterable(requests)
                                    .onItem().transformToUniAndConcatenate(r ->
                                            replays.replay(conn, r, previous.get(r.scopedKey())))
                                    .collect().asList();
                        }))
                // A concurrent booking won an insert (its idempotency key, or a new holding): the retry finds and
                // replays the booking, or updates the holding.
                .onFailure(UniqueViolation::test).retry().atMost(1)
                .onFailure(SingleBooking::isOverdraft).transform(f -> new RuleViolationException("INSUFFICIENT_UNITS",
                        "a concurrent movement used the units first; nothing was booked"));
    }

    private static boolean isOverdraft(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && CHECK_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
