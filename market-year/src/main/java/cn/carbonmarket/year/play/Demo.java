package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.ALLOCATION;
import static cn.carbonmarket.year.play.AllocationCalls.get;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.year.Scale;
import cn.carbonmarket.year.Scenario;
import cn.carbonmarket.year.play.YearPlay.PlayedYear;
import io.restassured.path.json.JsonPath;
import java.util.Locale;

/**
 * {@code ./market demo}: plays a generated market year on what {@code ./market up} started and says where to look.
 * Arguments: {@code --seed N} (default 2026), {@code --scale small|full} (default small).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        long seed = 2026;
        Scale scale = Scale.SMALL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--scale" -> scale = Scale.parse(value(args, ++i, "--scale"));
                default -> usage("unknown argument " + args[i]);
            }
        }
        Scenario year = Scenario.generate(seed, scale);
        System.out.printf(Locale.ROOT, "Playing the %s market year of seed %d: %d compliance entities, %d institutions,"
                        + " %d individuals, %d trading days, %d trades%n", scale.name(), seed, year.entities().size(),
                scale.institutions(), scale.individuals(), scale.tradingDays(), year.trades().size());
        long started = System.nanoTime();
        PlayedYear played = new YearPlay(year, Progress.onConsole()).play();
        System.out.printf(Locale.ROOT, "%nThe year is played (%d s).%n", (System.nanoTime() - started) / 1_000_000_000);
        printCompliance(played);
        printWhereToLook(played);
    }

    private static void printCompliance(PlayedYear played) {
        JsonPath table = get(DemoUser.REGULATOR, ALLOCATION + "/api/v1/compliance/" + played.period()).statusCode(200)
                .extract().jsonPath();
        System.out.printf(Locale.ROOT, "Compliance of %s: %d of %d entities compliant (rate %s), obligations %,d t,"
                        + " %,d t missing (tonnes rate %s)%n", played.period(), table.getLong("compliantEntities"),
                table.getLong("entityCount"), table.getString("entityComplianceRate"),
                table.getLong("obligationTonnes"), table.getLong("missingTonnes"),
                table.getString("tonnesComplianceRate"));
    }

    private static void printWhereToLook(PlayedYear played) {
        System.out.printf(Locale.ROOT, """

                Where to look (tokens: the demo users' password is their user name; the year's participants are
                year-<seed>-e<i> and year-<seed>-t<i>, password = user name):
                  compliance table   GET %1$s/api/v1/compliance/%2$s            (regulator)
                  its entities       GET %1$s/api/v1/compliance/%2$s/entities/<partyId>
                  primary auction    %8$s
                  clearing run       GET %3$s/api/v1/clearing-runs/%4$s       (operator, after the close)
                  order book         GET %5$s/api/v1/instruments/%6$s/depth    (any participant)
                  audit chain        GET %7$s/api/v1/audit/verify               (regulator)
                  market data        the Kafka topic trading.market-data (README, Integrators)
                  Swagger UIs        http://127.0.0.1:8091/q/swagger-ui (registry), 8092 (allocation),
                                     8093 (trading), 8094 (settlement)
                """, ALLOCATION, played.period(), AllocationCalls.SETTLEMENT, played.tradeDate(),
                AllocationCalls.TRADING, Scenario.INSTRUMENT, AllocationCalls.REGISTRY,
                played.primaryAuctionRef() == null ? "left out (see above)" : "GET " + ALLOCATION
                        + "/api/v1/auction-calendar/" + played.period() + "/auctions/" + played.primaryAuctionRef()
                        + "   (regulator; each bidder: /api/v1/auction-results/" + played.primaryAuctionRef()
                        + "/mine)");
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            usage(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: ./market demo [--reset] [--seed N] [--scale small|full]");
        System.exit(2);
    }
}
