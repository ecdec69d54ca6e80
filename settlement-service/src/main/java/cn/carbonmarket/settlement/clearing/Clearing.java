package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.trade.FeeSchedule;
import cn.carbonmarket.contracts.trade.Side;
import cn.carbonmarket.settlement.ledger.LedgerRejectedException;
import cn.carbonmarket.settlement.ledger.Rejection;

/**
 * Gross clearing of one trade: its value and both sides' fees from the fee schedule, giving the delivery versus
 * payment entry ({@link ClearedTrade#entry}). The entry's id is the trade id, so the ledger clears a trade once
 * however often it arrives.
 */
public final class Clearing {

    private final FeeSchedule fees;

    public Clearing(FeeSchedule fees) {
        this.fees = fees;
    }

    public ClearedTrade clear(Trade trade) {
        if (trade.quantity() <= 0 || trade.priceFen() <= 0) {
            throw new LedgerRejectedException(Rejection.NON_POSITIVE_AMOUNT, "trade " + trade.tradeId() + " has "
                    + trade.quantity() + " t at " + trade.priceFen() + " fen; both must be positive");
        }
        if (trade.buyer().equals(trade.seller())) {
            throw new LedgerRejectedException(Rejection.SELF_TRADE, "trade " + trade.tradeId()
                    + " has the same party on both sides");
        }
        try {
            long value = Math.multiplyExact(trade.quantity(), trade.priceFen());
            long buyerFee = fees.fee(trade.mode(), Side.BUY, value);
            long sellerFee = fees.fee(trade.mode(), Side.SELL, value);
            Math.addExact(value, buyerFee);
            return new ClearedTrade(trade, value, buyerFee, sellerFee);
        } catch (ArithmeticException e) {
            throw new LedgerRejectedException(Rejection.AMOUNT_OVERFLOW, "trade " + trade.tradeId()
                    + " is worth more than the ledger counts");
        }
    }
}
