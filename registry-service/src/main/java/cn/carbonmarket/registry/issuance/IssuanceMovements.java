package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import java.util.ArrayList;
import java.util.List;

/** The movements between a jurisdiction's issuance account and the recipients' holding accounts. */
final class IssuanceMovements {

    private IssuanceMovements() {
    }

    /** An issue: the quantities leave the issuance account for the recipients. */
    static Movement issue(IssuanceInstruction instruction) {
        TransactionType type = instruction.reason() == IssuanceInstruction.Reason.AUCTION
                ? TransactionType.AUCTION_DELIVERY : TransactionType.ALLOCATION;
        return withIssuanceAccount(type, instruction.instrument(), instruction.recipients().stream()
                .map(r -> new Movement.Line(availableOf(r.partyId(), instruction.instrument()), r.quantity().tonnes()))
                .toList());
    }

    /** The recipients' lines after the issuance account's line that balances them. */
    static Movement withIssuanceAccount(TransactionType type, InstrumentCode instrument,
                                        List<Movement.Line> recipients) {
        long total = 0;
        for (Movement.Line line : recipients) {
            total = Math.addExact(total, line.delta());
        }
        List<Movement.Line> lines = new ArrayList<>(recipients.size() + 1);
        lines.add(new Movement.Line(new HoldingKey(SystemAccounts.nationalIssuance(instrument.product().jurisdiction()),
                instrument, HoldingStatus.AVAILABLE), Math.negateExact(total)));
        lines.addAll(recipients);
        return new Movement(type, lines);
    }

    /** A party's AVAILABLE units of an instrument in its holding account. */
    static HoldingKey availableOf(PartyId party, InstrumentCode instrument) {
        return new HoldingKey(AccountId.holdingOf(party).value(), instrument, HoldingStatus.AVAILABLE);
    }
}
