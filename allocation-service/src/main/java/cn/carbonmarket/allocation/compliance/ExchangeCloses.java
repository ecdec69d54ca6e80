package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a pilot exchange's historical daily closes of an allowance, so that a penalty averaging months before the
 * suite traded it has prices. Recorded by the regulator or the authority running the allowance's jurisdiction; each
 * day's close replaces the one recorded for that day before, so the same closes again change nothing. Where the
 * suite's own trading made a close for a day, that close is the one penalties use.
 */
@ApplicationScoped
public class ExchangeCloses {

    /** A decade of trading days is far fewer; more in one request is a mistake, not a history. */
    static final int MAX_CLOSES = 5_000;

    private final Pool pool;
    private final PriceStore store;
    private final Clock clock;

    ExchangeCloses(Pool pool, PriceStore store, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.clock = clock;
    }

    public Uni<ExchangeClosesRecorded> record(String instrumentCode, ExchangeClosesRequest request, Caller caller) {
        RequestValidation validation = new RequestValidation();
        InstrumentCode instrument = validation.field("instrument", () -> InstrumentCode.parse(instrumentCode));
        if (instrument != null && instrument.product().isOffset()) {
            validation.reject("instrument", "closes are recorded for an allowance, not the offset " + instrument);
        }
        validation.throwIfInvalid();
        caller.requireRuns(instrument.product().jurisdiction());
        List<PriceStore.DailyClose> closes = validated(request, validation);
        validation.throwIfInvalid();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(conn -> store.recordExchangeCloses(conn, instrument.toString(),
                        request.source().strip(), closes, caller.name(), at))
                .map(changed -> new ExchangeClosesRecorded(instrument.toString(), request.source().strip(),
                        closes.size(), changed, closes.get(0).day(), closes.get(closes.size() - 1).day()));
    }

    /** The closes oldest first, every bad field recorded: a day in the past (Shanghai), once, a positive fen. */
    private List<PriceStore.DailyClose> validated(ExchangeClosesRequest request, RequestValidation validation) {
        if (request.source() == null || request.source().isBlank()) {
            validation.reject("source", "name the publication the closes are taken from");
        }
        if (request.closes() == null || request.closes().isEmpty() || request.closes().size() > MAX_CLOSES) {
            validation.reject("closes", "1 to " + MAX_CLOSES + " daily closes");
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), MarketPrices.MARKET_ZONE);
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<PriceStore.DailyClose> closes = new ArrayList<>();
        for (int i = 0; i < request.closes().size(); i++) {
            ExchangeClosesRequest.Close close = request.closes().get(i);
            String field = "closes[" + i + "]";
            LocalDate day = day(close == null ? null : close.date(), field + ".date", validation);
            if (day != null && !day.isBefore(today)) {
                validation.reject(field + ".date", "a close of a past trading day, before " + today);
            }
            Integer earlier = day == null ? null : seen.putIfAbsent(day, i);
            if (earlier != null) {
                validation.reject(field + ".date", day + " is closes[" + earlier + "] already");
            }
            if (close == null || close.closeFen() == null || close.closeFen() <= 0) {
                validation.reject(field + ".closeFen", "a close is a positive price in fen");
            } else if (day != null) {
                closes.add(new PriceStore.DailyClose(day, close.closeFen()));
            }
        }
        closes.sort(Comparator.comparing(PriceStore.DailyClose::day));
        return closes;
    }

    private static LocalDate day(String text, String field, RequestValidation validation) {
        try {
            if (text != null) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException malformed) {
            // reported below with the field's name
        }
        validation.reject(field, "a date YYYY-MM-DD, not " + text);
        return null;
    }
}
