package cn.carbonmarket.trading.order;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.trading.engine.Command;
import cn.carbonmarket.trading.engine.InstrumentDesk;
import cn.carbonmarket.trading.engine.InstrumentEngine;
import cn.carbonmarket.trading.journal.JournalPosition;
import cn.carbonmarket.trading.journal.OrderJournal;
import cn.carbonmarket.trading.leadership.Leadership;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The exchange's desks, one {@link InstrumentDesk} per listed instrument, opened once recovery has rebuilt their
 * engines (and one more for each instrument listed since), and the journal every applied command goes to from its
 * desk's thread. An instrument whose journal record or trades were lost stops taking commands until the service
 * restarts and replays what the journal holds.
 */
@ApplicationScoped
public class ExchangeDesks {

    private static final Logger LOG = Logger.getLogger(ExchangeDesks.class);

    private final OrderJournal journal;
    private final Leadership leadership;
    private final Map<InstrumentCode, Boolean> broken = new ConcurrentHashMap<>();
    private volatile Map<InstrumentCode, InstrumentDesk> desks = Map.of();

    public ExchangeDesks(OrderJournal journal, Leadership leadership) {
        this.journal = journal;
        this.leadership = leadership;
    }

    /** Puts each recovered engine on its own desk; until then no instrument is listed here. */
    void open(Map<InstrumentCode, InstrumentEngine> engines) {
        Map<InstrumentCode, InstrumentDesk> opened = new LinkedHashMap<>();
        engines.forEach((code, engine) -> opened.put(code, new InstrumentDesk(engine)));
        desks = Collections.unmodifiableMap(opened);
    }

    /** The engine's instrument's desk: the one it has, or a new one for the engine (an instrument listed since). */
    InstrumentDesk add(InstrumentEngine engine) {
        InstrumentDesk desk = desks.get(engine.instrument());
        return desk != null ? desk : added(engine);
    }

    /** The follower calls {@link #add} for every record it applies: only a new instrument takes the lock. */
    private synchronized InstrumentDesk added(InstrumentEngine engine) {
        InstrumentDesk desk = desks.get(engine.instrument());
        if (desk == null) {
            desk = new InstrumentDesk(engine);
            Map<InstrumentCode, InstrumentDesk> more = new LinkedHashMap<>(desks);
            more.put(engine.instrument(), desk);
            desks = Collections.unmodifiableMap(more);
        }
        return desk;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        for (InstrumentDesk desk : desks.values()) {
            desk.close();
        }
    }

    Map<InstrumentCode, InstrumentDesk> all() {
        return desks;
    }

    List<InstrumentCode> instruments() {
        return List.copyOf(desks.keySet());
    }

    InstrumentDesk desk(InstrumentCode instrument) {
        InstrumentDesk desk = desks.get(instrument);
        if (desk == null) {
            throw new NotFoundException("INSTRUMENT_NOT_LISTED", instrument + " is not listed for trading");
        }
        return desk;
    }

    boolean isBroken(InstrumentCode instrument) {
        return broken.containsKey(instrument);
    }

    /** The instrument takes no more commands: what it applied is no longer sure to be journaled or recorded. */
    void stopTaking(InstrumentCode instrument) {
        broken.put(instrument, Boolean.TRUE);
    }

    /**
     * Journals an applied command in the leader's epoch; if the broker does not acknowledge it, the instrument stops
     * taking commands. An acknowledgement that comes when the lease is unsure (a renewal late) is passed on only once
     * the next renewal shows nobody took the lease meanwhile. If someone did, the record may stand behind the
     * successor's epoch mark, refused on replay: this instance is deposed and the client hears 503 {@code NOT_LEADER}
     * and asks again (its client order id finds the order if it does stand).
     */
    CompletableFuture<JournalPosition> journaled(InstrumentCode instrument, Command command) {
        return journal.append(instrument, command, leadership.epoch()).handle((position, failure) -> {
            if (failure != null) {
                stopTaking(instrument);
                LOG.errorf(failure, "the journal did not acknowledge %s; %s stops taking commands", command,
                        instrument);
                throw new JournalUnavailableException("the journal did not acknowledge the command");
            }
            return position;
        }).thenCompose(position -> leadership.confirmed().thenApply(held -> position));
    }

    /** A desk's answer as a Uni, failing with the exception the desk threw rather than its wrapper. */
    static <T> Uni<T> uni(CompletableFuture<T> future) {
        return Uni.createFrom().completionStage(future)
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }
}
