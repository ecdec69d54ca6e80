package cn.carbonmarket.trading.leadership;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * The right to run the exchange: held by one instance at a time for a limited duration, renewed by its holder well
 * inside it, and taken by another only once it has expired. Each taking raises the epoch, which the holder writes
 * into every journal record (see {@link cn.carbonmarket.trading.journal.EpochFence}). A PostgreSQL row today
 * ({@link DatabaseExchangeLease}); a Kubernetes Lease would fit behind the same methods.
 */
public interface ExchangeLease {

    /** Takes the lease for {@code holder} if nobody holds it or its holder let it expire: the new epoch, else empty. */
    Uni<Optional<Long>> take(String holder, Duration duration);

    /** Extends the lease of {@code holder} in {@code epoch}; false if it is no longer theirs (another took it). */
    Uni<Boolean> renew(String holder, long epoch, Duration duration);

    /** Lets the lease go at once (a clean stop), so that a standby need not wait for it to expire. */
    Uni<Void> release(String holder, long epoch);
}
