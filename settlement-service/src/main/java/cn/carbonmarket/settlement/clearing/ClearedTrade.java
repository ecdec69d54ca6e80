package cn.carbonmarket.settlement.clearing;

import cn.carbonmarket.contracts.trade.TradeMode;
import cn.carbonmarket.settlement.ledger.AccountKey;
import cn.carbonmarket.settlement.ledger.Entries;
import cn.carbonmarket.settlement.ledger.EntryType;
import cn.carbonmarket.settlement.ledger.JournalEntry;
import cn.carbonmarket.settlement.ledger.Transfer;
import java.util.ArrayList;
import java.util.List;

/** A trade with what clearing worked out for it: its value and each side's fee, in fen. */
public record ClearedTrade(Trade trade, long valueFen, long buyerFeeFen, long sellerFeeFen) {

    /**
     * Its delivery-versus-payment entry, under the trade id: the buyer's cash to the seller, the seller's units to
     * the buyer, each side's fee to the exchange's fee income. Auction buyers pay out of the collateral they reserved
     * before bidding; everyone else out of available cash.
     */
    public JournalEntry entry() {
        return entry(trade.mode() == TradeMode.AUCTION);
    }

    /**
     * The same, the buyer paying from reserved collateral or from available cash. An auction whose bids were covered
     * elsewhere (the exchange's one-way auctions: trading's risk view reserved the bids) has no collateral here.
     */
    public JournalEntry entry(boolean fromCollateral) {
        AccountKey buyerCash = fromCollateral ? AccountKey.cashReserved(trade.buyer())
                : AccountKey.cashAvailable(trade.buyer());
        AccountKey sellerCash = AccountKey.cashAvailable(trade.seller());
        List<Transfer> transfers = new ArrayList<>();
        transfers.add(new Transfer(buyerCash, sellerCash, valueFen));
        transfers.add(new Transfer(AccountKey.units(trade.seller(), trade.instrument()),
                AccountKey.units(trade.buyer(), trade.instrument()), trade.quantity()));
        if (buyerFeeFen > 0) {
            transfers.add(new Transfer(buyerCash, AccountKey.feeIncome(), buyerFeeFen));
        }
        if (sellerFeeFen > 0) {
            transfers.add(new Transfer(sellerCash, AccountKey.feeIncome(), sellerFeeFen));
        }
        return new JournalEntry(Entries.id(EntryType.TRADE, trade.tradeId()), EntryType.TRADE, trade.tradeDate(),
                false, transfers);
    }
}
