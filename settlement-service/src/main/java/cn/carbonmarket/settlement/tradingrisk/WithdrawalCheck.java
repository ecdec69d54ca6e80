package cn.carbonmarket.settlement.tradingrisk;

import cn.carbonmarket.contracts.risk.WithdrawalHold;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * What must agree before settlement holds a withdrawal (docs/architecture.md, Flows: out of trading): trading's risk
 * view sets the amount aside, or the withdrawal is refused. A seam: {@code settlement.withdrawal-check.enabled=false}
 * leaves the ledger's own limits (available and withdrawable cash) as the only check, for a settlement running without
 * trading.
 */
public interface WithdrawalCheck {

    /** Completes when the hold is granted; fails with a 409 problem if refused, a 503 one if trading is out of reach. */
    Uni<Void> hold(WithdrawalHold hold);

    /** Gives a granted hold back when the ledger refused the withdrawal after all; best effort. */
    Uni<Void> release(String holdId);

    /**
     * Asks for the hold, then takes the ledger step; if the ledger refuses what trading set aside, the hold is given
     * back so that it does not linger in trading's risk view.
     */
    default <T> Uni<T> holdThen(WithdrawalHold hold, Supplier<Uni<T>> ledgerStep) {
        return hold(hold).chain(() -> ledgerStep.get().onFailure().call(() -> release(hold.holdId())));
    }

    /** No check beyond the ledger's own limits. */
    WithdrawalCheck NONE = new WithdrawalCheck() {
        @Override
        public Uni<Void> hold(WithdrawalHold hold) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> release(String holdId) {
            return Uni.createFrom().voidItem();
        }
    };
}
