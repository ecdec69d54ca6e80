package cn.carbonmarket.trading.listing;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listed instruments: those listed with the service and those the exchange operator listed since (table
 * instrument_listing), each once and for good. What this instance has read is kept in memory for the market data's
 * reference prices; the exchange's start, its takeover and its follower read the table itself, since another
 * instance may have listed an instrument meanwhile.
 */
@ApplicationScoped
public class InstrumentListings {

    /** A listing and whether this call made it. */
    public record Listed(ListedInstrument instrument, boolean created) {
    }

    private static final Duration READ = Duration.ofSeconds(30);

    private final Pool pool;
    private final Map<InstrumentCode, ListedInstrument> withTheService;
    private final Map<InstrumentCode, ListedInstrument> known = new ConcurrentHashMap<>();

    public InstrumentListings(Pool pool, ObjectMapper json) {
        this.pool = pool;
        Map<InstrumentCode, ListedInstrument> resource = new LinkedHashMap<>();
        ListedInstrument.load(json).forEach(listed -> resource.put(listed.code(), listed));
        this.withTheService = resource;
        this.known.putAll(resource);
    }

    /** Every listing, the service's first, then the operator's in the order listed. Blocks: not on an event loop. */
    public List<ListedInstrument> all() {
        List<ListedInstrument> all = new ArrayList<>(withTheService.values());
        pool.query("select * from instrument_listing order by listed_at, code").execute()
                .await().atMost(READ).forEach(row -> all.add(seen(of(row))));
        return all;
    }

    /** The operator's listing of an instrument, read from the table. Blocks: not on an event loop. */
    public Optional<ListedInstrument> lookUp(InstrumentCode code) {
        return find(code).await().atMost(READ);
    }

    /** The listing as this instance knows it, without reading the table. */
    public Optional<ListedInstrument> known(InstrumentCode code) {
        return Optional.ofNullable(known.get(code));
    }

    /**
     * Lists an instrument: the same reference price and source again answers the listing as it stands; another is a
     * conflict, since the journal and the books were drawn around the first.
     */
    public Uni<Listed> list(InstrumentCode code, long referenceClose, String source, String operator, Instant at) {
        ListedInstrument resource = withTheService.get(code);
        if (resource != null) {
            return Uni.createFrom().item(() -> existing(resource, referenceClose, source));
        }
        return pool.preparedQuery("insert into instrument_listing (code, reference_close_fen, source, listed_by,"
                        + " listed_at) values ($1, $2, $3, $4, $5) on conflict (code) do nothing returning *")
                .execute(Tuple.of(code.toString(), referenceClose, source, operator, at.atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.size() == 1
                        ? Uni.createFrom().item(new Listed(seen(of(rows.iterator().next())), true))
                        : find(code).map(listed -> existing(listed.orElseThrow(), referenceClose, source)));
    }

    private Uni<Optional<ListedInstrument>> find(InstrumentCode code) {
        return pool.preparedQuery("select * from instrument_listing where code = $1").execute(Tuple.of(code.toString()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(seen(of(rows.iterator().next()))));
    }

    private static Listed existing(ListedInstrument listed, long referenceClose, String source) {
        if (!listed.sameAs(referenceClose, source)) {
            throw new ConflictException("INSTRUMENT_LISTED", listed.code() + " is listed already, with a reference"
                    + " price of " + listed.previousClose() + " fen (" + listed.source() + ")");
        }
        return new Listed(listed, false);
    }

    private ListedInstrument seen(ListedInstrument listed) {
        known.putIfAbsent(listed.code(), listed);
        return listed;
    }

    private static ListedInstrument of(Row row) {
        return new ListedInstrument(InstrumentCode.parse(row.getString("code")), row.getLong("reference_close_fen"),
                row.getString("source"), row.getString("listed_by"), row.getOffsetDateTime("listed_at").toInstant());
    }
}
