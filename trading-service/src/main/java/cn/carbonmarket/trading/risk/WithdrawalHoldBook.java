package cn.carbonmarket.trading.risk;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.risk.WithdrawalHold;
import cn.carbonmarket.trading.engine.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Settlement's withdrawal holds in the {@link RiskBook}: cash or units set aside from what is free until settlement
 * reports the withdrawal's ledger entry or the hold is released. Each change happens under the party's lock, the
 * same one open orders reserve under, so a hold and an order never take the same cash.
 */
public final class WithdrawalHoldBook {

    private final Function<PartyId, PartyAccount> accounts;
    private final Map<String, WithdrawalHold> holds = new ConcurrentHashMap<>();

    WithdrawalHoldBook(Function<PartyId, PartyAccount> accounts) {
        this.accounts = accounts;
    }

    /**
     * Sets a withdrawal aside from what is free on {@code today}, less what is not withdrawable yet (sale proceeds
     * and bought units until the next trading day after their trade), or says why not; the same hold again changes
     * nothing.
     */
    public Optional<Refusal> hold(WithdrawalHold hold, LocalDate today) {
        PartyAccount account = accounts.apply(hold.partyId());
        synchronized (account) {
            WithdrawalHold first = holds.get(hold.holdId());
            if (first != null) {
                return first.equals(hold) ? Optional.empty() : reused(hold);
            }
            AssetPosition position = account.asset(hold.asset());
            long available = position.freeBeyond(today);
            if (available < hold.amount()) {
                return Optional.of(new Refusal(RiskBook.CASH.equals(hold.asset()) ? "INSUFFICIENT_CASH"
                        : "INSUFFICIENT_UNITS", "the withdrawal of " + hold.amount() + " " + hold.asset()
                        + " exceeds the " + available + " not reserved by open orders, held, or withdrawable only from"
                        + " the next trading day after their trade"));
            }
            if (holds.putIfAbsent(hold.holdId(), hold) != null) {
                return reused(hold); // the same id, for another party, granted at this very moment
            }
            position.hold(hold.amount());
            return Optional.empty();
        }
    }

    private static Optional<Refusal> reused(WithdrawalHold hold) {
        return Optional.of(new Refusal("HOLD_ID_REUSED", "hold " + hold.holdId()
                + " was granted for another withdrawal"));
    }

    /** Reinstates a stored hold after a restart, without checks: it was granted once. */
    public void restore(WithdrawalHold hold) {
        PartyAccount account = accounts.apply(hold.partyId());
        synchronized (account) {
            account.asset(hold.asset()).hold(hold.amount());
            holds.put(hold.holdId(), hold);
        }
    }

    public Optional<WithdrawalHold> holdOf(String holdId) {
        return Optional.ofNullable(holds.get(holdId));
    }

    /** Ends a hold (withdrawn, or cancelled by settlement); false if there was none. */
    public boolean release(String holdId) {
        WithdrawalHold hold = holds.get(holdId);
        if (hold == null) {
            return false;
        }
        PartyAccount account = accounts.apply(hold.partyId());
        synchronized (account) {
            if (!holds.remove(holdId, hold)) {
                return false;
            }
            account.asset(hold.asset()).unhold(hold.amount());
            return true;
        }
    }

    /** Under the party's lock: the party's holds waiting for one of the reported {@code entryIds} end. */
    void reported(PartyId party, PartyAccount account, List<String> entryIds) {
        holds.values().removeIf(hold -> {
            boolean released = hold.partyId().equals(party) && entryIds.contains(hold.entryId());
            if (released) {
                account.asset(hold.asset()).unhold(hold.amount());
            }
            return released;
        });
    }
}
