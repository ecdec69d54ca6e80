package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One movement booked in a database transaction of its own: the first booking replayed when its key was booked
 * before, otherwise checked and written together with what belongs to it.
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
        return pool.withTransaction(conn -> guard.apply(conn)
                        .flatMap(guarded -> replays.previous(conn, List.of(request)))
                        .flatMap(previous -> previous.containsKey(request.scopedKey())
                                ? replays.replay(conn, request, previous.get(request.scopedKey()))
                                : bookings.book(conn, List.of(request))
                                        .map(records -> new Booking.Outcome(records.get(0).booked(), false))
                                        .call(outcome -> alongside.apply(conn, outcome.transaction()))))
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
