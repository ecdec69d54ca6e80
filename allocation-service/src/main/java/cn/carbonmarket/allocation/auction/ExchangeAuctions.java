package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.reserve.MovementKind;
import cn.carbonmarket.allocation.reserve.ReserveMovement;
import cn.carbonmarket.allocation.reserve.ReserveStore;
import cn.carbonmarket.contracts.event.AuctionAnnounced;
import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the exchange's primary auctions on {@code trading.auctions}: an announcement makes an auction ANNOUNCED
 * (with the exchange's auction id); its close is turned into the result (design step 9) in one transaction: the
 * winners' payments, the returns of unsold units, the stability reserve's intakes, a cancelled volume carried over to
 * the next scheduled auctions, and {@link AuctionResult} published. Auctions the exchange operator announced itself
 * (no auction reference) are not allocation's; an auction moves only forward, so redeliveries change nothing.
 */
@ApplicationScoped
public class ExchangeAuctions {

    private static final Logger LOG = Logger.getLogger(ExchangeAuctions.class);
    private static final Set<AuctionStatus> OPEN = EnumSet.of(AuctionStatus.IN_TRADING, AuctionStatus.ANNOUNCED);

    private final EventCodec codec;
    private final Pool pool;
    private final AuctionStore store;
    private final AuctionRules rules;
    private final AuctionCalendar calendar;
    private final ReserveStore reserve;
    private final Outbox outbox;
    private final Clock clock;

    ExchangeAuctions(EventCodec codec, Pool pool, AuctionStore store, AuctionRules rules, AuctionCalendar calendar,
                     ReserveStore reserve, Outbox outbox, Clock clock) {
        this.codec = codec;
        this.pool = pool;
        this.store = store;
        this.rules = rules;
        this.calendar = calendar;
        this.reserve = reserve;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Incoming("trading-auctions")
    public Uni<Void> onExchangeEvent(String json) {
        return codec.decodeIf(json, AuctionAnnounced.TYPE).map(event -> announced(event.payload()))
                .or(() -> codec.decodeIf(json, AuctionClosed.TYPE).map(event -> closed(event.payload())))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> announced(AuctionAnnounced announced) {
        if (announced.auctionRef() == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(conn -> store.announced(conn, announced.auctionRef(), announced.auctionId(),
                announced.announcedAt(), now()));
    }

    private Uni<Void> closed(AuctionClosed closed) {
        if (closed.auctionRef() == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(conn -> store.find(conn, closed.auctionRef(), true).chain(found -> {
            if (found.isEmpty()) {
                LOG.warnf("the exchange closed auction %s, which allocation never scheduled", closed.auctionRef());
                return Uni.createFrom().voidItem();
            }
            AuctionRecord auction = found.get();
            if (!OPEN.contains(auction.status())) {
                return Uni.createFrom().voidItem();
            }
            if (!auction.instrument().equals(closed.instrument())
                    || !SystemParties.auctioneer(auction.jurisdiction()).equals(closed.seller())) {
                throw new IllegalStateException("the exchange closed auction " + closed.auctionRef() + " of "
                        + closed.instrument() + " sold by " + closed.seller() + ", not the auction allocation asked"
                        + " for");
            }
            return result(conn, auction, closed);
        }));
    }

    private Uni<Void> result(SqlConnection conn, AuctionRecord auction, AuctionClosed closed) {
        Instant at = now();
        ResultComputation.Computed computed = ResultComputation.compute(auction.offer(), closed);
        AuctionStatus status = computed.returns().isEmpty() ? AuctionStatus.COMPLETED : AuctionStatus.RETURNING;
        AuctionRecord.Result stored = new AuctionRecord.Result(computed.outcome().name(), computed.clearingPriceFen(),
                closed.offeredTonnes(), computed.soldTonnes(), computed.demandTonnes(), computed.coverRatio(),
                closed.bidders(), computed.revenueFen(), closed.closedAt());
        AuctionRule rule = rules.of(auction.rulePack()).orElseThrow();
        Uni<Void> chain = store.closed(conn, auction.auctionRef(), closed.auctionId(), stored, status, at)
                .chain(() -> store.insertWinners(conn, auction.auctionRef(), computed.winners()))
                .chain(() -> store.insertReturns(conn, auction.auctionRef(), computed.returns()))
                .chain(() -> reserve.clearedAt(conn, AuctionPreparation.releaseMovementId(auction.auctionRef()),
                        computed.clearingPriceFen(), at));
        for (AuctionResult.UnsoldReturn unsold : computed.returns()) {
            ReturnReason reason = ReturnReason.valueOf(unsold.reason());
            if (reason.toReserve()) {
                chain = chain.chain(() -> reserve.record(conn, intake(auction, unsold, reason,
                        computed.clearingPriceFen(), at)));
            }
        }
        return chain
                .chain(() -> calendar.carryOn(conn, auction, computed.carriedLots(), rule.carryOverCount(), at))
                .chain(() -> outbox.publish(conn, AuctionResult.TYPE, auction.auctionRef(), new AuctionResult(
                        auction.auctionRef(), auction.periodId(), auction.instrument(), closed.seller(),
                        computed.outcome().name(), computed.clearingPriceFen(),
                        auction.prepared().reservePrice().priceFen(), auction.prepared().supply().volumeTonnes(),
                        closed.offeredTonnes(), computed.soldTonnes(), computed.demandTonnes(), computed.coverRatio(),
                        closed.bidders(), computed.winners(), computed.revenueFen(), computed.returns(),
                        closed.closedAt())))
                .replaceWithVoid();
    }

    /** Units coming back into the reserve, with the price they are measured against (the trigger or the floor). */
    private static ReserveMovement intake(AuctionRecord auction, AuctionResult.UnsoldReturn unsold,
                                          ReturnReason reason, Long clearingPriceFen, Instant at) {
        SupplyTerms supply = auction.prepared().supply();
        Long threshold = reason == ReturnReason.CCR_NOT_RELEASED ? supply.triggerFen() : supply.floorFen();
        return ReserveMovement.pending(unsold.releaseId(), auction.jurisdiction().name(),
                auction.instrument().toString(), MovementKind.INTAKE, unsold.tonnes(), reason.name(),
                auction.periodId(), auction.auctionRef(), null, clearingPriceFen, threshold, at);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
