package cn.carbonmarket.settlement.units;

import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.event.AuctionResult.UnsoldReturn;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.SystemParties;
import cn.carbonmarket.platform.outbox.EventCodec;
import cn.carbonmarket.platform.problem.MarketException;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.settlement.tradingrisk.TradingUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * An auction's unsold units leave trading (AuctionResult on allocation.auction-results): each return is taken off
 * the seller's unit position by the path of every unit withdrawal (trading's hold, UNITS_OUT, UnitsReleased), with the
 * national account it goes to as destination and the release id as withdrawal id. Idempotent by release id rather
 * than by event id: a result redelivered or published again finds each release recorded and replays it, so nothing
 * is posted or sent twice, and a result that stopped half way completes when it comes again.
 * <p>
 * A result is acknowledged only once all its returns are booked. Trading must set the units aside first, and it may
 * be out of reach or still hold them for the auction that just closed: it is asked again with a growing pause for
 * {@code settlement.auction-returns.retry-for}, then the result goes to the dead-letter topic, to be sent again once
 * trading answers. A result that must not be booked (a seller that is not an auctioneer, a destination other than
 * its jurisdiction's issuance account or stability reserve, a return the ledger refuses) goes there at once. Both are
 * logged and counted ({@code settlement.auction.returns.refused{code}}).
 */
@ApplicationScoped
public class AuctionReturns {

    static final String REFUSED = "settlement.auction.returns.refused";
    static final String RELEASED = "settlement.auction.returns.released";
    private static final Logger LOG = Logger.getLogger(AuctionReturns.class);
    /** Fits trading's hold id and the unit withdrawal's path parameter. */
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final EventCodec codec;
    private final UnitWithdrawals withdrawals;
    private final AuctionReturnsConfig config;
    private final MeterRegistry metrics;

    public AuctionReturns(EventCodec codec, UnitWithdrawals withdrawals, AuctionReturnsConfig config,
                          MeterRegistry metrics) {
        this.codec = codec;
        this.withdrawals = withdrawals;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("allocation-auction-results")
    public Uni<Void> onResult(String json) {
        return codec.decodeIf(json, AuctionResult.TYPE).map(event -> returnAll(event.payload()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** The returns one after the other: a later one is not booked while an earlier one waits for trading. */
    Uni<Void> returnAll(AuctionResult result) {
        Optional<MarketException> refusal = refusal(result);
        if (refusal.isPresent()) {
            return Uni.createFrom().failure(refused(result, refusal.get()));
        }
        return Multi.createFrom().iterable(result.returns())
                .onItem().transformToUniAndConcatenate(unsold -> release(result, unsold))
                .collect().asList().replaceWithVoid();
    }

    /** Why the result's returns must not be booked at all, if they must not. */
    static Optional<MarketException> refusal(AuctionResult result) {
        Optional<Jurisdiction> jurisdiction = Optional.ofNullable(result.seller()).flatMap(SystemParties::auctioneerOf);
        if (jurisdiction.isEmpty()) {
            return Optional.of(new RuleViolationException("NOT_AUCTIONEER", "the seller " + result.seller()
                    + " is no jurisdiction's auctioneer: only an auctioneer's unsold units return to a national"
                    + " account"));
        }
        Set<AccountId> destinations = Set.of(new AccountId("NATIONAL_ISSUANCE-" + jurisdiction.get().name()),
                new AccountId("STABILITY_RESERVE-" + jurisdiction.get().name()));
        for (UnsoldReturn unsold : result.returns()) {
            if (result.instrument() == null || unsold.tonnes() <= 0 || unsold.releaseId() == null
                    || !RELEASE_ID.matcher(unsold.releaseId()).matches()) {
                return Optional.of(new RuleViolationException("INVALID_RETURN", "return " + unsold.releaseId()
                        + " needs an instrument, a release id of up to 100 letters, digits, '_', '.' or '-', and"
                        + " positive tonnes"));
            }
            if (unsold.destination() == null || !destinations.contains(unsold.destination())) {
                return Optional.of(new RuleViolationException("UNKNOWN_DESTINATION", "return " + unsold.releaseId()
                        + " goes to " + unsold.destination() + ", not to " + jurisdiction.get()
                        + "'s issuance account or stability reserve"));
            }
        }
        return Optional.empty();
    }

    private Uni<UnitWithdrawals.Outcome> release(AuctionResult result, UnsoldReturn unsold) {
        UnitWithdrawals.Release release = new UnitWithdrawals.Release(unsold.releaseId(), result.seller(),
                result.instrument(), unsold.tonnes(), unsold.destination(), "auction-result/" + result.auctionRef());
        return withdrawals.release(release)
                .onFailure(AuctionReturns::worthAskingAgain).invoke(failure -> LOG.warnf(
                        "auction %s: return %s not booked yet (%s); asking trading again", result.auctionRef(),
                        unsold.releaseId(), failure.getMessage()))
                .onFailure(AuctionReturns::worthAskingAgain).retry()
                .withBackOff(config.retryFirst(), config.retryMax()).expireIn(config.retryFor().toMillis())
                .onFailure().transform(failure -> refused(result, failure))
                .invoke(outcome -> {
                    if (!outcome.replayed()) {
                        metrics.counter(RELEASED).increment();
                        LOG.infof("auction %s: %d t of %s out of trading to %s (release %s)", result.auctionRef(),
                                unsold.tonnes(), result.instrument(), unsold.destination(), unsold.releaseId());
                    }
                });
    }

    /**
     * Trading's refusal or silence, or a failure of the database or network: another try may book it. The ledger's
     * refusals (too few units, the release id booked with another body) stand.
     */
    static boolean worthAskingAgain(Throwable failure) {
        return !(failure instanceof MarketException refusal) || refusal instanceof TradingUnavailableException
                || "WITHDRAWAL_REFUSED_BY_TRADING".equals(refusal.code());
    }

    /** Logs and counts why a result goes to the dead-letter topic: the last refusal behind exhausted retries. */
    private Throwable refused(AuctionResult result, Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof MarketException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String code = cause instanceof MarketException refusal ? refusal.code() : cause.getClass().getSimpleName();
        metrics.counter(REFUSED, "code", code).increment();
        LOG.errorf("auction %s: unsold units not taken out of trading (%s: %s); the result goes to the dead-letter"
                + " topic, to be sent again once the cause is dealt with (each release id is booked once)",
                result.auctionRef(), code, cause.getMessage());
        return cause;
    }
}
