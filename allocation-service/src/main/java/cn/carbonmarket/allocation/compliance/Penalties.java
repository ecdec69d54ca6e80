package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.allocation.compliance.penalty.FixedFine;
import cn.carbonmarket.allocation.compliance.penalty.PenaltyMethod;
import cn.carbonmarket.allocation.compliance.penalty.PriceMultiple;
import cn.carbonmarket.allocation.rules.Bounds;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The penalty for an entity in shortfall after the full surrender deadline, by the method of the period's pack
 * ({@link PenaltyMethod}): a multiple of the average price or a fine in fen; decided by whoever runs the
 * period's jurisdiction. Decided once per entity and period (the same choice again answers the decision, another is
 * a conflict); the pack's multiple of the shortfall is recorded to be deducted from the entity's next allocation.
 */
@ApplicationScoped
public class Penalties {

    /** A decision and whether this call made it. */
    public record Decided(PenaltyView penalty, boolean created) {
    }

    /** What the authority chose where the pack leaves a choice: the factor or the fine (null where none applies). */
    record Choice(BigDecimal factor, Long fineFen) {

        boolean sameAs(PenaltyView decided) {
            return (factor == null || decided.factor() != null && factor.compareTo(decided.factor()) == 0)
                    && (fineFen == null || fineFen == decided.amountFen());
        }
    }

    private final Pool pool;
    private final Compliance compliance;
    private final PenaltyStore store;
    private final PriceStore prices;
    private final Clock clock;

    Penalties(Pool pool, Compliance compliance, PenaltyStore store, PriceStore prices, Clock clock) {
        this.pool = pool;
        this.compliance = compliance;
        this.store = store;
        this.prices = prices;
        this.clock = clock;
    }

    public Uni<Decided> decide(String periodId, PartyId party, PenaltyRequest request, Caller caller) {
        return pool.withTransaction(conn -> compliance.period(conn, periodId, true).chain(period -> {
            caller.requireRuns(period.jurisdiction());
            PenaltyMethod method = compliance.rule(period).penalty();
            Choice choice = choice(method, request, period.benchmarkPack());
            if (!compliance.deadlinePassed(period)) {
                throw new ConflictException("DEADLINE_NOT_PASSED", "the full surrender deadline of " + periodId
                        + " is " + period.deadline100() + ": a shortfall is penalised after it");
            }
            return store.find(conn, periodId, party.value()).chain(decided -> {
                if (decided.isPresent()) {
                    if (!choice.sameAs(decided.get())) {
                        throw new ConflictException("PENALTY_DECIDED", "a penalty of " + described(decided.get())
                                + " was decided for " + party + " in " + periodId);
                    }
                    return Uni.createFrom().item(new Decided(decided.get(), false));
                }
                return compliance.standing(conn, period, party)
                        .chain(standing -> decideNew(conn, period, method, standing, choice, caller.name()));
            });
        }));
    }

    private Uni<Decided> decideNew(SqlConnection conn, PeriodRow period, PenaltyMethod method, Standing standing,
                                   Choice choice, String decidedBy) {
        if (standing.status() != ComplianceStatus.SHORTFALL) {
            throw new ConflictException("NOT_IN_SHORTFALL", standing.partyId() + " is " + standing.status() + " in "
                    + period.periodId() + ": only a shortfall is penalised");
        }
        long shortfall = standing.missingTonnes();
        long deducted = method.deductedTonnes(shortfall);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (method instanceof PriceMultiple multiple) {
            LocalDate from = multiple.pricesFrom(period.deadline100());
            return prices.closes(conn, period.instrument(), from, period.deadline100()).chain(closes -> {
                if (closes.isEmpty()) {
                    throw new ConflictException("NO_MARKET_PRICES", "no daily closes of " + period.instrument()
                            + " from " + from + " to " + period.deadline100() + " to average the price over");
                }
                long price = PriceMultiple.averageFen(closes.stream().map(PriceStore.DailyClose::closeFen).toList());
                long amount = multiple.amountFen(shortfall, choice.factor(), price);
                return decided(conn, new PenaltyView(period.periodId(), standing.partyId(), method.method(),
                        shortfall, choice.factor(), price, from, period.deadline100(), closes.size(), amount,
                        amount < PriceMultiple.uncappedFen(shortfall, choice.factor(), price), deducted, decidedBy,
                        at));
            });
        }
        return decided(conn, new PenaltyView(period.periodId(), standing.partyId(), method.method(), shortfall, null,
                null, null, null, null, choice.fineFen(), false, deducted, decidedBy, at));
    }

    private Uni<Decided> decided(SqlConnection conn, PenaltyView penalty) {
        return store.insert(conn, penalty).replaceWith(new Decided(penalty, true));
    }

    /** The factor or fine the request chose within the pack's range, or the one the pack fixes. */
    static Choice choice(PenaltyMethod method, PenaltyRequest request, String pack) {
        RequestValidation validation = new RequestValidation();
        BigDecimal factor = null;
        Long fine = null;
        if (method instanceof PriceMultiple multiple) {
            factor = chosen(validation, "factor", multiple.factor(), request.factor(), pack);
        } else if (request.factor() != null) {
            validation.reject("factor", "the " + pack + " penalty is a " + method.method() + ": no factor");
        }
        if (method instanceof FixedFine fixed) {
            BigDecimal chosen = chosen(validation, "fineFen", fixed.fineFen(),
                    request.fineFen() == null ? null : BigDecimal.valueOf(request.fineFen()), pack);
            fine = chosen == null ? null : chosen.longValueExact();
        } else if (request.fineFen() != null) {
            validation.reject("fineFen", "the " + pack + " penalty is a " + method.method() + ": no fine to choose");
        }
        validation.throwIfInvalid();
        return new Choice(factor, fine);
    }

    /**
     * Where the pack fixes the figure, it (another one asked is refused by the pack's rule: 422); where it leaves a
     * range, the one asked, outside it a malformed request (400, as the national range always was).
     */
    private static BigDecimal chosen(RequestValidation validation, String field, Bounds bounds, BigDecimal asked,
                                     String pack) {
        if (bounds.fixed()) {
            if (asked != null && !bounds.contains(asked)) {
                throw new RuleViolationException("PENALTY_FIXED_BY_PACK", "the " + pack + " penalty fixes the "
                        + field + " at " + bounds + ", not " + asked.toPlainString());
            }
            return bounds.min();
        }
        if (asked == null || !bounds.contains(asked)) {
            validation.reject(field, "the " + field + " is chosen within " + bounds + " (" + pack + ")");
        }
        return asked;
    }

    private static String described(PenaltyView decided) {
        return Objects.equals(decided.method(), PriceMultiple.METHOD) ? decided.factor() + " times the average price"
                : decided.amountFen() + " fen (" + decided.method() + ")";
    }
}
