package cn.carbonmarket.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exchange runs on a clock of its own (here the tests' manual one, which tests move between trading days); the
 * verified-token cache must still judge a token's expiry by the wall clock. Judged by a market clock behind the wall
 * clock the expired token was answered; by one ahead of it the valid token was never remembered.
 */
@QuarkusTest
class TokenExpiryOnMarketClockTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenExpiredOnTheWallClockIsNotAnsweredWhateverTheMarketTime() {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(() -> "alice").build();

        tokens.remember("expired-on-the-wall-clock", identity, Optional.of(Instant.now().minusSeconds(1)));
        tokens.remember("valid-for-a-minute", identity, Optional.of(Instant.now().plusSeconds(60)));

        assertThat(tokens.find("expired-on-the-wall-clock")).isEmpty();
        assertThat(tokens.find("valid-for-a-minute")).contains(identity);
    }
}
