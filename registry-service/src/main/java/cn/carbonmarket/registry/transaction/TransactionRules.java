package cn.carbonmarket.registry.transaction;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.platform.problem.RuleViolationException;
import cn.carbonmarket.registry.account.AccountState;
import cn.carbonmarket.registry.account.AccountType;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.rules.JurisdictionRules;
import cn.carbonmarket.registry.rules.RegistryRulePack;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks every movement passes before it is booked (the EUTL/ITL model), each refusal with its own code.
 * Pure: given the accounts and current holdings it returns the holdings after the movement or refuses, so that
 * the rules can be tested on their own and the database only stores the outcome.
 */
public final class TransactionRules {

    /** Movements a participant may ask for on its own; caps apply to these. */
    private static final Set<TransactionType> PARTY_TYPES = EnumSet.of(TransactionType.TRANSFER,
            TransactionType.TO_TRADING, TransactionType.VOLUNTARY_CANCELLATION, TransactionType.SURRENDER);

    /** The system account a participant's movement of each kind may credit: where its units leave circulation. */
    private static final Map<TransactionType, AccountType> RETIREMENTS = Map.of(
            TransactionType.VOLUNTARY_CANCELLATION, AccountType.VOLUNTARY_CANCELLATION,
            TransactionType.SURRENDER, AccountType.SURRENDER);

    /**
     * Movements that only change the status of units inside one account, so a frozen account allows them: a freeze
     * order's, and units coming back from trading (settlement has already let them go; they stay frozen in place).
     */
    private static final Set<TransactionType> IN_PLACE = EnumSet.of(TransactionType.FREEZE, TransactionType.UNFREEZE,
            TransactionType.FROM_TRADING);

    /**
     * The movements that may credit ({@code INTO}) or debit ({@code OUT_OF}) the accounts dedicated to one flow,
     * whoever asks: the stability reserve changes only by its intakes and releases; the auctioneer's auction delivery
     * account only by an auction's supply, its moves in and out of trading, the delivery to buyers and the returns of
     * what was not sold. Other accounts take part in any movement the other checks allow.
     */
    private static final Map<AccountType, Set<TransactionType>> INTO = Map.of(
            AccountType.STABILITY_RESERVE, EnumSet.of(TransactionType.RESERVE_INTAKE),
            AccountType.AUCTION_DELIVERY, EnumSet.of(TransactionType.AUCTION_DELIVERY,
                    TransactionType.RESERVE_RELEASE, TransactionType.TO_TRADING, TransactionType.FROM_TRADING,
                    TransactionType.SETTLEMENT_DELIVERY));
    private static final Map<AccountType, Set<TransactionType>> OUT_OF = Map.of(
            AccountType.STABILITY_RESERVE, EnumSet.of(TransactionType.RESERVE_RELEASE),
            AccountType.AUCTION_DELIVERY, EnumSet.of(TransactionType.TO_TRADING, TransactionType.FROM_TRADING,
                    TransactionType.SETTLEMENT_DELIVERY, TransactionType.AUCTION_RETURN,
                    TransactionType.RESERVE_INTAKE));

    private final RegistryRulePack rulePack;

    public TransactionRules(RegistryRulePack rulePack) {
        this.rulePack = rulePack;
    }

    /**
     * @param accounts every account the movement touches, by id (missing ones are refused)
     * @param current  the current quantity of every holding the movement touches (absent = 0)
     * @return the quantity of each touched holding after the movement
     */
    public Map<HoldingKey, Long> apply(Movement movement, Initiator initiator, Map<String, AccountSnapshot> accounts,
                                       Map<HoldingKey, Long> current) {
        if (movement.lines().isEmpty()) {
            throw refuse("EMPTY_TRANSACTION", "a transaction needs at least one line");
        }
        checkBalanced(movement);
        for (Movement.Line line : movement.lines()) {
            if (line.delta() == 0) {
                throw refuse("ZERO_QUANTITY", "a line must move at least one tonne");
            }
            checkAccount(movement.type(), initiator, accounts, line);
        }
        checkEligible(movement, accounts);
        checkCap(movement);
        Map<HoldingKey, Long> after = new TreeMap<>();
        for (Movement.Line line : movement.lines()) {
            long before = after.getOrDefault(line.holding(), current.getOrDefault(line.holding(), 0L));
            long quantity = Math.addExact(before, line.delta());
            if (quantity < 0 && !accounts.get(line.holding().account()).type().mayGoNegative()) {
                throw refuse("INSUFFICIENT_UNITS", "account " + line.holding().account() + " holds " + before + " t of "
                        + line.holding().instrument() + " " + line.holding().status() + ", " + -line.delta()
                        + " t are needed");
            }
            after.put(line.holding(), quantity);
        }
        return after;
    }

    /**
     * The checks of the accounts alone, for a movement whose quantities are not settled yet (a claw-back takes what
     * is there): every account exists, is open for its line's direction, and the initiator may move it.
     */
    public void checkAccounts(Movement movement, Initiator initiator, Map<String, AccountSnapshot> accounts) {
        movement.lines().forEach(line -> checkAccount(movement.type(), initiator, accounts, line));
    }

    private static void checkAccount(TransactionType type, Initiator initiator, Map<String, AccountSnapshot> accounts,
                                     Movement.Line line) {
        AccountSnapshot account = accounts.get(line.holding().account());
        if (account == null) {
            throw refuse("ACCOUNT_NOT_FOUND", "account " + line.holding().account() + " does not exist");
        }
        checkOpen(type, account, line);
        checkNotRetired(account, line);
        checkPermitted(type, initiator, account, line);
        checkDedicated(type, account, line);
    }

    private static void checkBalanced(Movement movement) {
        Map<InstrumentCode, Long> sums = new HashMap<>();
        movement.lines().forEach(l -> sums.merge(l.holding().instrument(), l.delta(), Math::addExact));
        sums.forEach((instrument, sum) -> {
            if (sum != 0) {
                throw refuse("UNBALANCED", "the lines of " + instrument + " sum to " + sum + " t instead of zero");
            }
        });
    }

    /** A frozen or closed account sends nothing; a closed one receives nothing either. */
    private static void checkOpen(TransactionType type, AccountSnapshot account, Movement.Line line) {
        boolean debit = line.delta() < 0 && !IN_PLACE.contains(type);
        if (account.state() == AccountState.CLOSED || (debit && account.state() == AccountState.FROZEN)) {
            throw refuse("ACCOUNT_NOT_OPEN", "account " + account.id() + " is " + account.state());
        }
    }

    /**
     * Surrendered and voluntarily cancelled units have left circulation for good: whoever asks, nothing moves out of
     * a surrender or cancellation account.
     */
    private static void checkNotRetired(AccountSnapshot account, Movement.Line line) {
        if (line.delta() < 0 && account.type().retiresUnits()) {
            throw refuse("NOT_PERMITTED", "units retired into " + account.id() + " never leave it");
        }
    }

    private static void checkPermitted(TransactionType type, Initiator initiator, AccountSnapshot account,
                                       Movement.Line line) {
        if (initiator.kind() != Initiator.Kind.PARTY) {
            return;
        }
        if (!PARTY_TYPES.contains(type)) {
            throw refuse("NOT_PERMITTED", type + " is not a movement a participant can order");
        }
        boolean ownHolding = account.type() == AccountType.HOLDING
                && initiator.party().value().equals(account.partyId());
        boolean retired = line.delta() > 0 && account.type() == RETIREMENTS.get(type);
        boolean toAnotherHolding = line.delta() > 0 && account.type() == AccountType.HOLDING;
        if (!(ownHolding || retired || toAnotherHolding)) {
            throw refuse("NOT_PERMITTED", "a participant moves units only out of its own holding account ("
                    + account.id() + " is not its own)");
        }
    }

    private static void checkDedicated(TransactionType type, AccountSnapshot account, Movement.Line line) {
        boolean into = line.delta() > 0;
        Set<TransactionType> allowed = (into ? INTO : OUT_OF).get(account.type());
        if (allowed != null && !allowed.contains(type)) {
            throw refuse("NOT_PERMITTED", type + " moves no units " + (into ? "into " : "out of ") + account.id()
                    + ": only " + allowed + " do");
        }
    }

    private void checkEligible(Movement movement, Map<String, AccountSnapshot> accounts) {
        for (Movement.Line line : movement.lines()) {
            InstrumentCode instrument = line.holding().instrument();
            JurisdictionRules rules = rulePack.of(instrument);
            boolean issuable = rules.issuable().contains(instrument.product());
            boolean eligible = switch (movement.type()) {
                case TO_TRADING -> rules.tradable().contains(instrument.product());
                case ISSUANCE, ALLOCATION, AUCTION_DELIVERY, OFFSET_ISSUANCE -> issuable;
                default -> true;
            };
            // Units taken out of an issuance account are issued, whatever the movement (a reserve's set-aside too).
            boolean issued = line.delta() < 0
                    && accounts.get(line.holding().account()).type() == AccountType.NATIONAL_ISSUANCE;
            if (!eligible || (issued && !issuable)) {
                throw refuse("INSTRUMENT_NOT_ELIGIBLE", instrument + " is not eligible for " + movement.type()
                        + " under the " + instrument.product().jurisdiction() + " rules");
            }
        }
    }

    private void checkCap(Movement movement) {
        if (!PARTY_TYPES.contains(movement.type())) {
            return;
        }
        Map<InstrumentCode, Long> moved = new HashMap<>();
        movement.lines().stream().filter(l -> l.delta() > 0)
                .forEach(l -> moved.merge(l.holding().instrument(), l.delta(), Math::addExact));
        moved.forEach((instrument, quantity) -> {
            long cap = rulePack.of(instrument).maxUnitsPerTransaction();
            if (quantity > cap) {
                throw refuse("QUANTITY_CAP_EXCEEDED", quantity + " t of " + instrument + " exceed the "
                        + instrument.product().jurisdiction() + " limit of " + cap + " t per transaction");
            }
        });
    }

    private static RuleViolationException refuse(String code, String message) {
        return new RuleViolationException(code, message);
    }
}
