package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Settlement's withdrawal holds: granted from what is free in memory first (under the party's lock, so open orders
 * and other holds cannot take the same cash), then stored; the same hold id again answers with the first hold.
 */
@ApplicationScoped
public class WithdrawalHolds {

    /** A hold and whether this request granted it (false: the same hold id was granted before). */
    public record Granted(WithdrawalHold hold, boolean created) {
    }

    private final PreTradeRisk risk;
    private final RiskStore store;
    private final Pool pool;
    private final Clock clock;

    public WithdrawalHolds(PreTradeRisk risk, RiskStore store, Pool pool, Clock clock) {
        this.risk = risk;
        this.store = store;
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Granted> grant(WithdrawalHold hold) {
        return risk.whenReady(() -> {
            WithdrawalHoldBook book = risk.book().withdrawals();
            boolean repeated = book.holdOf(hold.holdId()).isPresent();
            var refusal = book.hold(hold, risk.today());
            if (refusal.isPresent()) {
                return Uni.createFrom().failure(new ConflictException(refusal.get().code(),
                        refusal.get().message()));
            }
            if (repeated) {
                return Uni.createFrom().item(new Granted(hold, false));
            }
            return pool.withConnection(conn -> store.hold(conn, hold, clock.instant()))
                    .onFailure().invoke(failure -> book.release(hold.holdId()))
                    .replaceWith(new Granted(hold, true));
        });
    }

    /** Ends a hold; false if there is none. */
    public Uni<Boolean> release(String holdId) {
        return risk.whenReady(() -> risk.book().withdrawals().release(holdId)
                ? pool.withConnection(conn -> store.release(conn, holdId)).replaceWith(true)
                : Uni.createFrom().item(false));
    }
}
