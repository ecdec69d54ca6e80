package cn.carbonmarket.registry.migration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "market.migration")
public interface MigrationConfig {

    /**
     * Where uploads wait for their job, a folder per job. With several replicas serving the API it must be storage
     * they share, or a job is only resumed by the replica that accepted it.
     */
    @WithDefault("${java.io.tmpdir}/registry-migrations")
    Path spoolDirectory();
}
