package cn.carbonmarket.allocation.compliance;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.platform.problem.ConflictException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The penalty for an entity in shortfall after the full surrender deadline: the missing tonnes x the factor the
 * authority chose within the pack's range x the average price of the month before the deadline. Decided once per
 * entity and period (the same factor again answers the decision, another is a conflict); the shortfall is recorded
 * to be deducted from the entity's next allocation.
 */
@ApplicationScoped
public class Penalties {

    /** A decision and whether this call made it. */
    public record Decided(PenaltyView penalty, boolean created) {
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

    public Uni<Decided> decide(String periodId, PartyId party, BigDecimal factor, Caller caller) {
        return pool.withTransaction(conn -> compliance.period(conn, periodId, true).chain(period -> {
            ComplianceRule rule = compliance.rule(period);
            RequestValidation validation = new RequestValidation();
            if (!rule.factorAllowed(factor)) {
                validation.reject("factor", "the factor is chosen within " + rule.penaltyFactorMin().value() + ".."
                        + rule.penaltyFactorMax().value() + " (" + period.benchmarkPack() + ")");
            }
            validation.throwIfInvalid();
            if (!compliance.deadlinePassed(period)) {
                throw new ConflictException("DEADLINE_NOT_PASSED", "the full surrender deadline of " + periodId
                        + " is " + period.deadline100() + ": a shortfall is penalised after it");
            }
            return store.find(conn, periodId, party.value()).chain(decided -> {
                if (decided.isPresent()) {
                    if (decided.get().factor().compareTo(factor) != 0) {
                        throw new ConflictException("PENALTY_DECIDED", "a penalty of " + decided.get().factor()
                                + " times was decided for " + party + " in " + periodId);
                    }
                    return Uni.createFrom().item(new Decided(decided.get(), false));
                }
                return compliance.standing(conn, period, party)
                        .chain(standing -> decideNew(conn, period, standing, factor, caller.name()));
            });
        }));
    }

    private Uni<Decided> decideNew(SqlConnection conn, PeriodRow period, Standing standing, BigDecimal factor,
                                   String decidedBy) {
        if (standing.status() != ComplianceStatus.SHORTFALL) {
            throw new ConflictException("NOT_IN_SHORTFALL", standing.partyId() + " is " + standing.status() + " in "
                    + period.periodId() + ": only a shortfall is penalised");
        }
        LocalDate from = PenaltyMethod.pricesFrom(period.deadline100());
        return prices.closes(conn, period.instrument(), from, period.deadline100()).chain(closes -> {
            if (closes.isEmpty()) {
                throw new ConflictException("NO_MARKET_PRICES", "no trades of " + period.instrument() + " from "
                        + from + " to " + period.deadline100() + " to average the price over");
            }
            long price = PenaltyMethod.averageFen(closes.stream().map(PriceStore.DailyClose::closeFen).toList());
            PenaltyView penalty = new PenaltyView(period.periodId(), standing.partyId(), standing.missingTonnes(),
                    factor, price, from, period.deadline100(), closes.size(),
                    PenaltyMethod.amountFen(standing.missingTonnes(), factor, price), decidedBy,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return store.insert(conn, penalty).replaceWith(new Decided(penalty, true));
        });
    }
}
