package cn.carbonmarket.year.play;

import static cn.carbonmarket.year.play.AllocationCalls.REGISTRY;
import static cn.carbonmarket.year.play.AllocationCalls.eventually;
import static cn.carbonmarket.year.play.AllocationCalls.get;
import static cn.carbonmarket.year.play.AllocationCalls.send;
import static cn.carbonmarket.year.play.AllocationCalls.SETTLEMENT;
import static cn.carbonmarket.year.play.AllocationCalls.TRADING;
import static io.restassured.RestAssured.given;

import cn.carbonmarket.testing.DemoUser;
import cn.carbonmarket.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A participant's way to the exchange: units into trading at the registry, cash in at the clearing bank, orders, and
 * each book's view of the party (the registry's holdings, trading's risk view, settlement's balances).
 */
public final class MarketCalls {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private MarketCalls() {
    }

    /**
     * Registers the demo user's party at the suite's registry (idempotent) and points the user at the id it assigned
     * (random: the suite's database is new each run), so that its tokens act for that party; returns the id.
     */
    public static String registerDemo(DemoUser user) {
        String id = send(DemoUser.REGULATOR, "POST", REGISTRY + "/api/v1/parties", user.registration())
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        user.actFor(id);
        return id;
    }

    /** The party registered under this credit code or resident id, as the regulator finds it; null if none. */
    public static String partyOf(String identityCode) {
        return get(DemoUser.REGULATOR, REGISTRY + "/api/v1/parties?identity=" + identityCode).statusCode(200)
                .extract().path("[0].id");
    }

    public static JsonPath depth(String instrument) {
        return get(DemoUser.REGULATOR, TRADING + "/api/v1/instruments/" + instrument + "/depth").statusCode(200)
                .extract().jsonPath();
    }

    /** The band's limit of a previous close: close x (10,000 +- bps) / 10,000, rounded half up to the tick. */
    public static long bandLimit(long previousCloseFen, int bandBasisPoints, long tickFen) {
        long exactTimes10000 = previousCloseFen * (10_000L + bandBasisPoints);
        long ticks = (exactTimes10000 + 5_000L * tickFen) / (10_000L * tickFen);
        return ticks * tickFen;
    }

    /** The exchange's clock (locally it starts at the next opening, so it is not the wall clock). */
    public static Instant marketTime() {
        return Instant.parse(session().getString("marketTime"));
    }

    /** Where the national market's day stands: {@code marketTime}, {@code tradingDay}, {@code listingOpen}, ... */
    public static JsonPath session() {
        return get(DemoUser.OPERATOR, TRADING + "/api/v1/market-session").statusCode(200).extract().jsonPath();
    }

    /** The trade date of a market time: its day in Shanghai. */
    public static LocalDate tradeDate(Instant marketTime) {
        return LocalDate.ofInstant(marketTime, SHANGHAI);
    }

    /** The trade date now, on the exchange's clock. */
    public static LocalDate tradeDate() {
        return tradeDate(marketTime());
    }

    /** AVAILABLE to IN_TRADING in the caller's own holding account. */
    public static ValidatableResponse moveToTrading(String token, String account, String instrument, long tonnes) {
        return send(token, "POST", REGISTRY + "/api/v1/trading-moves", Map.of("account", account,
                "instrument", instrument, "quantity", tonnes));
    }

    /**
     * Cash in at the clearing bank. Settlement opens the cash account when it reads the party's registration (here:
     * the registry's or a migration's); until then the deposit is refused (422 CASH_ACCOUNT_NOT_FOUND, nothing booked), so it is
     * asked again under the same reference.
     */
    public static void deposit(String partyId, long amountFen) {
        String reference = "E2E-DEPOSIT-" + UUID.randomUUID();
        eventually(() -> given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.BANK))
                .contentType(ContentType.JSON).header("Idempotency-Key", reference)
                .body(Map.of("bankReference", reference, "partyId", partyId, "amountFen", amountFen))
                .when().post(SETTLEMENT + "/api/v1/deposits").then().extract().statusCode() == 201);
    }

    public static ValidatableResponse order(String token, String instrument, String side, long priceFen, long tonnes) {
        return send(token, "POST", TRADING + "/api/v1/orders", Map.of("clientOrderId", UUID.randomUUID().toString(),
                "instrument", instrument, "side", side, "priceFen", priceFen, "quantity", tonnes));
    }

    /** One field ({@code balance}, {@code reserved}, {@code free}) of trading's risk view of the caller's asset. */
    public static long trading(String token, String asset, String field) {
        List<Map<String, Object>> assets = get(token, TRADING + "/api/v1/risk/balances").statusCode(200)
                .extract().jsonPath().getList("$");
        return assets.stream().filter(a -> asset.equals(a.get("asset")))
                .mapToLong(a -> ((Number) a.get(field)).longValue()).sum();
    }

    public static long settlementUnits(String partyId, String instrument) {
        List<Map<String, Object>> units = get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/balances/" + partyId)
                .statusCode(200).extract().jsonPath().getList("units");
        return units.stream().filter(u -> instrument.equals(u.get("instrument")))
                .mapToLong(u -> ((Number) u.get("available")).longValue()).sum();
    }

    public static long settlementCash(String partyId) {
        return get(DemoUser.OPERATOR, SETTLEMENT + "/api/v1/balances/" + partyId).statusCode(200).extract()
                .jsonPath().getLong("cash.available");
    }

    /** The registry's holding of the instrument in the account and status, 0 if none. */
    public static long registry(String account, String instrument, String status) {
        List<Map<String, Object>> holdings = get(DemoUser.REGULATOR, REGISTRY + "/api/v1/accounts/" + account)
                .statusCode(200).extract().jsonPath().getList("holdings");
        return holdings.stream().filter(h -> instrument.equals(h.get("instrument")) && status.equals(h.get("status")))
                .mapToLong(h -> ((Number) h.get("quantity")).longValue()).sum();
    }
}
