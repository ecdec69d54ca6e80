package cn.carbonmarket.platform.security.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens. */
@ConfigMapping(prefix = "market.security.verified-tokens")
public interface VerifiedTokensConfig {

    /** Tokens remembered at most; past it the oldest are forgotten and verified again when they come back. */
    @WithDefault("20000")
    int maxEntries();

    /** How long a verified token is remembered, at most (never past its own expiry). */
    @WithDefault("PT5M")
    Duration maxAge();
}
