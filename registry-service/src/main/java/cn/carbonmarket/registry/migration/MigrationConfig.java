package cn.carbonmarket.registry.migration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "market.migration")
public interface MigrationConfig {

    /**
     * Where uploads wait for their job, a folder per job. With several replicas serving the API it must be storage
     * they share, or a job is only resumed by the replica that accepted it.
     */
    @WithDefault("${java.io.tmpdir}/registry-migrations")
    Path spoolDirectory();

    /**
     * How long a job stays its instance's without a renewal (renewed every {@code market.migration.renew-every}, a
     * fraction of it): after that another instance that can read the upload resumes it.
     */
    @WithDefault("60s")
    Duration lease();
}
