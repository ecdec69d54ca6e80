package cn.carbonmarket.trading.marketdata;

import cn.carbonmarket.contracts.event.DepthChanged;
import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.OutboxConfig;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.engine.BookDepth;
import cn.carbonmarket.trading.engine.Fill;
import cn.carbonmarket.trading.engine.FillListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Trade prints and depth changes, out to {@code trading.market-data}, to the stream subscribers and (trades) into
 * the market data tables. Everything happens on one market-data thread: a desk thread only hands a print over,
 * so matching never waits for JSON, Kafka or the database.
 *
 * <p>Market data is sent straight to Kafka, not through the transactional outbox: it is a view of the book, not
 * a ledger, no service keeps balances from it, and the trades themselves are journaled and published for
 * settlement elsewhere. A print lost in a crash costs a line on a chart, not money, and an outbox round trip per
 * depth change would put the database on the matching path.
 */
@ApplicationScoped
public class MarketDataFeed implements FillListener {

    private static final Logger LOG = Logger.getLogger(MarketDataFeed.class);

    private final MutinyEmitter<String> kafka;
    private final EventCodec codec;
    private final Clock clock;
    private final String producer;
    private final MarketDataConfig config;
    private final TradeRecorder recorder;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "market-data");
        t.setDaemon(true);
        return t;
    });
    private final BroadcastProcessor<EventEnvelope<?>> live = BroadcastProcessor.create();
    private final UnicastProcessor<TradePrinted> toRecord = UnicastProcessor.create();
    /** The depth last published per instrument; only the market-data thread touches it. */
    private final Map<InstrumentCode, BookDepth> published = new HashMap<>();
    private Cancellable recording;

    public MarketDataFeed(@Channel("trading-market-data") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                                  bufferSize = 8192) MutinyEmitter<String> kafka,
                          EventCodec codec, Clock clock, ObjectMapper json, Pool pool, MarketDataStore store,
                          MarketDataConfig config, OutboxConfig outbox, MarketDays marketDays) {
        this.kafka = kafka;
        this.codec = codec;
        this.clock = clock;
        this.producer = outbox.producer();
        this.config = config;
        this.recorder = new TradeRecorder(pool, store, marketDays, TradingCalendar.load(json).zone());
    }

    void start(@Observes StartupEvent event) {
        recording = toRecord.group().intoLists().of(config.batchSize(), config.batchWait())
                // The grouping's timer emits whether or not the writer asked: batches wait here while the database
                // is slow, instead of failing the whole recording with a back-pressure error.
                .onOverflow().buffer(10_000)
                .filter(batch -> !batch.isEmpty())
                .onItem().transformToUniAndConcatenate(batch -> recorder.record(batch)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "%d trade prints were not recorded", batch.size());
                            return null;
                        }))
                .subscribe().with(done -> { }, failure -> LOG.error("trade recording stopped", failure));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        recording.cancel();
    }

    /** A continuous (listing-agreement) fill, on its desk's thread. */
    @Override
    public void filled(Fill fill) {
        print(new TradePrinted(fill.tradeId(), fill.instrument(), fill.quantity(), fill.price(),
                TradeMode.CONTINUOUS, fill.at()));
    }

    /** Prints a trade of any mode; callable from any thread. */
    public void print(TradePrinted trade) {
        thread.execute(() -> {
            publish(trade.instrument(), EventEnvelope.of(TradePrinted.TYPE, producer, trade.instrument().toString(),
                    trade, clock.instant()));
            toRecord.onNext(trade);
        });
    }

    /** A book as it stands now; published only if it differs from the last one published. */
    public void depth(BookDepth book) {
        thread.execute(() -> {
            if (!book.equals(published.put(book.instrument(), book))) {
                publish(book.instrument(), snapshot(book));
            }
        });
    }

    /** The events of {@code instrument} from now on. */
    public Multi<EventEnvelope<?>> live(InstrumentCode instrument) {
        String key = instrument.toString();
        return live.filter(event -> event.key().equals(key)).onOverflow().buffer(config.streamBuffer());
    }

    /** {@code book} as a depth event stamped now. */
    public EventEnvelope<DepthChanged> snapshot(BookDepth book) {
        DepthChanged depth = depthChanged(book);
        return EventEnvelope.of(DepthChanged.TYPE, producer, book.instrument().toString(), depth, depth.at());
    }

    private DepthChanged depthChanged(BookDepth book) {
        return new DepthChanged(book.instrument(), levels(book.bids()), levels(book.asks()), book.previousClose(),
                book.last(), book.volume(), book.halted(), clock.instant());
    }

    private static List<DepthChanged.Level> levels(List<BookDepth.Level> levels) {
        return levels.stream().map(l -> new DepthChanged.Level(l.price(), l.quantity(), l.orders())).toList();
    }

    private void publish(InstrumentCode instrument, EventEnvelope<?> event) {
        live.onNext(event);
        Message<String> message = Message.of(codec.encode(event)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(instrument.toString()).build());
        kafka.sendMessage(message).subscribe().with(sent -> { },
                failure -> LOG.warnf("market data %s of %s not sent: %s", event.type(), instrument,
                        failure.getMessage()));
    }
}
