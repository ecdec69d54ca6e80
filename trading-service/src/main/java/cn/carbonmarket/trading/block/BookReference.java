package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.engine.BookDepth;
import cn.carbonmarket.trading.order.ExchangeQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What off-book trading needs from an instrument's book: that it is listed (404 otherwise) and not halted, and its
 * previous close. The book answers on its desk thread; the answer comes back on the caller's Vert.x context, where
 * its database session lives.
 */
@ApplicationScoped
public class BookReference {

    private final ExchangeQueries exchange;

    public BookReference(ExchangeQueries exchange) {
        this.exchange = exchange;
    }

    /** The instrument's depth, refused with {@code INSTRUMENT_HALTED} while the operator halts it. */
    public Uni<BookDepth> tradable(InstrumentCode instrument) {
        return listed(instrument).invoke(depth -> {
            if (depth.halted()) {
                throw new RuleViolationException("INSTRUMENT_HALTED", instrument + " is halted");
            }
        });
    }

    /** The instrument's depth, halted or not. */
    public Uni<BookDepth> listed(InstrumentCode instrument) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> exchange.depth(instrument))
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
