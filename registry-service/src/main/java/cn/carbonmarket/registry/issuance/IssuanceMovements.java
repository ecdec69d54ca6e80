package cn.carbonmarket.registry.issuance;

import cn.carbonmarket.contracts.event.AuctionSupply;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.ReserveSetAside;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.KeyedMovement;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The movements between a jurisdiction's issuance account and the recipients' holding accounts, and those of its
 * primary auctions' supply and its stability reserve.
 */
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

    /**
     * An auction's supply, three movements booked together: the volume issued to the auction delivery account
     * (AUCTION_DELIVERY, key {@code <instruction id>/ISSUE}), the cost containment volume released there from the
     * stability reserve (RESERVE_RELEASE, {@code <instruction id>/RESERVE}, only when there is one), and all of it
     * into trading (TO_TRADING, key = the instruction id: the reference allocation follows).
     */
    static List<KeyedMovement> supply(AuctionSupply supply) {
        if (supply.fromIssuanceTonnes() <= 0 || supply.fromReserveTonnes() < 0) {
            throw new RuleViolationException("INVALID_QUANTITY", "an auction supply issues at least one tonne and"
                    + " takes none or more from the reserve, not " + supply.fromIssuanceTonnes() + " t and "
                    + supply.fromReserveTonnes() + " t");
        }
        InstrumentCode instrument = supply.instrument();
        Jurisdiction jurisdiction = instrument.product().jurisdiction();
        String delivery = SystemAccounts.auctionDelivery(jurisdiction);
        String id = supply.instructionId();
        List<KeyedMovement> movements = new ArrayList<>(3);
        movements.add(new KeyedMovement(id + "/ISSUE", Movement.between(TransactionType.AUCTION_DELIVERY, instrument,
                supply.fromIssuanceTonnes(), SystemAccounts.nationalIssuance(jurisdiction), HoldingStatus.AVAILABLE,
                delivery, HoldingStatus.AVAILABLE)));
        if (supply.fromReserveTonnes() > 0) {
            movements.add(new KeyedMovement(id + "/RESERVE", Movement.between(TransactionType.RESERVE_RELEASE,
                    instrument, supply.fromReserveTonnes(), SystemAccounts.stabilityReserve(jurisdiction),
                    HoldingStatus.AVAILABLE, delivery, HoldingStatus.AVAILABLE)));
        }
        movements.add(new KeyedMovement(id, Movement.between(TransactionType.TO_TRADING, instrument,
                supply.totalTonnes(), delivery, HoldingStatus.AVAILABLE, delivery, HoldingStatus.IN_TRADING)));
        return movements;
    }

    /** A set-aside: RESERVE_INTAKE from the issuance account into the stability reserve. */
    static Movement setAside(ReserveSetAside setAside) {
        if (setAside.tonnes() <= 0) {
            throw new RuleViolationException("INVALID_QUANTITY", "a set-aside moves at least one tonne, not "
                    + setAside.tonnes() + " t");
        }
        Jurisdiction jurisdiction = setAside.instrument().product().jurisdiction();
        return Movement.between(TransactionType.RESERVE_INTAKE, setAside.instrument(), setAside.tonnes(),
                SystemAccounts.nationalIssuance(jurisdiction), HoldingStatus.AVAILABLE,
                SystemAccounts.stabilityReserve(jurisdiction), HoldingStatus.AVAILABLE);
    }
}
