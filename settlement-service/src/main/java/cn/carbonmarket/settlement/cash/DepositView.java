package cn.carbonmarket.settlement.cash;

import cn.carbonmarket.settlement.ledger.Applied;
import java.time.LocalDate;

/** A deposit as booked: its ledger entry and the party's available cash after it. */
public record DepositView(String bankReference, String partyId, long amountFen, String entryId, LocalDate businessDate) {

    static DepositView of(String bankReference, Applied applied) {
        var transfer = applied.entry().transfers().get(0);
        return new DepositView(bankReference, transfer.credit().owner(), transfer.amount(), applied.entry().id(),
                applied.entry().businessDate());
    }
}
