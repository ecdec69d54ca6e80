package cn.carbonmarket.settlement.tradingrisk;

import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.platform.problem.ConflictException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

/** Trading's risk view grants the hold: a 4xx answer is a refusal (409), anything else trading being out of reach. */
public class TradingWithdrawalCheck implements WithdrawalCheck {

    private static final Logger LOG = Logger.getLogger(TradingWithdrawalCheck.class);

    private final TradingRisk trading;

    public TradingWithdrawalCheck(TradingRisk trading) {
        this.trading = trading;
    }

    @Override
    public Uni<Void> hold(WithdrawalHold hold) {
        return trading.hold(hold).onFailure().transform(failure -> {
            if (failure instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500) {
                return new ConflictException("WITHDRAWAL_REFUSED_BY_TRADING", "trading's risk view refused to set "
                        + hold.amount() + " " + hold.asset() + " aside (HTTP " + refused.getResponse().getStatus()
                        + "): open orders or other holds may reserve it");
            }
            LOG.warnf("withdrawal %s not held: trading's risk view did not answer (%s)", hold.holdId(),
                    failure.getMessage());
            return new TradingUnavailableException("trading's risk view did not answer; nothing was held, try again");
        });
    }

    @Override
    public Uni<Void> release(String holdId) {
        return trading.release(holdId).onFailure().recoverWithUni(failure -> {
            LOG.warnf("trading's hold %s could not be released (%s); trading keeps it until released",
                    holdId, failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }
}
