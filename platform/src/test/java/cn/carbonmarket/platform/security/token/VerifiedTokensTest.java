package cn.carbonmarket.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final SecurityIdentity alice = QuarkusSecurityIdentity.builder().setPrincipal(() -> "alice").build();

    private VerifiedTokens tokens(int maxEntries) {
        return new VerifiedTokens(maxEntries, Duration.ofMinutes(5), clock, metrics);
    }

    @Test
    void aTokenIsAnsweredUntilItExpiresAndNotAfter() {
        VerifiedTokens tokens = tokens(10);
        tokens.remember("t1", alice, Optional.of(NOW.plusSeconds(60)));

        assertThat(tokens.find("t1")).contains(alice);
        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find("t1")).contains(alice);
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find("t1")).isEmpty();
        assertThat(tokens.size()).isZero();
        assertThat(metrics.counter("market.security.verified.tokens", "outcome", "hit").count()).isEqualTo(2);
        assertThat(metrics.counter("market.security.verified.tokens", "outcome", "miss").count()).isEqualTo(1);
    }

    @Test
    void onlyTheExactTokenIsAnswered() {
        VerifiedTokens tokens = tokens(10);
        tokens.remember("header.claims.signature", alice, Optional.of(NOW.plusSeconds(60)));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.signature ")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsKeptNoLongerThanTheMaximumAge() {
        VerifiedTokens tokens = tokens(10);
        tokens.remember("t1", alice, Optional.of(NOW.plus(Duration.ofHours(10))));

        clock.now = NOW.plus(Duration.ofMinutes(5));
        assertThat(tokens.find("t1")).isEmpty();
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        VerifiedTokens tokens = tokens(10);
        tokens.remember("no-exp", alice, Optional.empty());
        tokens.remember("expired", alice, Optional.of(NOW));

        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndLiveOnesAreNeverPushedOut() {
        VerifiedTokens tokens = tokens(2);
        tokens.remember("short", alice, Optional.of(NOW.plusMillis(400)));
        tokens.remember("long", alice, Optional.of(NOW.plusSeconds(100)));
        tokens.remember("refused", alice, Optional.of(NOW.plusSeconds(100)));
        assertThat(tokens.find("refused")).isEmpty();
        assertThat(tokens.find("short")).contains(alice);

        // Within a second of the last sweep a full cache is not scanned again, even though "short" has expired.
        clock.now = NOW.plusMillis(500);
        tokens.remember("too-soon", alice, Optional.of(NOW.plusSeconds(100)));
        assertThat(tokens.find("too-soon")).isEmpty();

        clock.now = NOW.plusSeconds(10);
        tokens.remember("newcomer", alice, Optional.of(NOW.plusSeconds(100)));
        assertThat(tokens.find("newcomer")).contains(alice);
        assertThat(tokens.find("long")).contains(alice);
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void aCacheOfNoEntriesKeepsNothing() {
        VerifiedTokens tokens = tokens(0);
        tokens.remember("t1", alice, Optional.of(NOW.plusSeconds(60)));

        assertThat(tokens.find("t1")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
