package cn.carbonmarket.allocation.auction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.ForbiddenException;
import cn.carbonmarket.platform.problem.NotFoundException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.problem.UniqueViolation;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A period's auction calendar: the regulator schedules auctions (numbered {@code <periodId>-A<nn>}) and withdraws
 * one before its preparation; the calendar shows each with its carry-over, preparation and result, and a participant
 * reads its own outcome of a published result.
 */
@ApplicationScoped
public class AuctionCalendar {

    /** Shares are given to at most four decimals (0.2500). */
    private static final int SHARE_SCALE = 4;

    private final Pool pool;
    private final AuctionStore store;
    private final AuctionRules rules;
    private final Clock clock;
    private final Optional<Duration> shortestWindow;

    /**
     * @param shortestWindow a shorter least bid window than the pack's, for local end-to-end runs and benchmarks that
     *                       cannot wait half an hour for a window to end; unset in production
     */
    AuctionCalendar(Pool pool, AuctionStore store, AuctionRules rules, Clock clock,
                    @ConfigProperty(name = "allocation.auction.shortest-bid-window")
                    Optional<Duration> shortestWindow) {
        this.pool = pool;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.shortestWindow = shortestWindow;
    }

    /** The auction as it stands, and whether this call scheduled it. */
    public record Scheduled(AuctionView auction, boolean created) {
    }

    /**
     * Schedules an auction once per idempotency key (if one is given): the same key with the same terms answers the
     * auction scheduled before, with other terms is a conflict. Lots of cancelled auctions waiting for a scheduled
     * auction go into this one.
     */
    public Uni<Scheduled> schedule(String periodId, AuctionRequest request, String idempotencyKey, Caller caller) {
        Instant opensAt = request.opensAt().truncatedTo(ChronoUnit.MICROS);
        Instant closesAt = request.closesAt().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(conn -> (idempotencyKey == null
                        ? Uni.createFrom().item(Optional.<AuctionRecord>empty())
                        : store.byIdempotencyKey(conn, idempotencyKey))
                        .chain(earlier -> {
                            if (earlier.isPresent()) {
                                return Uni.createFrom().item(replay(earlier.get(), periodId, request, opensAt,
                                        closesAt));
                            }
                            return store.period(conn, periodId, true).chain(period -> create(conn, period.orElseThrow(
                                    () -> periodNotFound(periodId)), request, opensAt, closesAt, idempotencyKey,
                                    caller.name()));
                        })
                        .chain(scheduled -> view(conn, scheduled.auction().periodId(), scheduled.auction()
                                .auctionRef()).map(view -> new Scheduled(view, scheduled.created()))))
                .onFailure(UniqueViolation::test).retry().atMost(1);
    }

    /** An auction record and whether it was written now. */
    private record Written(AuctionRecord auction, boolean created) {
    }

    private Uni<Written> create(SqlClient conn, AuctionStore.PeriodRow period, AuctionRequest request,
                                Instant opensAt, Instant closesAt, String idempotencyKey, String regulator) {
        if ("CLOSED".equals(period.status())) {
            throw new ConflictException("PERIOD_CLOSED", "compliance period " + period.periodId() + " is closed:"
                    + " nothing more is auctioned for it");
        }
        AuctionRule rule = rules.of(period.benchmarkPack()).orElseThrow(() -> new ConflictException(
                "NO_AUCTION_RULES", "benchmark pack " + period.benchmarkPack() + " of period " + period.periodId()
                + " has no auction rules"));
        Instant now = now();
        RequestValidation validation = new RequestValidation();
        if (request.volumeLots() < 1) {
            validation.reject("volumeLots", "an auction offers at least one lot");
        }
        if (!opensAt.isAfter(now)) {
            validation.reject("opensAt", "the bid window opens in the future");
        }
        if (!closesAt.isAfter(opensAt)) {
            validation.reject("closesAt", "the bid window closes after it opens");
        }
        BigDecimal capShare = request.bidderCapShare() == null ? rule.bidderCapShare().value()
                : request.bidderCapShare();
        if (capShare.signum() <= 0 || capShare.compareTo(BigDecimal.ONE) > 0 || capShare.stripTrailingZeros()
                .scale() > SHARE_SCALE) {
            validation.reject("bidderCapShare", "a share above 0 and at most 1, with at most " + SHARE_SCALE
                    + " decimals");
        }
        Set<PartyType> eligible = request.eligibleTypes() == null ? rule.eligibleTypes().value()
                : eligible(request.eligibleTypes(), validation);
        validation.throwIfInvalid();
        requireWithinPack(rule, request.volumeLots(), Duration.between(opensAt, closesAt));

        InstrumentCode instrument = InstrumentCode.parse(period.instrument());
        Jurisdiction jurisdiction = instrument.product().jurisdiction();
        return store.nextSeq(conn, period.periodId()).chain(seq -> {
            AuctionRecord auction = new AuctionRecord(refOf(period.periodId(), seq), period.periodId(), seq,
                    jurisdiction, instrument, rule.pack(), rule.lot(), request.volumeLots(),
                    capShare.stripTrailingZeros(), eligible, opensAt, closesAt,
                    opensAt.minus(rule.autoPrepareLead().value()), AuctionStatus.SCHEDULED, idempotencyKey,
                    regulator, now, null, null, null, null, null, null, null);
            return store.insert(conn, auction)
                    .chain(() -> store.placeWaiting(conn, period.periodId(), auction.auctionRef()))
                    .replaceWith(new Written(auction, true));
        });
    }

    /** The pack's bounds: the largest volume and the exchange's bid window limits. */
    private void requireWithinPack(AuctionRule rule, long lots, Duration window) {
        if (lots > rule.maxVolumeLots().value().longValueExact()) {
            throw new RuleViolationException("AUCTION_TOO_LARGE", "an auction offers at most "
                    + rule.maxVolumeLots().value() + " lots (" + rule.maxVolumeLots().source() + ")");
        }
        long minutes = window.toMinutes();
        Duration shortest = shortestWindow.orElse(Duration.ofMinutes(rule.minBidWindowMinutes().value()
                .longValueExact()));
        if (window.compareTo(shortest) < 0 || minutes > rule.maxBidWindowMinutes().value().longValueExact()) {
            throw new RuleViolationException("BID_WINDOW_OUT_OF_BOUNDS", "the bid window lasts between "
                    + shortest + " and " + rule.maxBidWindowMinutes().value() + " minutes, not " + window);
        }
    }

    private static Set<PartyType> eligible(List<String> types, RequestValidation validation) {
        Set<PartyType> parsed = EnumSet.noneOf(PartyType.class);
        for (String type : types) {
            PartyType known = validation.field("eligibleTypes", () -> PartyType.parse(type));
            if (known != null) {
                parsed.add(known);
            }
        }
        if (types.isEmpty()) {
            validation.reject("eligibleTypes", "name at least one party type, or leave it out for the pack's");
        }
        return parsed;
    }

    private Written replay(AuctionRecord earlier, String periodId, AuctionRequest request, Instant opensAt,
                           Instant closesAt) {
        boolean same = earlier.periodId().equals(periodId) && earlier.volumeLots() == request.volumeLots()
                && earlier.opensAt().equals(opensAt) && earlier.closesAt().equals(closesAt)
                && (request.bidderCapShare() == null
                        || earlier.bidderCapShare().compareTo(request.bidderCapShare()) == 0)
                && (request.eligibleTypes() == null || earlier.eligibleTypes().equals(request.eligibleTypes().stream()
                        .map(PartyType::parse).collect(Collectors.toSet())));
        if (!same) {
            throw new ConflictException("IDEMPOTENCY_KEY_REUSED", "idempotency key " + earlier.idempotencyKey()
                    + " scheduled auction " + earlier.auctionRef() + " with other terms");
        }
        return new Written(earlier, false);
    }

    /**
     * Takes a scheduled auction out of the calendar, only before its preparation; lots carried into it move on to
     * the next scheduled auctions as a cancelled auction's would. Withdrawing it again changes nothing.
     */
    public Uni<AuctionView> withdraw(String periodId, String auctionRef) {
        return pool.withTransaction(conn -> auction(conn, periodId, auctionRef, true).chain(auction -> {
            if (auction.status() == AuctionStatus.WITHDRAWN) {
                return Uni.createFrom().voidItem();
            }
            if (auction.status() != AuctionStatus.SCHEDULED) {
                throw new ConflictException("AUCTION_PREPARED", "auction " + auctionRef + " is " + auction.status()
                        + ": only a scheduled auction is withdrawn, before its preparation");
            }
            Instant at = now();
            AuctionRule rule = rules.of(auction.rulePack()).orElseThrow();
            return store.withdraw(conn, auctionRef, at)
                    .chain(() -> store.carriedInto(conn, auctionRef))
                    .chain(lots -> carryOn(conn, auction, lots, rule.carryOverCount(), at));
        }).chain(() -> view(conn, periodId, auctionRef)));
    }

    /**
     * A cancelled or withdrawn auction's lots onto the scheduled auctions after it in its period's calendar, or left
     * waiting for the next one scheduled.
     */
    Uni<Void> carryOn(SqlClient conn, AuctionRecord from, long lots, int count, Instant at) {
        if (lots <= 0) {
            return Uni.createFrom().voidItem();
        }
        return store.nextScheduled(conn, from).chain(next -> {
            List<CarryOver.Share> shares = CarryOver.spread(lots, next, count);
            if (shares.isEmpty()) {
                return store.carry(conn, from.periodId(), from.auctionRef(), null, lots, at);
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CarryOver.Share share : shares) {
                chain = chain.chain(() -> store.carry(conn, from.periodId(), from.auctionRef(), share.auctionRef(),
                        share.lots(), at));
            }
            return chain;
        });
    }

    public Uni<CalendarView> calendar(String periodId) {
        return store.period(pool, periodId, false).chain(period -> {
            if (period.isEmpty()) {
                throw periodNotFound(periodId);
            }
            return views(pool, periodId, null).map(views -> {
                long revenue = views.stream().filter(v -> v.result() != null)
                        .mapToLong(v -> v.result().revenueFen()).reduce(0, Math::addExact);
                long sold = views.stream().filter(v -> v.result() != null)
                        .mapToLong(v -> v.result().soldTonnes()).sum();
                long waiting = views.stream().flatMap(v -> v.carriedOut().stream()).filter(c -> c.toRef() == null)
                        .mapToLong(AuctionView.Carry::lots).sum();
                return new CalendarView(periodId, period.get().instrument(), views, revenue, sold, waiting);
            });
        });
    }

    public Uni<AuctionView> get(String periodId, String auctionRef) {
        return view(pool, periodId, auctionRef);
    }

    /** A participant's own outcome of the published result; anyone else's is not shown. */
    public Uni<MyAuctionResult> mine(String auctionRef, Caller caller) {
        PartyId party = caller.partyId().orElseThrow(() -> new ForbiddenException("NOT_YOUR_PARTY",
                "the caller acts for no party"));
        return store.find(pool, auctionRef, false).chain(found -> {
            AuctionRecord auction = found.orElseThrow(() -> auctionNotFound(auctionRef));
            if (auction.result() == null) {
                throw new ConflictException("RESULT_NOT_PUBLISHED", "auction " + auctionRef + " has no published"
                        + " result yet");
            }
            return store.winners(pool, auction.periodId(), auctionRef).map(winners -> {
                AuctionRecord.Result result = auction.result();
                return winners.stream().map(AuctionStore.WinnerRow::winner).filter(w -> w.partyId().equals(party))
                        .findFirst()
                        .map(w -> new MyAuctionResult(auctionRef, auction.instrument().toString(), result.outcome(),
                                result.clearingPriceFen(), party.toString(), true, w.tonnes(), w.amountFen(),
                                result.closedAt()))
                        .orElseGet(() -> new MyAuctionResult(auctionRef, auction.instrument().toString(),
                                result.outcome(), result.clearingPriceFen(), party.toString(), false, 0, 0,
                                result.closedAt()));
            });
        });
    }

    private Uni<AuctionRecord> auction(SqlClient sql, String periodId, String auctionRef, boolean forUpdate) {
        return store.find(sql, auctionRef, forUpdate).map(found -> found.filter(a -> a.periodId().equals(periodId))
                .orElseThrow(() -> auctionNotFound(auctionRef)));
    }

    private Uni<AuctionView> view(SqlClient sql, String periodId, String auctionRef) {
        return auction(sql, periodId, auctionRef, false).chain(() -> views(sql, periodId, auctionRef))
                .map(views -> views.get(0));
    }

    /** The period's auctions (or the one named) with their carry-over, winners and returns. */
    private Uni<List<AuctionView>> views(SqlClient sql, String periodId, String onlyRef) {
        return store.ofPeriod(sql, periodId).chain(auctions -> store.carries(sql, periodId)
                .chain(carries -> store.winners(sql, periodId, onlyRef)
                        .chain(winners -> store.returns(sql, periodId, onlyRef).map(returns -> {
                            Map<String, Long> lots = auctions.stream().collect(Collectors.toMap(
                                    AuctionRecord::auctionRef, AuctionRecord::lotTonnes));
                            return auctions.stream().filter(a -> onlyRef == null || a.auctionRef().equals(onlyRef))
                                    .map(a -> AuctionViews.of(a, lots, carries, winners, returns)).toList();
                        }))));
    }

    static String refOf(String periodId, int seq) {
        return "%s-A%02d".formatted(periodId, seq);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException periodNotFound(String periodId) {
        return new NotFoundException("PERIOD_NOT_FOUND", "no compliance period " + periodId);
    }

    static NotFoundException auctionNotFound(String auctionRef) {
        return new NotFoundException("AUCTION_NOT_FOUND", "no auction " + auctionRef);
    }
}
