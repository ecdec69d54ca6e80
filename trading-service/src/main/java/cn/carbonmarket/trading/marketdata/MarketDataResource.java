package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.InvalidRequestException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.Problem;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.security.Roles;
import cn.carbonmarket.trading.order.ExchangeQueries;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Market data of one instrument: trades, candles, daily statistics and a live stream. Public to the market. */
@Path("/api/v1/instruments/{code}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_ENTITY, Roles.INVESTOR, Roles.EXCHANGE_OPERATOR, Roles.REGULATOR, Roles.MARKET_DATA})
@Tag(name = "Market data", description = "Trades, OHLCV candles, daily statistics, live stream")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "not listed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MarketDataResource {

    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_CANDLES = 2_000;

    private final ExchangeQueries exchange;
    private final MarketDataStore store;
    private final MarketDataFeed feed;
    private final MarketDays marketDays;
    private final Clock clock;

    public MarketDataResource(ExchangeQueries exchange, MarketDataStore store, MarketDataFeed feed,
                              MarketDays marketDays, Clock clock) {
        this.exchange = exchange;
        this.store = store;
        this.feed = feed;
        this.marketDays = marketDays;
        this.clock = clock;
    }

    public record TradePage(String instrument, int page, int size, List<TradePrinted> trades) {
    }

    @GET
    @Path("/trades")
    @Operation(summary = "Recent trades, newest first, without the parties (prices in fen, quantities in tonnes)")
    public Uni<TradePage> trades(@PathParam("code") String code, @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("50") int size) {
        InstrumentCode instrument = listed(code);
        if (page < 0) {
            throw invalid("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "size is 1.." + MAX_PAGE_SIZE);
        }
        return store.trades(instrument, page, size).map(trades -> new TradePage(code, page, size, trades));
    }

    public record CandleView(Instant start, Long openFen, Long highFen, Long lowFen, Long closeFen, long volume,
                             long turnoverFen, int trades) {
    }

    public record CandleSeries(String instrument, String interval, Instant from, Instant to,
                               List<CandleView> candles) {
    }

    @GET
    @Path("/candles")
    @Operation(summary = "OHLCV candles starting in [from, to): prices (fen) from listing-agreement trades, volume"
            + " (tonnes) and turnover (fen) of all trades; prices null in a bucket of block trades only")
    public Uni<CandleSeries> candles(@PathParam("code") String code,
                                     @QueryParam("interval") @DefaultValue("1m") String interval,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        InstrumentCode instrument = listed(code);
        CandleInterval width = CandleInterval.parse(interval);
        Instant until = to == null ? clock.instant() : parse("to", to, Instant::parse);
        Instant since = from == null ? until.minus(width.defaultSpan()) : parse("from", from, Instant::parse);
        if (!since.isBefore(until)) {
            throw invalid("from", "from must be before to");
        }
        return store.candles(instrument, width, since, until, MAX_CANDLES).map(candles -> new CandleSeries(code,
                width.code(), since, until, candles.stream().map(c -> new CandleView(c.start(), c.openFen(),
                        c.highFen(), c.lowFen(), c.closeFen(), c.volume(), c.turnoverFen(), c.trades())).toList()));
    }

    public record Statistics(String instrument, LocalDate tradingDay, long previousCloseFen, long openFen,
                             long highFen, long lowFen, long closeFen, long lastFen, long volume, long turnoverFen,
                             int trades) {
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "A trading day's statistics: open = first trade else previous close, close = volume-weighted"
            + " average else previous close (fen); volume, turnover and trades include block trades, which move no"
            + " price. Without a date: the current trading day, which rolls over when the last session of the"
            + " instrument's jurisdiction closes")
    @APIResponse(responseCode = "422", description = "not a trading day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Statistics> statistics(@PathParam("code") String code, @QueryParam("date") String date) {
        InstrumentCode instrument = listed(code);
        MarketDay marketDay = marketDays.of(instrument.product().jurisdiction());
        LocalDate day = date == null ? marketDay.of(clock.instant()) : parse("date", date, LocalDate::parse);
        if (!tradingDay(marketDay, day)) {
            throw new RuleViolationException("NOT_A_TRADING_DAY", day + " is not a trading day");
        }
        return store.statistics(instrument, day).map(s -> new Statistics(code, s.tradingDay(), s.previousCloseFen(),
                s.open(), s.high(), s.low(), s.close(), s.last(), s.volume(), s.turnoverFen(), s.trades()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the book now (DepthChanged), then every trade (TradePrinted) and"
            + " conflated depth change, in the envelopes of trading.market-data")
    public Multi<EventEnvelope<?>> stream(@PathParam("code") String code) {
        InstrumentCode instrument = listed(code);
        Multi<EventEnvelope<?>> now = exchange.depth(instrument).<EventEnvelope<?>>map(feed::snapshot).toMulti();
        return Multi.createBy().merging().streams(now, feed.live(instrument));
    }

    private InstrumentCode listed(String code) {
        InstrumentCode instrument = InstrumentCode.parse(code);
        if (!exchange.instruments().contains(instrument)) {
            throw new NotFoundException("INSTRUMENT_NOT_LISTED", instrument + " is not listed for trading");
        }
        return instrument;
    }

    /** Whether {@code day} trades; a year the calendar has no holidays for is not known to. */
    private static boolean tradingDay(MarketDay marketDay, LocalDate day) {
        try {
            return marketDay.isTradingDay(day);
        } catch (IllegalStateException unknownYear) {
            return false;
        }
    }

    private static <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + text + "' is not an ISO-8601 " + (field.equals("date") ? "date" : "instant"));
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
