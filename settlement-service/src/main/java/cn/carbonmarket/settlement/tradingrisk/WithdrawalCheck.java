package cn.carbonmarket.settlement.tradingrisk;

import cn.carbonmarket.contracts.risk.WithdrawalHold;
import io.smallrye.mutiny.Uni;

/**
 * What must agree before settlement holds a withdrawal (DESIGN.md flow 5): trading's risk view sets the amount
 * aside, or the withdrawal is refused. A seam: {@code settlement.withdrawal-check.enabled=false} leaves the ledger's
 * own limits (available and withdrawable cash) as the only check, for a settlement running without trading.
 */
public interface WithdrawalCheck {

    /** Completes when the hold is granted; fails with a 409 problem if refused, a 503 one if trading is out of reach. */
    Uni<Void> hold(WithdrawalHold hold);

    /** Gives a granted hold back when the ledger refused the withdrawal after all; best effort. */
    Uni<Void> release(String holdId);

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
