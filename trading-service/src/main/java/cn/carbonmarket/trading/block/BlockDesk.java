package cn.carbonmarket.trading.block;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.trading.calendar.TradingCalendar;
import cn.carbonmarket.trading.calendar.TradingMode;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.trading.risk.PartyEligibility;
import cn.carbonmarket.trading.rules.JurisdictionRules;
import cn.carbonmarket.trading.rules.TradingRulePack;
import cn.carbonmarket.trading.trade.RecordedTrade;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Block agreement trading: offers are posted during the block session within the block rules, and each is
 * accepted, withdrawn or expired exactly once: acceptance and withdrawal lock the offer's row, so of two racing
 * acceptances the second sees the first's result.
 */
@ApplicationScoped
public class BlockDesk {

    private final BookReference books;
    private final TradePrinter printer;
    private final OffBookLedger ledger;
    private final TradingRulePack rules;
    private final PartyEligibility eligibility;
    private final Clock clock;
    private final Pool pool;

    public BlockDesk(BookReference books, TradePrinter printer, OffBookLedger ledger, TradingRulePack rules,
                     PartyEligibility eligibility, Clock clock, Pool pool) {
        this.books = books;
        this.pool = pool;
        this.printer = printer;
        this.ledger = ledger;
        this.rules = rules;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /**
     * Posts an offer by the rules of the instrument's jurisdiction: its block session, threshold and band, and the
     * party types it admits.
     *
     * @param addressee the one counterparty that may accept, or null for an offer open to all
     */
    public Uni<BlockOffer> post(PartyId poster, InstrumentCode instrument, Side side, long quantity, long price,
                                PartyId addressee) {
        Instant now = clock.instant();
        JurisdictionRules jurisdiction = rules.rules(instrument.product().jurisdiction())
                .orElseThrow(() -> notTraded(instrument));
        Instant expiresAt = blockSessionClose(jurisdiction, now);
        BlockTerms terms = new BlockTerms(jurisdiction.block(), jurisdiction.listing());
        return eligibility.require(poster, instrument)
                .chain(() -> books.tradable(instrument))
                .invoke(depth -> terms.check(quantity, price, depth.previousClose()))
                .chain(depth -> Panache.withTransaction(() -> BlockOffer.post(poster, instrument, side, quantity,
                        price, addressee, now, expiresAt).persist()));
    }

    /**
     * {@code party} accepts the offer: both sides' coverage and the buyer's position limit are checked and booked,
     * and the offer's state change commits with the trade's record and events in one transaction (a refusal or a
     * failure leaves the offer open and the balances as they were); the committed trade is printed.
     */
    public Uni<BlockOffer> accept(PartyId party, long offerId) {
        Instant now = clock.instant();
        List<RecordedTrade> booked = new CopyOnWriteArrayList<>();
        return pool.withTransaction(conn -> BlockOffer.lockedOn(conn, offerId)
                .onItem().ifNull().failWith(() -> notFound(offerId)).call(offer -> {
                    InstrumentCode instrument = InstrumentCode.parse(offer.instrument);
                    // Accepted only while the block session of the instrument's jurisdiction is open.
                    blockSessionClose(rules.rules(instrument.product().jurisdiction())
                            .orElseThrow(() -> notTraded(instrument)), now);
                    OffBookTrade trade = offer.accept(party, now);
                    return eligibility.require(party, instrument)
                            .chain(() -> books.tradable(instrument)).invoke(() -> booked.add(ledger.book(trade)))
                            .chain(() -> BlockOffer.acceptedOn(conn, offer))
                            .chain(() -> ledger.record(conn, booked))
                            .chain(() -> printer.print(List.of(trade)));
                }))
                .onFailure().invoke(() -> ledger.undo(booked))
                .invoke(() -> ledger.print(booked));
    }

    /** The poster takes its open offer back. */
    public Uni<BlockOffer> withdraw(PartyId party, long offerId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> locked(offerId).invoke(offer -> offer.withdraw(party, now)));
    }

    /** The offer with its row locked until the transaction ends: racing acceptances and withdrawals queue here. */
    private static Uni<BlockOffer> locked(long offerId) {
        return BlockOffer.locked(offerId).onItem().ifNull().failWith(() -> notFound(offerId));
    }

    /** The offers {@code party} may see: posted by it, addressed to it, accepted by it, or open to all now. */
    public Uni<List<BlockOffer>> visibleTo(PartyId party) {
        return BlockOffer.seenBy(party, clock.instant());
    }

    public Uni<List<BlockOffer>> all() {
        return BlockOffer.inOrder();
    }

    public Uni<BlockOffer> one(long offerId) {
        return BlockOffer.<BlockOffer>findById(offerId).onItem().ifNull().failWith(() -> notFound(offerId));
    }

    /** Records as expired every open offer whose block session has ended; reads treat them so already. */
    public Uni<Integer> expire() {
        return Panache.withTransaction(() -> BlockOffer.expireBy(clock.instant()));
    }

    static NotFoundException notFound(long offerId) {
        return new NotFoundException("OFFER_NOT_FOUND", "no block offer " + offerId);
    }

    /**
     * When the block session open at {@code now} closes; 422 {@code OUTSIDE_SESSION} when none is, which is always
     * so in a jurisdiction without block trading.
     */
    private static Instant blockSessionClose(JurisdictionRules jurisdiction, Instant now) {
        TradingCalendar calendar = jurisdiction.calendar();
        if (!calendar.offers(TradingMode.BLOCK)) {
            throw new RuleViolationException("OUTSIDE_SESSION", "the " + jurisdiction.jurisdiction().displayName()
                    + " (" + jurisdiction.jurisdiction() + ") has no block agreement trading");
        }
        return calendar.sessionClose(TradingMode.BLOCK, now).orElseThrow(() -> new RuleViolationException(
                "OUTSIDE_SESSION", "block trading in " + jurisdiction.jurisdiction() + " is closed at "
                        + now.atZone(calendar.zone()) + "; it next opens at "
                        + calendar.nextOpen(TradingMode.BLOCK, now).atZone(calendar.zone())));
    }

    private static NotFoundException notTraded(InstrumentCode instrument) {
        return new NotFoundException("INSTRUMENT_NOT_LISTED", instrument + " is not listed for trading");
    }
}
