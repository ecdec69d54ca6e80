package cn.carbonmarket.settlement.endofday;

import static cn.carbonmarket.settlement.SettlementFixtures.DB;
import static cn.carbonmarket.testing.KeycloakTokens.accessToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.carbonmarket.testing.DemoUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The end-of-day run over a large day, opt-in: {@code -Dclearing.run.trades=1000000} writes that many cleared trades
 * among 1,000 synthetic parties on a date of its own (each party buys as many tonnes as it sells, so the run sends
 * the registry nothing) and times the run. It leaves the rows behind: run it against a test database that may then
 * be recreated.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "clearing.run.trades", matches = "\\d+")
class ClearingRunScaleTest {

    @Test
    void aLargeDayIsNettedInOneRun() {
        int trades = Integer.parseInt(System.getProperty("clearing.run.trades"));
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25_000));
        DB.update("insert into cleared_trade (trade_id, trade_date, buyer_id, seller_id, instrument, quantity,"
                + " price_fen, value_fen, buyer_fee_fen, seller_fee_fen, mode, executed_at, cleared_at)"
                + " select 'SCALE-' || ?::text || '-' || g, ?::date, md5('party-' || (g % 1000))::uuid,"
                + " md5('party-' || ((g + 1) % 1000))::uuid, 'CEA-2025', 1, 5000 + g % 100, 5000 + g % 100, 100, 100,"
                + " 'CONTINUOUS', now(), now() from generate_series(1, ?) as g", day.toString(), day, trades);

        long started = System.nanoTime();
        given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 300_000)))
                .auth().oauth2(accessToken(DemoUser.OPERATOR)).when().post("/api/v1/clearing-runs/" + day)
                .then().statusCode(201);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(DB.count("select trades from clearing_run where trade_date = ?", day)).isEqualTo(trades);
        assertThat(DB.count("select count(*) from net_position p join clearing_run r using (run_id)"
                + " where r.trade_date = ? and p.net_units <> 0", day)).isZero();
        System.out.printf("RESULT end_of_day_run_%d_trades %d ms%n", trades, millis);
    }
}
