package cn.carbonmarket.registry.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service's connections plan each statement for its arguments: a plan cached while the tables were small (a new
 * database, no ANALYZE yet) would go on scanning them whole, which halved booking throughput as they grew.
 */
@QuarkusTest
class BookingPlansTest {

    @Inject
    Pool pool;

    @Test
    void connectionsPlanEveryStatementForItsArguments() {
        String mode = pool.query("show plan_cache_mode").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(mode).isEqualTo("force_custom_plan");
    }
}
