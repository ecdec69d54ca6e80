package cn.carbonmarket.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** How large a request body may be (BodyLimit). */
@ConfigMapping(prefix = "market.http")
public interface BodyLimitConfig {

    /** The most a request body may have on every route but the uploads, counted as it arrives. */
    @WithDefault("2M")
    MemorySize bodyLimit();

    /**
     * Path prefixes of upload routes (the registry's pilot exports): their bodies are bounded by the server's
     * {@code quarkus.http.limits.max-body-size} alone and are never held in memory here.
     */
    Optional<List<String>> uploadPaths();
}
