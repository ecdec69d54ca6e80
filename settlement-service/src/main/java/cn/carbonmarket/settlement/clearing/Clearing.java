package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.JournalEntry;
import cn.carbonmarket.settlement.ledger.LedgerRejectedException;
import cn.carbonmarket.settlement.ledger.Rejection;
import cn.carbonmarket.settlement.ledger.Transfer;
import java.util.ArrayList;
import java.util.List;

/**
 * Gross clearing of one trade into delivery versus payment: in one entry the buyer's cash goes to the seller, the
 * seller's units to the buyer, and each side's fee to the exchange's fee income. The entry's id is the trade id, so
 * the ledger clears a trade once however often it arrives.
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
        long value;
        long buyerFee;
        long sellerFee;
        try {
            value = Math.multiplyExact(trade.quantity(), trade.priceFen());
            buyerFee = fees.fee(trade.mode(), Side.BUYER, value);
            sellerFee = fees.fee(trade.mode(), Side.SELLER, value);
            Math.addExact(value, buyerFee);
        } catch (ArithmeticException e) {
            throw new LedgerRejectedException(Rejection.AMOUNT_OVERFLOW, "trade " + trade.tradeId()
                    + " is worth more than the ledger counts");
        }
        // Auction buyers pay out of the collateral they reserved before bidding; everyone else out of available cash.
        AccountKey buyerCash = trade.mode() == TradeMode.AUCTION ? AccountKey.cashReserved(trade.buyer())
                : AccountKey.cashAvailable(trade.buyer());
        AccountKey sellerCash = AccountKey.cashAvailable(trade.seller());
        List<Transfer> transfers = new ArrayList<>();
        transfers.add(new Transfer(buyerCash, sellerCash, value));
        transfers.add(new Transfer(AccountKey.units(trade.seller(), trade.instrument()),
                AccountKey.units(trade.buyer(), trade.instrument()), trade.quantity()));
        if (buyerFee > 0) {
            transfers.add(new Transfer(buyerCash, AccountKey.feeIncome(), buyerFee));
        }
        if (sellerFee > 0) {
            transfers.add(new Transfer(sellerCash, AccountKey.feeIncome(), sellerFee));
        }
        JournalEntry entry = new JournalEntry(Entries.id(EntryType.TRADE, trade.tradeId()), EntryType.TRADE,
                trade.tradeDate(), false, transfers);
        return new ClearedTrade(trade, value, buyerFee, sellerFee, entry);
    }
}
