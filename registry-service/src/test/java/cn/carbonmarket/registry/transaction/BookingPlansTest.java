package cn.carbonmarket.registry.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service's connections plan each statement for its arguments: a plan cached while the tables were small (a new
 * database, no ANALYZE yet) would go on scanning them whole as they grow. And PostgreSQL never JIT-compiles them (the
 * platform's setting): a wild row estimate would make it compile a short statement at a cost far above running it.
 */
@QuarkusTest
class BookingPlansTest {

    @Inject
    Pool pool;

    @Test
    void connectionsPlanEveryStatementForItsArgumentsAndNeverCompileIt() {
        assertThat(setting("plan_cache_mode")).isEqualTo("force_custom_plan");
        assertThat(setting("jit")).isEqualTo("off");
    }

    private String setting(String name) {
        return pool.query("show " + name).execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(10));
    }
}
