package cn.carbonmarket.k8s.config;

import static cn.carbonmarket.k8s.config.ServiceConfiguration.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the services' properties files leave to the environment in prod, and what they log. */
class ServiceConfigurationTest {

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void inProdEverySecretComesFromTheEnvironmentWithoutADefault(String service) {
        ServiceConfiguration prod = ServiceConfiguration.of(service, "prod");
        prod.keys().stream()
                .filter(key -> key.matches("(?i).*(secret|password|credential).*"))
                .forEach(key -> assertThat(prod.expanded(key))
                        .as("%s-service's %s in prod", service, key)
                        .matches("\\$\\{[A-Z0-9_]+}"));
    }

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void inProdEveryOtherServerIsNamedByTheEnvironment(String service) {
        ServiceConfiguration prod = ServiceConfiguration.of(service, "prod");
        prod.keys().stream()
                .filter(key -> prod.expanded(key).contains("://"))
                .forEach(key -> assertThat(prod.expanded(key))
                        .as("%s-service's %s in prod: its host from the environment", service, key)
                        .doesNotContainPattern("://[^$]"));
        for (String key : new String[] {"kafka.bootstrap.servers", "market.db.host"}) {
            assertThat(prod.expanded(key)).as("%s-service's %s in prod", service, key).matches("\\$\\{[A-Z0-9_]+}");
        }
    }

    @Test
    void settlementNeedsItsClientSecretAndTradingsUrlFromTheEnvironmentInProd() {
        assertThat(ServiceConfiguration.of("settlement", "prod").requiredEnvironment())
                .contains("SETTLEMENT_CLIENT_SECRET", "MARKET_TRADING_URL", "MARKET_KEYCLOAK_URL", "MARKET_DB_PASSWORD");
        assertThat(ServiceConfiguration.of("registry", "prod").requiredEnvironment())
                .doesNotContain("SETTLEMENT_CLIENT_SECRET", "MARKET_TRADING_URL");
    }

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void devAndTestNeedNothingFromTheEnvironment(String service) {
        assertThat(ServiceConfiguration.of(service, "dev").requiredEnvironment()).as("dev").isEmpty();
        assertThat(ServiceConfiguration.of(service, "test").requiredEnvironment()).as("test").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("cn.carbonmarket.k8s.config.ServiceConfiguration#SERVICES")
    void logLinesBeginWithTheDateTimeAndItsOffset(String service) {
        Instant at = Instant.parse("2026-11-25T02:00:00.123Z");
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "booked", ExtLogRecord.FormatStyle.NO_FORMAT,
                ServiceConfigurationTest.class.getName());
        record.setInstant(at);
        record.setLoggerName("cn.carbonmarket.registry.holding.Holdings");
        for (String profile : new String[] {"prod", "dev"}) {
            String format = ServiceConfiguration.of(service, profile).value("quarkus.log.console.format").orElseThrow();
            String line = new PatternFormatter(format).format(record);
            OffsetDateTime stamped = OffsetDateTime.parse(line.substring(0, line.indexOf(' ')),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(stamped.toInstant()).as("%s-service's log line in %s: %s", service, profile, line).isEqualTo(at);
        }
    }
}
