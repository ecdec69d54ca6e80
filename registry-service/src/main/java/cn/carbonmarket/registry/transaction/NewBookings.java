package cn.carbonmarket.registry.transaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Movements not booked before, checked against the rules and written, in the caller's database transaction. */
@ApplicationScoped
class NewBookings {

    private final TransactionStore store;
    private final TransactionRules rules;
    private final Clock clock;

    NewBookings(TransactionStore store, TransactionRules rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    /** A check of {@code movements} movements against what is locked, booked now. */
    BookingCheck checkAfter(TransactionStore.Locked locked, int movements) {
        // PostgreSQL keeps microseconds: truncating here makes the events and the stored rows agree.
        return new BookingCheck(rules, clock.instant().truncatedTo(ChronoUnit.MICROS), locked, movements);
    }

    /** Locks what the movements touch, checks them in list order and writes them; a refusal fails them all. */
    Uni<List<TransactionRecord>> book(SqlConnection conn, List<BookingRequest> requests) {
        return store.lock(conn, Touched.by(requests)).flatMap(locked -> bookLocked(conn, locked, requests));
    }

    /** Checks the movements against what the caller locked for them and writes them; a refusal fails them all. */
    Uni<List<TransactionRecord>> bookLocked(SqlConnection conn, TransactionStore.Locked locked,
                                            List<BookingRequest> requests) {
        BookingCheck.Result checked = checkAfter(locked, requests.size()).check(requests, false);
        return store.write(conn, checked.writes(), false).replaceWith(checked.writes().records());
    }
}
