package cn.carbonmarket.platform.security.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens this process has verified, with the identity their verification gave, until they expire.
 *
 * <p>A client sends the same access token with every request for its lifetime; checking its signature and parsing
 * its claims again each time took about a third of the CPU of an order or a transfer. The exact token string is the
 * key, so a token that differs in any character (another signature, a tampered claim) is verified afresh. What a
 * cached token keeps that a fresh check would not: it stays accepted until its {@code exp} even if the signing key
 * is rotated out of the JWKS in the meantime (local JWT verification never consulted revocation anyway).
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    /** A verified token's identity and the instant it stops being accepted. */
    private record Entry(SecurityIdentity identity, Instant until) {
    }

    /**
     * On the wall clock: a token's {@code exp} is wall-clock time, whatever clock the service's domain runs on (the
     * exchange's clock is a test's manual one or a demo's that starts at the next opening; judged by it, expired
     * tokens would stay accepted where it lags, and none would be remembered where it runs ahead).
     */
    @Inject
    public VerifiedTokens(VerifiedTokensConfig config, MeterRegistry metrics) {
        this(config.maxEntries(), config.maxAge(), Clock.systemUTC(), metrics);
    }

    VerifiedTokens(int maxEntries, Duration maxAge, Clock clock, MeterRegistry metrics) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
        this.hits = metrics.counter("market.security.verified.tokens", "outcome", "hit");
        this.misses = metrics.counter("market.security.verified.tokens", "outcome", "miss");
    }

    /** The identity {@code token} was verified as, while it has not expired. */
    Optional<SecurityIdentity> find(String token) {
        Entry entry = entries.get(token);
        if (entry == null || !clock.instant().isBefore(entry.until())) {
            if (entry != null) {
                entries.remove(token, entry);
            }
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.identity());
    }

    /**
     * Remembers a token the identity provider has just verified, until its expiry but no longer than the configured
     * age; a token without an expiry is not remembered.
     */
    void remember(String token, SecurityIdentity identity, Optional<Instant> expiresAt) {
        if (maxEntries <= 0 || expiresAt.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = expiresAt.get().isBefore(now.plus(maxAge)) ? expiresAt.get() : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // Full: drop the expired, but scan at most once a second, not on every newcomer while all are live.
            if (now.isBefore(nextSweep)) {
                return;
            }
            nextSweep = now.plus(SWEEP_EVERY);
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                return; // full of live tokens: verify the newcomer each time rather than grow without bound
            }
        }
        entries.put(token, new Entry(identity, until));
    }

    int size() {
        return entries.size();
    }
}
