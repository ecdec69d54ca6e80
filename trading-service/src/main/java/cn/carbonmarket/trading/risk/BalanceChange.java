package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.party.PartyId;
import java.util.List;

/** A change of one party's balance of one asset (fen or tonnes) that a settlement ledger entry will report. */
public record BalanceChange(PartyId party, String entryId, String asset, long delta) {

    /** What a trade changes: the buyer pays value and fee for the units, the seller gets value less fee for them. */
    public static List<BalanceChange> of(TradeExecuted trade) {
        String entry = RiskBook.tradeEntry(trade.tradeId());
        String units = trade.instrument().toString();
        long value = Math.multiplyExact(trade.priceFen(), trade.quantity());
        return List.of(
                new BalanceChange(trade.buyerPartyId(), entry, RiskBook.CASH,
                        -Math.addExact(value, trade.buyerFeeFen())),
                new BalanceChange(trade.buyerPartyId(), entry, units, trade.quantity()),
                new BalanceChange(trade.sellerPartyId(), entry, units, -trade.quantity()),
                new BalanceChange(trade.sellerPartyId(), entry, RiskBook.CASH,
                        Math.subtractExact(value, trade.sellerFeeFen())));
    }
}
