package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.allocation.reserve.ReserveStore;
import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The registry's answers that move auctions (on {@code registry.transactions}, dispatched by the issuance answers'
 * consumer): the TO_TRADING booking of an auction's supply puts it IN_TRADING and asks the exchange to hold it
 * ({@link PrimaryAuctionRequested}, through the outbox in the same transaction); a refusal of the supply makes it
 * SUPPLY_REFUSED; the bookings of its returns book them, and with the last one the auction is COMPLETED. Each answer
 * moves an auction only forward, so redeliveries change nothing.
 */
@ApplicationScoped
public class RegistryAnswers {

    private static final String TO_TRADING = "TO_TRADING";
    private static final String RESERVE_RELEASE = "RESERVE_RELEASE";
    /** A return's release id: {@code <auctionRef>-<reason>}, the reference of the registry's booking of it. */
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Z]{2}-\\d{4}(-\\d{4})?-A\\d{2,}-("
            + "UNSOLD_CARRIED_OVER|CCR_NOT_RELEASED|ECR_WITHHELD)");

    private final Pool pool;
    private final AuctionStore store;
    private final ReserveStore reserve;
    private final Outbox outbox;
    private final Clock clock;

    RegistryAnswers(Pool pool, AuctionStore store, ReserveStore reserve, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.reserve = reserve;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether a booking's reference or a refused instruction id is an auction's. */
    public static boolean answers(String reference) {
        return reference != null && (reference.startsWith(AuctionRecord.SUPPLY_PREFIX)
                || RELEASE_ID.matcher(reference).matches());
    }

    public Uni<Void> booked(TransactionBooked booked) {
        String reference = booked.reference();
        Instant at = now();
        if (!reference.startsWith(AuctionRecord.SUPPLY_PREFIX)) {
            return pool.withTransaction(conn -> store.returnBooked(conn, reference, booked.transactionId(), at)
                    .chain(auction -> auction.isEmpty() ? Uni.createFrom().voidItem()
                            : reserve.booked(conn, reference, booked.transactionId(), at)
                                    .chain(() -> store.completeIfReturned(conn, auction.get(), at))));
        }
        String auctionRef = supplyOf(reference);
        return switch (booked.type()) {
            case TO_TRADING -> pool.withTransaction(conn -> supplied(conn, auctionRef, booked.transactionId(), at));
            case RESERVE_RELEASE -> pool.withTransaction(conn -> reserve.booked(conn,
                    AuctionPreparation.releaseMovementId(auctionRef), booked.transactionId(), at));
            default -> Uni.createFrom().voidItem();
        };
    }

    public Uni<Void> refused(IssuanceRefused refused) {
        if (!refused.instructionId().startsWith(AuctionRecord.SUPPLY_PREFIX)) {
            return Uni.createFrom().voidItem();
        }
        String auctionRef = supplyOf(refused.instructionId());
        Instant at = now();
        return pool.withTransaction(conn -> store.supplyRefused(conn, auctionRef, refused.code(), refused.reason(), at)
                .chain(moved -> !moved ? Uni.createFrom().voidItem()
                        : reserve.refused(conn, AuctionPreparation.releaseMovementId(auctionRef), at)));
    }

    /**
     * The auction a supply's booking belongs to: its reference is the instruction id {@code AUCSUP-<auctionRef>}, the
     * supply's other bookings (issue, reserve release) add a part after a slash.
     */
    private static String supplyOf(String reference) {
        String ref = reference.substring(AuctionRecord.SUPPLY_PREFIX.length());
        int part = ref.indexOf('/');
        return part < 0 ? ref : ref.substring(0, part);
    }

    /**
     * The supply is in trading: IN_TRADING, the release it carried booked with it (one registry transaction), and
     * the exchange asked to hold the auction. Once: a redelivered booking finds it moved on.
     */
    private Uni<Void> supplied(SqlConnection conn, String auctionRef, UUID transactionId, Instant at) {
        return store.supplied(conn, auctionRef, transactionId, at).chain(moved -> !moved
                ? Uni.createFrom().voidItem()
                : store.find(conn, auctionRef, false).map(found -> found.orElseThrow())
                        .call(auction -> reserve.booked(conn, AuctionPreparation.releaseMovementId(auctionRef), null,
                                at))
                        .chain(auction -> outbox.publish(conn, PrimaryAuctionRequested.TYPE, auctionRef,
                                request(auction)))
                        .replaceWithVoid());
    }

    static PrimaryAuctionRequested request(AuctionRecord auction) {
        SupplyTerms supply = auction.prepared().supply();
        return new PrimaryAuctionRequested(auction.auctionRef(), SystemParties.auctioneer(auction.jurisdiction()),
                auction.instrument(), auction.lotTonnes(), supply.volumeTonnes(),
                auction.prepared().reservePrice().priceFen(), supply.bidderCapTonnes(), auction.eligibleTypes(),
                auction.opensAt(), auction.closesAt(),
                supply.releaseTonnes() > 0
                        ? new PrimaryAuctionRequested.CostContainment(supply.triggerFen(), supply.releaseTonnes())
                        : null,
                supply.floorFen() != null && supply.withholdTonnes() > 0
                        ? new PrimaryAuctionRequested.EmissionsContainment(supply.floorFen(), supply.withholdTonnes())
                        : null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
