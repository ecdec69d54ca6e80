package cn.carbonmarket.trading.auction;

import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.platform.inbox.IdempotentConsumer;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.block.OffBookLedger;
import cn.carbonmarket.trading.leadership.LeaderFeeds;
import cn.carbonmarket.trading.risk.PreTradeRisk;
import cn.carbonmarket.trading.risk.ReservationKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Announces the primary auctions allocation asks for ({@code PrimaryAuctionRequested} on {@code allocation.auctions}),
 * once per event id and once per auction reference ({@link AuctionHouse#announce(PrimaryAuctionRequested, List)}),
 * on the leader ({@link LeaderFeeds}).
 *
 * <p>The seller's units reach the risk view on other topics (the registry's move into trading, settlement's ledger)
 * and may arrive after the request. While the announcement is refused for {@code INSUFFICIENT_UNITS} it is tried
 * again with backoff, for up to {@code market.trading.auction.units-patience}; after that, or on any other refusal,
 * the request goes to the dead-letter topic.
 */
@ApplicationScoped
public class PrimaryAuctionRequests {

    static final String CONSUMER = "trading.primary-auctions";
    private static final Logger LOG = Logger.getLogger(PrimaryAuctionRequests.class);

    private final IdempotentConsumer consumer;
    private final AuctionHouse house;
    private final OffBookLedger ledger;
    private final PreTradeRisk risk;
    private final EventCodec codec;
    private final LeaderFeeds leaderFeeds;
    private final Duration patience;

    public PrimaryAuctionRequests(IdempotentConsumer consumer, AuctionHouse house, OffBookLedger ledger,
                                  PreTradeRisk risk, EventCodec codec, LeaderFeeds leaderFeeds,
                                  @ConfigProperty(name = "market.trading.auction.units-patience") Duration patience) {
        this.consumer = consumer;
        this.codec = codec;
        this.leaderFeeds = leaderFeeds;
        this.house = house;
        this.ledger = ledger;
        this.risk = risk;
        this.patience = patience;
    }

    @Incoming("allocation-auctions")
    public Uni<Void> onRequest(String json) {
        // Retries, the risk view's readiness and a standby's waiting resume on other threads; the database session
        // lives on this context.
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> codec.decodeIf(json, PrimaryAuctionRequested.TYPE)
                .map(event -> leaderFeeds.once(CONSUMER, event.eventId(), () -> announce(json, context)))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> announce(String json, Context context) {
        return risk.whenReady(() -> attempt(json)
                        .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                        .onFailure(PrimaryAuctionRequests::waitingForUnits).retry()
                        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).expireIn(patience.toMillis()))
                .onFailure().invoke(failure -> LOG.errorf("a primary auction request was not announced: %s",
                        failure.getMessage()));
    }

    /** One try: the announcement and the event's id in one transaction; what it reserved is freed unless it commits. */
    private Uni<Void> attempt(String json) {
        return Uni.createFrom().deferred(() -> {
            List<ReservationKey.OffBook> reserved = new CopyOnWriteArrayList<>();
            return consumer.once(CONSUMER, json, PrimaryAuctionRequested.TYPE, request -> {
                // The consumer retries its transaction itself: what an earlier, rolled back, run reserved is void.
                ledger.release(reserved);
                reserved.clear();
                return house.announce(request, reserved);
            }).onFailure().invoke(() -> ledger.release(reserved));
        });
    }

    /** Whether the seller's units were missing (the consumer's own retries wrap the refusal once exhausted). */
    private static boolean waitingForUnits(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolationException refusal) {
                return "INSUFFICIENT_UNITS".equals(refusal.code());
            }
        }
        return false;
    }
}
