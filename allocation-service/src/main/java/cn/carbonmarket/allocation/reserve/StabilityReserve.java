package cn.carbonmarket.allocation.reserve;

import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.contracts.event.ReserveSetAside;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.outbox.Outbox;
import cn.carbonmarket.platform.problem.RequestValidation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The stability reserve of each jurisdiction as allocation knows it: the set-aside at a pre-allocation's approval,
 * the registry's answers to it, and the reserve's balance and history. Auctions record their releases and intakes
 * in the same ledger ({@link ReserveStore}).
 */
@ApplicationScoped
public class StabilityReserve {

    static final String SET_ASIDE_PREFIX = "SETASIDE-";
    static final String STABILISATION_SHARE = "STABILISATION_SHARE";

    private final Pool pool;
    private final ReserveStore store;
    private final ReserveRules rules;
    private final Outbox outbox;
    private final Clock clock;

    StabilityReserve(Pool pool, ReserveStore store, ReserveRules rules, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The stability reserve's account of a jurisdiction at the registry. */
    public static String accountOf(Jurisdiction jurisdiction) {
        return "STABILITY_RESERVE-" + jurisdiction.name();
    }

    /** A pre-allocation run being approved: what its set-aside is computed from. */
    public record ApprovedRun(UUID runId, String periodId, String benchmarkPack, InstrumentCode instrument,
                              long totalTonnes) {
    }

    /**
     * In the approval's transaction: where the period's pack sets a stabilisation share aside, the share of the run's
     * total (rounded down to whole tonnes) less what earlier runs of the period set aside is recorded as a SET_ASIDE
     * and sent to the registry as {@link ReserveSetAside}; nothing when that is not more.
     */
    public Uni<Void> setAsideAtApproval(SqlConnection conn, ApprovedRun run) {
        ReserveRule.Stabilisation stabilisation = rules.of(run.benchmarkPack()).map(ReserveRule::stabilisation)
                .filter(ReserveRule.Stabilisation::on).orElse(null);
        if (stabilisation == null) {
            return Uni.createFrom().voidItem();
        }
        long share = stabilisation.share().value().multiply(BigDecimal.valueOf(run.totalTonnes()))
                .setScale(0, RoundingMode.DOWN).longValueExact();
        String instructionId = SET_ASIDE_PREFIX + run.runId();
        Instant at = now();
        Jurisdiction jurisdiction = run.instrument().product().jurisdiction();
        return store.setAsideFor(conn, run.periodId()).chain(before -> {
            long tonnes = share - before;
            if (tonnes <= 0) {
                return Uni.createFrom().voidItem();
            }
            return store.record(conn, ReserveMovement.pending(instructionId, jurisdiction.name(),
                            run.instrument().toString(), MovementKind.SET_ASIDE, tonnes, STABILISATION_SHARE,
                            run.periodId(), null, run.runId().toString(), null, null, at))
                    .chain(() -> outbox.publish(conn, ReserveSetAside.TYPE, instructionId, new ReserveSetAside(
                            instructionId, run.periodId(), run.instrument(), tonnes, STABILISATION_SHARE)))
                    .replaceWithVoid();
        });
    }

    /** Whether a registry answer's reference is one of the reserve's set-aside instructions. */
    public static boolean answers(String reference) {
        return reference != null && reference.startsWith(SET_ASIDE_PREFIX);
    }

    public Uni<Void> booked(TransactionBooked booked) {
        return pool.withTransaction(conn -> store.booked(conn, booked.reference(), booked.transactionId(), now()));
    }

    public Uni<Void> refused(IssuanceRefused refused) {
        return pool.withTransaction(conn -> store.refused(conn, refused.instructionId(), now()));
    }

    public Uni<ReserveView> view(String jurisdictionCode) {
        RequestValidation validation = new RequestValidation();
        Jurisdiction jurisdiction = null;
        try {
            jurisdiction = Jurisdiction.valueOf(jurisdictionCode);
        } catch (IllegalArgumentException unknown) {
            validation.reject("jurisdiction", "unknown jurisdiction '" + jurisdictionCode + "'");
        }
        validation.throwIfInvalid();
        Jurisdiction known = jurisdiction;
        return store.balances(pool, known.name()).chain(balances -> store.movements(pool, known.name())
                .map(movements -> new ReserveView(known.name(), accountOf(known), balances, movements)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
