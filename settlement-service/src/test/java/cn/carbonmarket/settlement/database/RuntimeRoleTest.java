package cn.carbonmarket.settlement.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The role the service runs as (settlement_app, infra/lib/postgres.sh) reads and writes rows and nothing else, by the
 * grants of the platform's migration R__runtime_role (applied at the start of this suite by the owner): it cannot
 * create, alter or drop a table, it can insert, read, change and delete rows and draw from sequences, and it can
 * vacuum the outbox's queue, as the relay does.
 */
@QuarkusTest
class RuntimeRoleTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/settlement_test";
    private static final String PERMISSION_DENIED = "42501";

    @Test
    void theRuntimeRoleChangesRowsButNeverTheSchema() throws SQLException {
        try (Connection app = DriverManager.getConnection(URL, "settlement_app", "settlement_app");
             Statement sql = app.createStatement()) {
            for (String ddl : new String[] {"create table intruder (id int)", "drop table processed_event",
                    "alter table outbox_event add column intruder int", "truncate processed_event"}) {
                assertThatThrownBy(() -> sql.execute(ddl)).as(ddl).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
            }

            app.setAutoCommit(false);
            String id = UUID.randomUUID().toString();
            sql.execute("insert into processed_event (consumer, event_id, event_type) values ('runtime-role', '"
                    + id + "', 'Test')");
            assertThat(sql.executeUpdate("update processed_event set event_type = 'Changed' where event_id = '"
                    + id + "'")).isEqualTo(1);
            sql.execute("insert into outbox_event (event_id, topic, event_key, event_type, envelope) values ('" + id
                    + "', 'test.runtime-role', 'k', 'Test', '{}')");
            assertThat(sql.executeUpdate("delete from processed_event where event_id = '" + id + "'")).isEqualTo(1);
            app.rollback();

            app.setAutoCommit(true);
            sql.execute("vacuum (truncate false) outbox_pending");
            assertThat((Throwable) sql.getWarnings()).as("vacuum skipped for want of rights").isNull();
        }
    }
}
