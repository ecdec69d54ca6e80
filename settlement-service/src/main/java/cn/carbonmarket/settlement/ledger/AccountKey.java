package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.Comparator;
import java.util.Objects;

/**
 * One ledger account: its kind, its owner (a party id or {@link #HOUSE}) and its asset.
 * The natural order is the order every posting locks accounts in, so that two postings never deadlock.
 */
public record AccountKey(AccountKind kind, String owner, Asset asset) implements Comparable<AccountKey> {

    public static final String HOUSE = "HOUSE";

    private static final Comparator<AccountKey> ORDER = Comparator.comparing(AccountKey::kind)
            .thenComparing(AccountKey::owner).thenComparing(AccountKey::asset);

    public AccountKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(asset, "asset");
    }

    public static AccountKey cashAvailable(PartyId party) {
        return new AccountKey(AccountKind.CASH_AVAILABLE, party.toString(), Asset.CNY);
    }

    public static AccountKey cashReserved(PartyId party) {
        return new AccountKey(AccountKind.CASH_RESERVED, party.toString(), Asset.CNY);
    }

    public static AccountKey cashPendingWithdrawal(PartyId party) {
        return new AccountKey(AccountKind.CASH_PENDING_WITHDRAWAL, party.toString(), Asset.CNY);
    }

    public static AccountKey units(PartyId party, InstrumentCode instrument) {
        return new AccountKey(AccountKind.UNITS, party.toString(), Asset.of(instrument));
    }

    public static AccountKey omnibus() {
        return new AccountKey(AccountKind.SETTLEMENT_BANK_OMNIBUS, HOUSE, Asset.CNY);
    }

    public static AccountKey feeIncome() {
        return new AccountKey(AccountKind.FEE_INCOME, HOUSE, Asset.CNY);
    }

    public static AccountKey registryMirror(InstrumentCode instrument) {
        return new AccountKey(AccountKind.REGISTRY_UNITS_MIRROR, HOUSE, Asset.of(instrument));
    }

    /** The party owning this account, for party accounts. */
    public PartyId party() {
        if (kind.owner() != AccountKind.Owner.PARTY) {
            throw new IllegalStateException(kind + " is not a party account");
        }
        return PartyId.parse(owner);
    }

    public boolean isPartyAccount() {
        return kind.owner() == AccountKind.Owner.PARTY;
    }

    @Override
    public int compareTo(AccountKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind + "/" + owner + "/" + asset;
    }
}
